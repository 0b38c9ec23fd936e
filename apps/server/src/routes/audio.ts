import { importFile } from "@attune/core";
import { AttuneError } from "@attune/engine";
import type { VoiceSpeaker } from "@attune/voice";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AudioJob } from "../audio/audio-job.js";
import { createAudioPool } from "../audio/audio-pool.js";
import { authenticate } from "../auth.js";
import type { AppContext } from "../context.js";
import { ApiError } from "../http-errors.js";

const WAV_TYPES = ["audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"];

const Channels = z
  .enum(["agent,customer", "customer,agent"])
  .default("agent,customer")
  .describe("who is on the left and right channel of a stereo recording");
const Customer = z
  .string()
  .min(1)
  .max(200)
  .describe("your id of the customer; refused (403) if they withdrew voice consent");
const MonoSpeaker = z.enum(["agent", "customer", "mixed"]).default("mixed").describe("who speaks in a mono recording");

/** Query of `POST /api/v1/audio/analyze` with a raw WAV body. */
export const AudioQuery = z.strictObject({
  customer: Customer.optional(),
  channels: Channels,
  monoSpeaker: MonoSpeaker,
});

/** JSON body of `POST /api/v1/audio/analyze`: the WAV as base64, with an optional timed transcript. */
export const AudioJsonInput = z.strictObject({
  audio: z.base64().min(1, "expected a base64 WAV, found an empty string").describe("the WAV file, base64"),
  transcript: z
    .strictObject({
      format: z.enum(["vtt", "srt", "json"]),
      content: z.string().min(1, "expected transcript text, found an empty string"),
    })
    .optional()
    .describe("a timed transcript (WebVTT, SubRip or Attune's JSON turns) to fuse with the voice per turn"),
  customer: Customer.optional(),
  channels: Channels,
  monoSpeaker: MonoSpeaker,
});

type Request = Omit<z.infer<typeof AudioJsonInput>, "audio"> & { wav: Buffer };

function readRequest(body: unknown, query: unknown, contentType: string | undefined): Request {
  if (Buffer.isBuffer(body)) {
    if (body.length === 0) throw new ApiError("invalid_input", "expected a WAV body, found an empty one");
    return { ...AudioQuery.parse(query), wav: body };
  }
  if (body && typeof body === "object") {
    const { audio, ...rest } = AudioJsonInput.parse(body);
    return { ...rest, wav: Buffer.from(audio, "base64") };
  }
  throw new ApiError(
    "unsupported_media_type",
    `expected a WAV body (${WAV_TYPES[0]}) or JSON with base64 audio, found ${contentType ?? "no content type"}`,
  );
}

/**
 * `POST /api/v1/audio/analyze`: the voice of a call recording (16-bit PCM WAV, mono or stereo) — segments, arousal
 * against each speaker's own baseline, overlap — and, with a transcript, words and voice fused per turn. The voice
 * is analyzed in a worker thread, so a long call never stalls other requests or the live stream. Two ways to
 * send it: the raw WAV as `audio/wav` (options in the query), or `application/json` with the WAV in base64 and an
 * optional transcript. Bodies up to `ATTUNE_MAX_AUDIO_BYTES` (this route only). Nothing is stored.
 */
export function audioRoutes(app: FastifyInstance, ctx: AppContext): void {
  const audioPool = createAudioPool();
  app.addHook("onClose", () => audioPool.close());
  app.addContentTypeParser(
    WAV_TYPES,
    { parseAs: "buffer", bodyLimit: ctx.config.maxAudioBytes },
    (_request, body, done) => done(null, body),
  );

  const limit = ctx.config.maxAudioBytes;
  const checkSize = async (request: { headers: Record<string, unknown> }) => {
    const length = Number(request.headers["content-length"]);
    if (length > limit) {
      throw new ApiError(
        "payload_too_large",
        `expected a body of at most ${limit} bytes (ATTUNE_MAX_AUDIO_BYTES), found ${length}`,
      );
    }
  };
  app.post("/api/v1/audio/analyze", { bodyLimit: limit, onRequest: checkSize }, async (request) => {
    const key = await authenticate(ctx.store, request, "read");
    const input = readRequest(request.body, request.query, request.headers["content-type"]);
    if (input.customer) {
      const customer = await ctx.store.findCustomer(key.tenantId, input.customer);
      if (customer && !customer.consent.voice) {
        throw new ApiError(
          "forbidden",
          `customer ${input.customer} withdrew consent to voice analysis; nothing was analyzed`,
          { refusal: "consent_withdrawn", modality: "voice" },
        );
      }
    }
    const channelSpeakers = input.channels.split(",") as [VoiceSpeaker, VoiceSpeaker];
    let transcript: AudioJob["transcript"];
    if (input.transcript) {
      const { format, content } = input.transcript;
      const imported = await importFile("transcript", `transcript.${format}`, content);
      if (imported.messages.length === 0) {
        const reasons = imported.skipped.map((s) => s.reason).join("; ");
        throw new AttuneError("invalid_input", `transcript: expected timed turns, found none (${reasons})`);
      }
      // Words are analyzed here (fast); the voice, which takes seconds for a long call, in the worker.
      const texts = Object.fromEntries(imported.messages.map((m) => [m.text, ctx.analyzer.analyze(m.text)]));
      transcript = { messages: imported.messages, texts };
    }
    const wav = new Uint8Array(input.wav.buffer, input.wav.byteOffset, input.wav.byteLength);
    const { analysis, fusion } = await audioPool.run({
      wav,
      channelSpeakers,
      monoSpeaker: input.monoSpeaker,
      ...(transcript ? { transcript } : {}),
    });
    return { ...(input.customer ? { customer: input.customer } : {}), analysis, ...(fusion ? { fusion } : {}) };
  });
}

/** The OpenAPI entry of the audio route, from the same zod schemas that validate it. */
export function audioOpenApiPaths(op: (summary: string) => Record<string, unknown>): Record<string, unknown> {
  const query = z.toJSONSchema(AudioQuery, { io: "input" }) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const base = op(
    "Voice of a call recording (16-bit PCM WAV): segments, arousal, overlap; with a transcript, words and voice per turn",
  );
  return {
    "/api/v1/audio/analyze": {
      post: {
        ...base,
        responses: { ...(base.responses as object), 415: { description: "neither audio/wav nor JSON" } },
        parameters: Object.entries(query.properties).map(([name, schema]) => ({
          name,
          in: "query",
          required: query.required?.includes(name) ?? false,
          schema,
          description: "with an audio/wav body only",
        })),
        requestBody: {
          required: true,
          content: {
            "audio/wav": { schema: { type: "string", format: "binary" } },
            "application/json": { schema: z.toJSONSchema(AudioJsonInput, { io: "input", unrepresentable: "any" }) },
          },
        },
      },
    },
  };
}
