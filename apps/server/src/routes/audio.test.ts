import { readFileSync } from "node:fs";
import { join } from "node:path";
import { encodeWav } from "@attune/voice";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashKey } from "../auth.js";
import { testServer } from "../test-support/test-server.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "..", "..", "packages", "voice", "test-data");
const CALL = readFileSync(join(FIXTURES, "call-stereo.wav"));
const VTT = readFileSync(join(FIXTURES, "call-stereo.vtt"), "utf8");

let app: FastifyInstance;
let keys: Awaited<ReturnType<typeof testServer>>["keys"];
let store: Awaited<ReturnType<typeof testServer>>["store"];
let close: () => Promise<void>;
beforeAll(async () => {
  // The JSON limit is below the call's size in base64; the audio limit is above it.
  ({ app, keys, store, close } = await testServer({
    ATTUNE_MAX_BODY_BYTES: "1000000",
    ATTUNE_MAX_AUDIO_BYTES: "3000000",
  }));
});
afterAll(() => close());

const wav = (body: Buffer | Uint8Array, query = "", key = keys.a.agent, type = "audio/wav") =>
  app.inject({
    method: "POST",
    url: `/api/v1/audio/analyze${query}`,
    headers: { "x-api-key": key, "content-type": type },
    payload: Buffer.from(body),
  });
const json = (body: unknown, key = keys.a.agent) =>
  app.inject({
    method: "POST",
    url: "/api/v1/audio/analyze",
    headers: { "x-api-key": key, "content-type": "application/json" },
    payload: JSON.stringify(body),
  });

describe("POST /api/v1/audio/analyze", () => {
  it("analyzes a raw WAV body: segments per speaker, arousal, overlap", async () => {
    const res = await wav(CALL);
    expect(res.statusCode).toBe(200);
    const { analysis } = res.json();
    expect(analysis.channels).toBe(2);
    expect(analysis.segments.length).toBe(10);
    expect(analysis.overlaps[0]).toMatchObject({ interrupter: "customer", interrupted: "agent" });
  });

  it("fuses a transcript sent as JSON with base64 audio, over the general JSON body limit", async () => {
    const res = await json({ audio: CALL.toString("base64"), transcript: { format: "vtt", content: VTT } });
    expect(res.statusCode).toBe(200);
    const { fusion } = res.json();
    expect(fusion.turns).toHaveLength(10);
    expect(fusion.turns.map((t: { fused: { disagreement: string | null } }) => t.fused.disagreement)).toContain(
      "calm words, agitated voice",
    );
  });

  it("refuses a customer who withdrew voice consent, and analyzes one who did not", async () => {
    await store.setConsent(
      (await store.findApiKey(hashKey(keys.a.agent)))?.tenantId ?? "",
      "cust-v",
      { voice: false },
      new Date().toISOString(),
    );
    const refused = await wav(CALL, "?customer=cust-v");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(
      "customer cust-v withdrew consent to voice analysis; nothing was analyzed",
    );
    const fine = await wav(CALL, "?customer=someone-else&channels=customer,agent");
    expect(fine.statusCode).toBe(200);
    expect(fine.json().analysis.segments[0].speaker).toBe("customer");
  });

  it("answers wrong format, empty, too large, bad options and no key with clear 4xx", async () => {
    const eightBit = await wav(Buffer.from("RIFF....WAVEfmt "));
    expect(eightBit.statusCode).toBe(400);
    expect(eightBit.json().error.message).toMatch(/expected a complete WAV file/);
    const mp3 = await wav(Buffer.from("ID3\u0004 not a wav"));
    expect(mp3.json().error).toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/expected a RIFF\/WAVE file/),
    });
    const empty = await wav(Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe("expected a WAV body, found an empty one");

    const big = await wav(encodeWav({ sampleRate: 16000, channels: [new Float32Array(16000 * 100)] }));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toBe(
      "expected a body of at most 3000000 bytes (ATTUNE_MAX_AUDIO_BYTES), found 3200044",
    );
    const badOption = await wav(CALL, "?channels=left,right");
    expect(badOption.statusCode).toBe(400);
    expect(badOption.json().error.message).toMatch(/^channels:/);
    const mpeg = await wav(CALL, "", keys.a.agent, "audio/mpeg");
    expect(mpeg.statusCode).toBe(415);
    const badJson = await json({ audio: "" });
    expect(badJson.statusCode).toBe(400);
    const noKey = await app.inject({
      method: "POST",
      url: "/api/v1/audio/analyze",
      headers: { "content-type": "audio/wav" },
      payload: CALL,
    });
    expect(noKey.statusCode).toBe(401);
    const ingestOnly = await wav(CALL, "", keys.a.ingest);
    expect(ingestOnly.statusCode).toBe(403);
  });

  it("is in the OpenAPI document with both body types", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const post = doc.paths["/api/v1/audio/analyze"].post;
    expect(Object.keys(post.requestBody.content)).toEqual(["audio/wav", "application/json"]);
    expect(post.parameters.map((p: { name: string }) => p.name)).toEqual(["customer", "channels", "monoSpeaker"]);
  });
});
