import { readFileSync } from "node:fs";
import { summarize } from "@attune/core";
import type { Analyzer, ConversationAnalysis, Turn } from "@attune/engine";
import { AttuneError } from "@attune/engine";
import { type BatchSummary, mapJsonlFile } from "../jsonl-batch.js";

/** The output line of `attune conversation` for one conversation. */
export function presentConversation(id: unknown, a: ConversationAnalysis) {
  return {
    id,
    // Per-turn results first, then the state the service stores for the conversation.
    turns: a.turns.map((t) =>
      t.state
        ? {
            index: t.index,
            speaker: t.speaker,
            emotion: t.state.emotion,
            intensity: t.state.intensity,
            polarity: t.state.polarity,
            score: t.state.score,
            ...(t.state.note ? { note: t.state.note } : {}),
            signals: Object.fromEntries(
              Object.entries(t.result?.signals ?? {})
                .filter(([, s]) => s.present)
                .map(([k, s]) => [k, s.score]),
            ),
            causes: (t.result?.causes ?? []).map((c) => c.aspect),
          }
        : { index: t.index, speaker: t.speaker, empathy: t.quality?.empathy, helpfulness: t.quality?.helpfulness },
    ),
    ...conversationState(a),
  };
}

/** The conversation-level part, as the service keeps it (without its per-turn count). */
function conversationState(a: ConversationAnalysis) {
  const { turns: _count, ...state } = summarize(a);
  return state;
}

/** `attune conversation --input --output`: one analysis per input line; bad lines go to the errors file. */
export function analyzeConversationsFile(
  analyzer: Analyzer,
  inputPath: string,
  outputPath: string,
): Promise<BatchSummary> {
  return mapJsonlFile(inputPath, outputPath, "conversations", (value) => {
    const v = value as { id?: unknown; turns?: unknown };
    if (typeof v !== "object" || v === null)
      throw new AttuneError("invalid_input", "expected a JSON object with id and turns");
    if (v.id === undefined) throw new AttuneError("invalid_input", 'expected an "id"');
    return presentConversation(v.id, analyzer.analyzeConversation(v.turns as Turn[]));
  });
}

/**
 * Reads a conversation for `suggest` and `check-draft`: a JSON file holding an array of turns or
 * `{ turns }`, or customer messages given on the command line.
 */
export function readConversation(file: string | undefined, customerMessages: readonly string[]): Turn[] {
  const turns: Turn[] = [];
  if (file) {
    const raw = JSON.parse(readFileSync(file, "utf8")) as unknown;
    const list = Array.isArray(raw) ? raw : (raw as { turns?: unknown }).turns;
    if (!Array.isArray(list))
      throw new AttuneError("invalid_input", `${file}: expected an array of turns or an object with "turns"`);
    turns.push(...(list as Turn[]));
  }
  for (const text of customerMessages) turns.push({ speaker: "customer", text });
  if (turns.length === 0)
    throw new AttuneError(
      "invalid_input",
      "give a conversation with --conversation FILE or a customer message with --customer TEXT",
    );
  return turns;
}
