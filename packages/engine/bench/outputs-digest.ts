/**
 * Equivalence check for optimizations: analyzes every corpus message, the bench's message set, every
 * written conversation (whole, and as the bench's 30-turn slices) and every draft, with the model's
 * features, and prints one sha256 over all outputs. `tsx outputs-digest.ts out.jsonl` also writes
 * every output, one JSON line each, to diff two versions of the engine.
 */
import { createHash } from "node:crypto";
import { createWriteStream, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCoach } from "../src/coach/create-coach.js";
import type { Turn } from "../src/conversation/types.js";
import { loadAnalyzer, readJsonlFolder } from "../src/node/load-engine-data.js";
import { buildBenchCorpus } from "./bench-corpus.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const corpusDir = join(here, "..", "..", "..", "corpus");
const testData = join(here, "..", "test-data");
const analyzer = loadAnalyzer();
const coach = createCoach(analyzer);
const hash = createHash("sha256");
const out = process.argv[2] ? createWriteStream(process.argv[2]) : undefined;
let count = 0;
const emit = (kind: string, value: unknown) => {
  const line = `${kind}\t${JSON.stringify(value)}\n`;
  hash.update(line);
  out?.write(line);
  count++;
};

function listJsonl(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? listJsonl(join(dir, n)) : n.endsWith(".jsonl") ? [join(dir, n)] : [],
    );
}

const messages: string[] = [];
for (const file of listJsonl(corpusDir))
  for (const raw of readFileSync(file, "utf8").split("\n"))
    if (raw.trim()) messages.push((JSON.parse(raw) as { text: string }).text);
messages.push(...buildBenchCorpus(corpusDir));
for (const text of messages) {
  emit("analyze", analyzer.analyze(text));
  const x = analyzer.features(analyzer.prepare(text));
  emit("features", [Array.from(x.index.subarray(0, x.n)), Array.from(x.value.subarray(0, x.n)), x.lexicalStart]);
}

type Conversation = { turns: Turn[]; contactsThisWeek?: number };
const conversations = readJsonlFolder<Conversation>(join(testData, "conversations"));
const allTurns = conversations.flatMap((c) => c.turns.map(({ speaker, text }) => ({ speaker, text })));
const slices: Turn[][] = [];
for (let start = 0; start + 30 <= allTurns.length; start += 30) slices.push(allTurns.slice(start, start + 30));
for (const c of conversations) {
  const analysis = analyzer.analyzeConversation(c.turns, { contactsThisWeek: c.contactsThisWeek ?? 0 });
  emit("conversation", analysis);
  emit("suggest", coach.suggestReplies(analysis));
  for (let i = 1; i < c.turns.length; i++) emit("prefix", analyzer.analyzeConversation(c.turns.slice(0, i)));
}
for (const s of slices) emit("slice", analyzer.analyzeConversation(s));

type Draft = { customer: string[]; draft: string };
for (const d of readJsonlFolder<Draft>(join(testData, "drafts"))) {
  const turns: Turn[] = d.customer.map((text) => ({ speaker: "customer", text }));
  emit("draft", coach.checkDraft(d.draft, turns));
}
out?.end();
console.log(`${count} outputs, sha256 ${hash.digest("hex")}`);
