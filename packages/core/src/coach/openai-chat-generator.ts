import type { ConversationAnalysis, ReplyLocale, SuggestedReply } from "@attune/engine";
import type { ReplyGenerator } from "./reply-generator.js";

/** Settings for an OpenAI-compatible chat endpoint run by the operator (e.g. a local model server). */
export interface OpenAiChatOptions {
  /** Base URL, e.g. `http://127.0.0.1:8080/v1`; requests go to `${url}/chat/completions`. */
  url: string;
  model: string;
  apiKey?: string;
  /** Milliseconds before a request is abandoned (default 15,000). */
  timeoutMs?: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** Why the generator failed, in words an operator can act on. */
export class GeneratorError extends Error {
  constructor(message: string) {
    super(`attune generator: ${message}`);
    this.name = "GeneratorError";
  }
}

const LANGUAGE_NAME: Record<ReplyLocale, string> = {
  "zh-Hans": "Simplified Chinese (mainland China usage)",
  "zh-Hant-TW": "Traditional Chinese as written in Taiwan",
  "zh-Hant-HK": "Traditional Chinese as written by Hong Kong customer service (light Cantonese)",
  en: "English",
};

/** The chat messages sent to the model: the practice, the customer's state, the conversation, three templates. */
export function buildChatMessages(
  conversation: ConversationAnalysis,
  locale: ReplyLocale,
  templates: SuggestedReply[],
) {
  const f = conversation.final;
  const system = [
    "You are a senior customer-service agent writing replies for a colleague to send.",
    `Write in ${LANGUAGE_NAME[locale]}.`,
    "Follow this order: acknowledge and validate the feeling (matched to its strength) → apologize where the company is at fault → take ownership → a concrete next step with a time → options where there are any → follow-up.",
    "Never blame the customer, never refuse flatly, never tell them to calm down, never promise what cannot be guaranteed. Leave unknown facts as [blanks].",
    'Return exactly three alternative replies as a JSON array of strings, e.g. ["...","...","..."], and nothing else.',
  ].join(" ");
  const transcript = conversation.turns.map((t) => `${t.speaker}: ${t.text}`).join("\n");
  const user = [
    `Customer feels ${f.emotion} (intensity ${f.intensity.toFixed(2)}, ${conversation.trajectory}); escalation risk ${conversation.escalationRisk.score.toFixed(2)}.`,
    `Conversation:\n${transcript}`,
    `Template replies to improve on:\n${templates.map((t, i) => `${i + 1}. ${t.text}`).join("\n")}`,
  ].join("\n\n");
  return [
    { role: "system", content: system },
    { role: "user", content: user },
  ];
}

/** Reads three replies from the model's answer: a JSON array, or else numbered or blank-line-separated lines. */
export function parseReplies(content: string): string[] {
  const trimmed = content.trim();
  const json = trimmed.match(/\[[\s\S]*\]/);
  if (json) {
    try {
      const parsed = JSON.parse(json[0]) as unknown;
      if (Array.isArray(parsed))
        return parsed.filter((x): x is string => typeof x === "string" && x.trim() !== "").slice(0, 3);
    } catch {
      // not JSON after all: fall through to line splitting
    }
  }
  return trimmed
    .split(/\n\s*\n|\n(?=\s*\d+[.)、]\s)/)
    .map((s) => s.replace(/^\s*\d+[.)、]\s*/, "").trim())
    .filter(Boolean)
    .slice(0, 3);
}

/**
 * A reply generator backed by an OpenAI-compatible `/chat/completions` endpoint. Off unless an
 * operator configures a URL; nothing else in Attune talks to the network.
 */
export function createOpenAiChatGenerator(options: OpenAiChatOptions): ReplyGenerator {
  const url = `${options.url.replace(/\/+$/, "")}/chat/completions`;
  const doFetch = options.fetch ?? fetch;
  return {
    async generate(conversation, { locale, templates }) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 15_000);
      let response: Response;
      try {
        response = await doFetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify({
            model: options.model,
            messages: buildChatMessages(conversation, locale, templates),
            temperature: 0.7,
          }),
          signal: controller.signal,
        });
      } catch (e) {
        const why =
          (e as Error).name === "AbortError"
            ? `no answer within ${options.timeoutMs ?? 15_000} ms`
            : (e as Error).message;
        throw new GeneratorError(`could not reach ${url}: ${why}`);
      } finally {
        clearTimeout(timer);
      }
      if (!response.ok) {
        const body = (await response.text()).slice(0, 300);
        throw new GeneratorError(`expected 200 from ${url}, found ${response.status}: ${body}`);
      }
      const payload = (await response.json()) as { choices?: Array<{ message?: { content?: unknown } }> };
      const content = payload.choices?.[0]?.message?.content;
      if (typeof content !== "string") {
        throw new GeneratorError(`expected choices[0].message.content to be a string in the answer from ${url}`);
      }
      const replies = parseReplies(content);
      if (replies.length === 0) throw new GeneratorError(`the model at ${url} returned no replies`);
      return replies;
    },
  };
}
