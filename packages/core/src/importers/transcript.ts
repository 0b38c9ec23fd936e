import { AttuneError } from "@attune/engine";
import type { ImportResult, IncomingMessage, Speaker } from "../domain/message.js";
import { assertSource, describeValue, digest, failedImport, type ImportSource, quote, sourceText } from "./source.js";
import { type ExtraSpeakerLabels, resolveSpeakerLabel, splitSpeakerLabel } from "./speaker-labels.js";

/** How to read a call transcript. */
export interface TranscriptImportOptions {
  /** The call's id, used as `conversationId` and in every `externalId`; defaults to a digest of the file. */
  callId?: string;
  /** When the call started (ISO-8601 or Date): each turn's `at` is this plus its start offset. */
  callStart?: string | Date;
  /** The customer's phone number or CRM id, set as `customerId` on every turn. */
  customerId?: string;
  /** Labels of this call centre's own (agent names, queue names), on top of {@link SPEAKER_LABELS}. */
  labels?: ExtraSpeakerLabels;
}

/** One timed piece of a transcript, before speakers are resolved and turns merged. */
interface Cue {
  /** Stable position in the file: `3`, or `3.2` for the second speaker inside cue 3. */
  key: string;
  start?: number;
  end?: number;
  label?: string;
  text: string;
  /** A skipped cue came right before this one, so it does not continue the previous turn. */
  afterGap?: boolean;
}

interface CueList {
  cues: Cue[];
  skipped: ImportResult["skipped"];
  /** Word for a position in error messages: `cue` (SRT, VTT) or `turn` (JSON). */
  unit: string;
  /** Set when a cue was skipped, until the next cue is added. */
  gap?: boolean;
}

function skipCue(list: CueList, position: number | string, reason: string): void {
  list.skipped.push({ item: `${list.unit} ${position}`, reason: `${list.unit} ${position}: ${reason}` });
  list.gap = true;
}

/** Reads `01:02:03,500`, `02:03.5`, `63.5` or a number as seconds. */
function toSeconds(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== "string") return undefined;
  const match = /^\s*(?:(\d+):)?(?:(\d{1,2}):)?(\d{1,2}(?:[.,]\d+)?)\s*$/.exec(value);
  if (!match) return undefined;
  const [, a, b, s] = match;
  const hours = b === undefined ? 0 : Number(a);
  const minutes = b === undefined ? Number(a ?? 0) : Number(b);
  return hours * 3600 + minutes * 60 + Number((s ?? "0").replace(",", "."));
}

function checkOptions(options: TranscriptImportOptions): number | undefined {
  if (options.callId !== undefined && (typeof options.callId !== "string" || options.callId.trim() === "")) {
    throw new AttuneError(
      "invalid_option",
      `callId expected a non-empty string, found ${describeValue(options.callId)}`,
    );
  }
  if (options.callStart === undefined) return undefined;
  const start = options.callStart instanceof Date ? options.callStart : new Date(String(options.callStart));
  if (
    Number.isNaN(start.getTime()) ||
    (typeof options.callStart === "string" && !/\d{4}-\d{2}-\d{2}T/.test(options.callStart))
  ) {
    throw new AttuneError(
      "invalid_option",
      `callStart expected an ISO-8601 time like 2024-03-04T09:30:00+08:00, found ${quote(String(options.callStart))}`,
    );
  }
  return start.getTime();
}

/** Splits one cue's text into per-speaker pieces: a line that starts with a label starts a new piece. */
function labelledPieces(lines: string[]): Array<{ label?: string; text: string }> {
  const pieces: Array<{ label?: string; text: string }> = [];
  for (const line of lines) {
    if (line.trim() === "") continue;
    const { label, text } = splitSpeakerLabel(line);
    const last = pieces[pieces.length - 1];
    if (label !== undefined || !last) pieces.push(label === undefined ? { text } : { label, text });
    else last.text = joinText(last.text, text);
  }
  return pieces;
}

/** Joins two fragments: no space between Chinese characters, one space otherwise. */
function joinText(a: string, b: string): string {
  if (a === "") return b;
  if (b === "") return a;
  const cjk = /[\u3000-\u9fff\uff00-\uffef]/;
  return cjk.test(a.slice(-1)) && cjk.test(b.charAt(0)) ? `${a}${b}` : `${a} ${b}`;
}

function pushPieces(
  list: CueList,
  position: number,
  pieces: Array<{ label?: string; text: string }>,
  timing: Partial<Cue>,
) {
  if (pieces.length === 0 || pieces.every((p) => p.text === "")) {
    skipCue(list, position, "no text");
    return;
  }
  pieces.forEach((piece, i) => {
    const cue: Cue = { key: i === 0 ? String(position) : `${position}.${i + 1}`, text: piece.text, ...timing };
    if (piece.label !== undefined) cue.label = piece.label;
    if (list.gap) cue.afterGap = true;
    list.gap = false;
    list.cues.push(cue);
  });
}

/** Assigns speakers, applies the two-party rule, merges consecutive turns of one speaker and builds messages. */
function toResult(list: CueList, options: TranscriptImportOptions, source: string): ImportResult {
  const startMs = checkOptions(options);
  const callId = options.callId ?? `call:${digest(source)}`;
  const result: ImportResult = { messages: [], skipped: list.skipped };
  // An unlabelled cue continues the previous speaker, as subtitle files write a long turn over several cues.
  let previous: string | undefined;
  for (const cue of list.cues) {
    if (cue.label === undefined) cue.label = previous;
    previous = cue.label;
  }
  const labels = [...new Set(list.cues.map((c) => c.label).filter((l): l is string => l !== undefined))];
  const known = new Map(labels.map((l) => [l, resolveSpeakerLabel(l, options.labels)] as const));
  const unknown = labels.filter((l) => known.get(l) === undefined);
  // An IVR or bot is no party to the conversation: "agent + one unknown voice (+ IVR)" is still two-party.
  const parties = labels.filter((l) => known.get(l) !== "bot");
  const twoPartyWithAgent =
    parties.length === 2 && unknown.length === 1 && parties.some((l) => known.get(l) === "agent");
  const expected = `expected a label such as Agent, Customer, 客服, 顾客, 客戶, 坐席 or 用户, or a two-party call with a known agent`;

  let turn: { message: IncomingMessage; speaker: Speaker } | undefined;
  const close = () => {
    if (turn) result.messages.push(turn.message);
    turn = undefined;
  };
  for (const cue of list.cues) {
    const item = `${list.unit} ${cue.key}`;
    if (cue.afterGap) close();
    if (cue.label === undefined) {
      close();
      result.skipped.push({ item, reason: `${item}: no speaker label (${expected})` });
      continue;
    }
    const speaker = known.get(cue.label) ?? (twoPartyWithAgent ? "customer" : undefined);
    if (!speaker) {
      close();
      result.skipped.push({ item, reason: `${item}: unknown speaker label ${quote(cue.label)} (${expected})` });
      continue;
    }
    if (turn && turn.speaker === speaker) {
      const meta = turn.message.meta as Record<string, unknown>;
      turn.message.text = joinText(turn.message.text, cue.text);
      (meta.cues as string[]).push(cue.key);
      if (cue.end !== undefined) meta.end = cue.end;
      continue;
    }
    close();
    const meta: Record<string, unknown> = { speakerLabel: cue.label, cues: [cue.key] };
    if (cue.start !== undefined) meta.start = cue.start;
    if (cue.end !== undefined) meta.end = cue.end;
    const message: IncomingMessage = {
      externalId: `${callId}:${list.unit}-${cue.key}`,
      conversationId: callId,
      channel: "call",
      speaker,
      text: cue.text,
      meta,
    };
    if (options.customerId) message.customerId = options.customerId;
    if (startMs !== undefined && cue.start !== undefined) {
      message.at = new Date(startMs + Math.round(cue.start * 1000)).toISOString();
    }
    turn = { message, speaker };
  }
  close();
  return result;
}

/**
 * Reads a SubRip (`.srt`) transcript whose cues carry speaker labels (`Agent: …`, `客服：…`, `[Customer] …`).
 * Consecutive cues of one speaker become one turn with `meta.start`/`meta.end` in seconds; `externalId` is
 * `<callId>:cue-<n>` so re-importing a file dedups. Broken cues are skipped with their number and the reason.
 *
 * @example
 * parseSrt("1\n00:00:01,000 --> 00:00:03,000\n客服：您好，请问有什么可以帮您？\n", { callId: "c-1" });
 * // → { messages: [{ externalId: "c-1:cue-1", speaker: "agent", channel: "call", meta: { start: 1, end: 3, … } }], … }
 * @throws AttuneError `invalid_input` when `input` is not a string or Buffer; `invalid_option` for malformed options
 */
export function parseSrt(input: ImportSource, options: TranscriptImportOptions = {}): ImportResult {
  assertSource(input, "parseSrt");
  checkOptions(options);
  const text = sourceText(input).replace(/\r\n?/g, "\n");
  if (text.trim() === "") return failedImport("expected SRT cues, found an empty file");
  const list: CueList = { cues: [], skipped: [], unit: "cue" };
  text
    .trim()
    .split(/\n[ \t]*\n+/)
    .forEach((block, i) => {
      const lines = block.split("\n");
      const position = i + 1;
      if (/^\d+\s*$/.test(lines[0] ?? "")) lines.shift();
      const timing = /^\s*(\S+)\s*-->\s*(\S+)/.exec(lines[0] ?? "");
      const start = toSeconds(timing?.[1]);
      const end = toSeconds(timing?.[2]);
      if (!timing || start === undefined || end === undefined) {
        skipCue(
          list,
          position,
          `expected a timing line like "00:00:01,000 --> 00:00:04,000", found ${quote(lines[0] ?? "")}`,
        );
        return;
      }
      pushPieces(list, position, labelledPieces(lines.slice(1)), { start, end });
    });
  return toResult(list, options, text);
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  nbsp: " ",
  quot: '"',
  apos: "'",
  lrm: "",
  rlm: "",
};

/** Splits one VTT cue line on voice tags (`<v Agent>`, `<v.loud 客服>`) and strips the other markup. */
function vttPieces(lines: string[]): Array<{ label?: string; text: string }> {
  const plain: string[] = [];
  const pieces: Array<{ label?: string; text: string }> = [];
  for (const line of lines) {
    const parts = line.split(/<v(?:\.[^\s>]*)?\s+([^>]*)>/);
    if (parts.length === 1) {
      plain.push(line);
      continue;
    }
    if (plain.length) pieces.push(...labelledPieces(plain.splice(0)));
    const head = clean(parts[0] ?? "");
    if (head) pieces.push({ text: head });
    for (let i = 1; i < parts.length; i += 2) {
      pieces.push({ label: (parts[i] ?? "").trim(), text: clean(parts[i + 1] ?? "") });
    }
  }
  if (plain.length) pieces.push(...labelledPieces(plain.map(clean)));
  return pieces.filter((p) => p.text !== "" || p.label !== undefined);
}

function clean(text: string): string {
  return text
    .replace(/<[^>]*>/g, "")
    .replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) =>
      name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name.toLowerCase()] ?? whole),
    )
    .trim();
}

/**
 * Reads a WebVTT (`.vtt`) transcript: voice tags `<v Agent>…</v>` name the speaker, as do `Agent:`/`客服：`
 * prefixes; `NOTE`, `STYLE` and `REGION` blocks and cue settings are ignored. A file not starting with `WEBVTT`
 * is one clear error.
 *
 * @example
 * parseVtt("WEBVTT\n\n00:01.000 --> 00:04.000\n<v Customer>I've been waiting an hour.</v>\n");
 * @throws AttuneError `invalid_input` when `input` is not a string or Buffer; `invalid_option` for malformed options
 */
export function parseVtt(input: ImportSource, options: TranscriptImportOptions = {}): ImportResult {
  assertSource(input, "parseVtt");
  checkOptions(options);
  const text = sourceText(input).replace(/\r\n?/g, "\n");
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"));
  if (!/^WEBVTT(\s|$)/.test(firstLine)) {
    return failedImport(`expected a WebVTT file starting with "WEBVTT", found ${quote(firstLine)}`);
  }
  const list: CueList = { cues: [], skipped: [], unit: "cue" };
  const blocks = text.split(/\n[ \t]*\n+/).slice(1);
  let position = 0;
  for (const block of blocks) {
    const lines = block.split("\n").filter((l, i) => i > 0 || l.trim() !== "");
    if (lines.length === 0 || /^(NOTE|STYLE|REGION)(\s|$)/.test(lines[0] ?? "")) continue;
    position += 1;
    const timingAt = lines.findIndex((l) => l.includes("-->"));
    const timing = timingAt === -1 ? null : /^\s*(\S+)\s*-->\s*(\S+)/.exec(lines[timingAt] ?? "");
    const start = toSeconds(timing?.[1]);
    const end = toSeconds(timing?.[2]);
    if (!timing || timingAt > 1 || start === undefined || end === undefined) {
      const found = quote(lines[timingAt === -1 ? 0 : timingAt] ?? "");
      skipCue(list, position, `expected a timing line like "00:01.000 --> 00:04.000", found ${found}`);
      continue;
    }
    pushPieces(list, position, vttPieces(lines.slice(timingAt + 1)), { start, end });
  }
  return toResult(list, options, text);
}

const JSON_FIELDS = {
  speaker: ["speaker", "role", "speaker_label", "speakerLabel", "participant", "channel"],
  text: ["text", "content", "transcript", "utterance"],
  start: ["start", "start_time", "startTime", "begin", "offset"],
  end: ["end", "end_time", "endTime", "stop"],
} as const;

function field(entry: Record<string, unknown>, names: readonly string[]): unknown {
  const name = names.find((n) => entry[n] !== undefined && entry[n] !== null);
  return name === undefined ? undefined : entry[name];
}

/**
 * Reads a JSON transcript: an array of `{ speaker, text, start?, end? }` or `{ turns: [...] }` (also `utterances`,
 * `segments`). Times are seconds or clock strings. Without a `speaker`, an `Agent:`-style prefix in the text is used.
 *
 * @example
 * parseTranscriptJson('{"turns":[{"speaker":"顾客","text":"我的快递三天没动了","start":2.5,"end":5}]}');
 * @throws AttuneError `invalid_input` when `input` is not a string or Buffer; `invalid_option` for malformed options
 */
export function parseTranscriptJson(input: ImportSource, options: TranscriptImportOptions = {}): ImportResult {
  assertSource(input, "parseTranscriptJson");
  checkOptions(options);
  const text = sourceText(input);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return failedImport(`expected JSON, found invalid JSON: ${(error as Error).message}`);
  }
  const wrapper = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const entries = Array.isArray(value)
    ? value
    : [wrapper.turns, wrapper.utterances, wrapper.segments].find((v): v is unknown[] => Array.isArray(v));
  if (!entries) {
    const found = Array.isArray(value)
      ? "array"
      : value && typeof value === "object"
        ? `an object with keys: ${Object.keys(wrapper).join(", ") || "none"}`
        : describeValue(value);
    return failedImport(`expected an array of turns or an object with turns/utterances/segments, found ${found}`);
  }
  const list: CueList = { cues: [], skipped: [], unit: "turn" };
  entries.forEach((entry, i) => {
    const position = i + 1;
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) {
      skipCue(list, position, `expected an object, found ${describeValue(entry)}`);
      return;
    }
    const record = entry as Record<string, unknown>;
    const words = field(record, JSON_FIELDS.text);
    if (typeof words !== "string") {
      const expected = JSON_FIELDS.text.join(", ");
      skipCue(
        list,
        position,
        `expected a text field (one of ${expected}) holding a string, found ${describeValue(words)}`,
      );
      return;
    }
    const speaker = field(record, JSON_FIELDS.speaker);
    const pieces =
      typeof speaker === "string" && speaker.trim() !== ""
        ? [{ label: speaker.trim(), text: words.trim() }]
        : labelledPieces(words.split("\n"));
    const timing: Partial<Cue> = {};
    const start = toSeconds(field(record, JSON_FIELDS.start));
    const end = toSeconds(field(record, JSON_FIELDS.end));
    if (start !== undefined) timing.start = start;
    if (end !== undefined) timing.end = end;
    pushPieces(list, position, pieces, timing);
  });
  // The file's own call id and start time apply unless the caller gives others.
  const fromFile: TranscriptImportOptions = {};
  const callId = [wrapper.call_id, wrapper.callId, wrapper.id].find((v) => typeof v === "string" && v.trim() !== "");
  const callStart = [wrapper.started_at, wrapper.startedAt, wrapper.start_time].find((v) => typeof v === "string");
  if (typeof callId === "string") fromFile.callId = callId;
  if (typeof callStart === "string" && /^\d{4}-\d{2}-\d{2}T/.test(callStart) && !Number.isNaN(Date.parse(callStart))) {
    fromFile.callStart = callStart;
  }
  return toResult(list, { ...fromFile, ...options }, text);
}
