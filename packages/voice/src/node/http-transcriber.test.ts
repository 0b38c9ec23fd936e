import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TranscriberError } from "../transcriber.js";
import { createHttpTranscriber } from "./http-transcriber.js";

let server: Server;
let url: string;
const seen: Array<{ type: string | undefined; bytes: number; query: string }> = [];

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  // A stand-in for an operator's speech-to-text service.
  server = createServer(async (request, response) => {
    const bytes = await body(request);
    const path = request.url ?? "/";
    seen.push({ type: request.headers["content-type"], bytes: bytes.length, query: path.split("?")[1] ?? "" });
    if (path.startsWith("/broken")) {
      response.writeHead(503).end("model is loading");
      return;
    }
    if (path.startsWith("/empty")) {
      response.writeHead(200, { "content-type": "application/json" }).end('{"turns":[]}');
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        turns: [
          { speaker: "agent", text: "How can I help?", start: 0.5, end: 1.9 },
          { speaker: "customer", text: "My parcel is lost.", start: 2.4, end: 4.0 },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("createHttpTranscriber", () => {
  it("posts the WAV and returns timed turns as the transcript importers shape them", async () => {
    const stt = createHttpTranscriber({ url: `${url}/transcribe` });
    const result = await stt.transcribe(new Uint8Array(1234), { language: "en-US", callId: "c-9" });
    expect(seen.at(-1)).toEqual({ type: "audio/wav", bytes: 1234, query: "language=en-US&callId=c-9" });
    expect(result.messages).toHaveLength(2);
    expect(result.messages[1]).toMatchObject({
      speaker: "customer",
      text: "My parcel is lost.",
      meta: { start: 2.4, end: 4 },
    });
    expect(result.messages[0]?.externalId).toMatch(/^c-9:/);
  });

  it("fails loudly on a bad answer, an empty transcript, an unreachable service or a bad URL", async () => {
    await expect(createHttpTranscriber({ url: `${url}/broken` }).transcribe(new Uint8Array(4))).rejects.toThrow(
      /expected 200 from http:\/\/127\.0\.0\.1:\d+, found 503: model is loading/,
    );
    await expect(createHttpTranscriber({ url: `${url}/empty` }).transcribe(new Uint8Array(4))).rejects.toThrow(
      /expected a transcript with turns, found none/,
    );
    await expect(
      createHttpTranscriber({ url: "http://127.0.0.1:9" }).transcribe(new Uint8Array(4)),
    ).rejects.toBeInstanceOf(TranscriberError);
    expect(() => createHttpTranscriber({ url: "ftp://stt" })).toThrow(/expected an http\(s\) URL, found "ftp:\/\/stt"/);
  });
});
