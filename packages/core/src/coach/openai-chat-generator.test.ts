import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createCoach, type Turn } from "@attune/engine";
import { loadAnalyzer } from "@attune/engine/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAiChatGenerator, GeneratorError, parseReplies } from "./openai-chat-generator.js";
import { generateCheckedReplies } from "./reply-generator.js";

/** A local stand-in for an operator's model server: speaks the OpenAI chat-completions protocol. */
function fakeModelServer(
  answer: (body: { model: string; messages: Array<{ role: string; content: string }> }) => {
    status: number;
    content: string;
  },
) {
  const requests: Array<{
    headers: IncomingMessage["headers"];
    body: { model: string; messages: Array<{ role: string; content: string }> };
  }> = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => {
      raw += c;
    });
    req.on("end", () => {
      if (req.url !== "/v1/chat/completions" || req.method !== "POST") {
        res.writeHead(404).end("not found");
        return;
      }
      const body = JSON.parse(raw);
      requests.push({ headers: req.headers, body });
      const { status, content } = answer(body);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(
        status === 200
          ? JSON.stringify({
              id: "x",
              object: "chat.completion",
              choices: [{ index: 0, message: { role: "assistant", content } }],
            })
          : content,
      );
    });
  });
  return { server, requests };
}

describe("OpenAI-compatible reply generator (against a local fake server)", () => {
  const coach = createCoach(loadAnalyzer());
  const turns: Turn[] = [{ speaker: "customer", text: "Third time asking: where is my refund for order #A73920?!" }];
  const conversation = loadAnalyzer().analyzeConversation(turns);
  let replies = JSON.stringify([
    "I'm so sorry you've had to chase this three times. I'm processing the refund for #A73920 now and will confirm by [time].",
    "Calm down, there's nothing I can do about it.",
    "I understand how frustrating this is. I've escalated #A73920 and will update you by 5pm today.",
  ]);
  const fake = fakeModelServer(() => ({ status: 200, content: replies }));
  let url = "";
  beforeAll(async () => {
    await new Promise<void>((r) => fake.server.listen(0, "127.0.0.1", () => r()));
    url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((r) => fake.server.close(() => r())));

  it("sends the conversation, the language and the templates, and passes every reply through the tone guard", async () => {
    const generator = createOpenAiChatGenerator({ url, model: "local-model", apiKey: "secret" });
    const out = await generateCheckedReplies(coach, generator, turns, conversation, "en");
    expect(out).toHaveLength(3);
    expect(out.map((r) => r.accepted)).toEqual([true, false, true]);
    expect(out[1]?.check.flags.map((f) => f.type)).toEqual(expect.arrayContaining(["dismissal", "absolute_refusal"]));
    const req = fake.requests.at(-1);
    expect(req?.headers.authorization).toBe("Bearer secret");
    expect(req?.body.model).toBe("local-model");
    expect(req?.body.messages[0]?.content).toMatch(/Write in English/);
    expect(req?.body.messages[1]?.content).toMatch(/#A73920/);
  });

  it("says clearly when the server fails or is unreachable", async () => {
    const failing = fakeModelServer(() => ({ status: 500, content: "model crashed" }));
    await new Promise<void>((r) => failing.server.listen(0, "127.0.0.1", () => r()));
    const failingUrl = `http://127.0.0.1:${(failing.server.address() as AddressInfo).port}/v1`;
    await expect(
      createOpenAiChatGenerator({ url: failingUrl, model: "m" }).generate(conversation, {
        locale: "en",
        templates: [],
      }),
    ).rejects.toThrow(/expected 200 from .*chat\/completions, found 500: model crashed/);
    await new Promise<void>((r) => failing.server.close(() => r()));
    await expect(
      createOpenAiChatGenerator({ url: failingUrl, model: "m", timeoutMs: 2000 }).generate(conversation, {
        locale: "en",
        templates: [],
      }),
    ).rejects.toThrow(GeneratorError);
  });

  it("rejects an answer with no replies", async () => {
    replies = "   ";
    await expect(
      createOpenAiChatGenerator({ url, model: "m" }).generate(conversation, { locale: "en", templates: [] }),
    ).rejects.toThrow(/returned no replies/);
  });
});

describe("parseReplies", () => {
  it("reads a JSON array, numbered lines or paragraphs", () => {
    expect(parseReplies('Here you go: ["a", "b", "c", "d"]')).toEqual(["a", "b", "c"]);
    expect(parseReplies("1. first\n2. second\n3. third")).toEqual(["first", "second", "third"]);
    expect(parseReplies("one\n\ntwo")).toEqual(["one", "two"]);
  });
});
