#!/usr/bin/env node
// Validates corpus/**/*.jsonl: schema, unique ids, duplicate and near-duplicate texts, coverage counts.
// Usage: node scripts/check-corpus.mjs [folder-or-file ...]   (default: corpus/)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const EMOTIONS = [
  "anger",
  "frustration",
  "disappointment",
  "anxiety",
  "sadness",
  "confusion",
  "surprise",
  "neutral",
  "satisfaction",
  "gratitude",
  "joy",
];
const LANGS = ["zh-Hans", "zh-Hant", "yue", "en", "mixed"];
const INTENSITIES = ["low", "medium", "high"];
const POLARITIES = ["negative", "neutral", "positive"];
const CHANNELS = ["chat", "email", "social", "call", "review"];
const INDUSTRIES = [
  "ecommerce",
  "food_delivery",
  "telecom",
  "banking",
  "airline",
  "saas",
  "logistics",
  "utilities",
  "government",
  "insurance",
  "hotel_travel",
  "gaming",
  "education",
  "healthcare",
];
const CAUSES = [
  "delivery",
  "product_quality",
  "refund_return",
  "billing",
  "account",
  "agent_attitude",
  "wait_time",
  "technical_fault",
  "price",
  "policy",
  "other",
];
const SIGNALS = ["escalationThreat", "abuse", "urgency", "churnIntent", "repeatContact", "sarcasm"];
const TAGS = [
  "negation",
  "degree",
  "diminisher",
  "contrast",
  "rhetorical",
  "punctuation",
  "caps",
  "elongation",
  "emoji",
  "polite_anger",
  "sarcasm",
  "mixed_emotion",
  "code_switch",
  "quoted_email",
  "typo",
  "slang",
];
const KEYS = new Set([
  "id",
  "text",
  "lang",
  "emotion",
  "secondary",
  "intensity",
  "polarity",
  "channel",
  "industry",
  "causes",
  "signals",
  "tags",
]);

function files(p) {
  if (statSync(p).isDirectory())
    return readdirSync(p)
      .sort()
      .flatMap((f) => files(join(p, f)));
  return p.endsWith(".jsonl") ? [p] : [];
}
const roots = process.argv.slice(2);
const all = (roots.length ? roots : ["corpus"]).flatMap(files);
const errors = [];
const rows = [];
for (const file of all) {
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${file}:${i + 1}`;
      let r;
      try {
        r = JSON.parse(line);
      } catch (e) {
        errors.push(`${where}: not JSON (${e.message})`);
        return;
      }
      const bad = (m) => errors.push(`${where}: ${m}`);
      for (const k of Object.keys(r)) if (!KEYS.has(k)) bad(`unknown field "${k}"`);
      if (typeof r.id !== "string" || !r.id) bad("id must be a non-empty string");
      if (typeof r.text !== "string" || !r.text.trim()) bad("text must be a non-empty string");
      if (!LANGS.includes(r.lang)) bad(`lang "${r.lang}" not one of ${LANGS}`);
      if (!EMOTIONS.includes(r.emotion)) bad(`emotion "${r.emotion}" not one of ${EMOTIONS}`);
      if (r.secondary !== undefined && !EMOTIONS.includes(r.secondary))
        bad(`secondary "${r.secondary}" not an emotion`);
      if (!INTENSITIES.includes(r.intensity)) bad(`intensity "${r.intensity}"`);
      if (!POLARITIES.includes(r.polarity)) bad(`polarity "${r.polarity}"`);
      if (!CHANNELS.includes(r.channel)) bad(`channel "${r.channel}"`);
      if (!INDUSTRIES.includes(r.industry)) bad(`industry "${r.industry}"`);
      for (const [k, allowed] of [
        ["causes", CAUSES],
        ["signals", SIGNALS],
        ["tags", TAGS],
      ]) {
        if (!Array.isArray(r[k])) {
          bad(`${k} must be an array`);
          continue;
        }
        for (const v of r[k]) if (!allowed.includes(v)) bad(`${k} value "${v}" not one of ${allowed}`);
      }
      rows.push({ ...r, where });
    });
}
const ids = new Map();
for (const r of rows) {
  if (ids.has(r.id)) errors.push(`${r.where}: duplicate id ${r.id} (also ${ids.get(r.id)})`);
  else ids.set(r.id, r.where);
}

// Near-duplicates: texts that share most of their character 4-grams after removing digits and punctuation.
const norm = (t) => t.toLowerCase().replace(/[\d\s\p{P}\p{S}]+/gu, "");
const grams = (s) => {
  const g = new Set();
  for (let i = 0; i + 4 <= s.length; i++) g.add(s.slice(i, i + 4));
  return g;
};
const index = new Map();
const seen = new Map();

for (let n = 0; n < rows.length; n++) {
  const r = rows[n];
  const s = norm(r.text);
  if (seen.has(s)) {
    errors.push(`${r.where}: duplicate text (also ${seen.get(s)})`);
    continue;
  }
  seen.set(s, r.where);
  const g = grams(s);
  if (g.size < 4) continue;
  const overlap = new Map();
  for (const x of g) for (const m of index.get(x) ?? []) overlap.set(m, (overlap.get(m) ?? 0) + 1);
  for (const [m, c] of overlap) {
    const o = rows[m];
    const size = grams(norm(o.text)).size;
    if (c / Math.min(size, g.size) >= 0.8) {
      errors.push(`${r.where}: near-duplicate of ${o.where}`);
      break;
    }
  }
  for (const x of g) {
    let l = index.get(x);
    if (!l) {
      l = [];
      index.set(x, l);
    }
    if (l.length < 50) l.push(n);
  }
}

const count = (key) => {
  const c = {};
  for (const r of rows) for (const v of [].concat(r[key])) c[v] = (c[v] ?? 0) + 1;
  return c;
};
const cell = {};
for (const r of rows) cell[`${r.emotion}/${r.intensity}`] = (cell[`${r.emotion}/${r.intensity}`] ?? 0) + 1;
console.log(`${rows.length} messages in ${all.length} files`);
for (const k of ["lang", "emotion", "intensity", "polarity", "channel", "industry", "causes", "signals", "tags"])
  console.log(k.padEnd(10), JSON.stringify(count(k)));
const missing = EMOTIONS.flatMap((e) => (e === "neutral" ? ["low"] : INTENSITIES).map((i) => `${e}/${i}`)).filter(
  (k) => !cell[k],
);
if (missing.length) console.log("missing emotion/intensity cells:", missing.join(" "));
if (errors.length) {
  console.log(`\n${errors.length} problems:`);
  for (const e of errors.slice(0, 200)) console.log(" ", e);
  process.exitCode = 1;
} else console.log("\nno problems");
