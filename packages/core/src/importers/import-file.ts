import { AttuneError } from "@attune/engine";
import type { ImportResult } from "../domain/message.js";
import { type EmailImportOptions, parseEml, parseMbox } from "./email.js";
import { parseSocialCsv, parseSocialJson, type SocialImportOptions } from "./social.js";
import { assertSource, describeValue, failedImport, type ImportSource } from "./source.js";
import { parseSurveyCsv, parseSurveyJson, type SurveyImportOptions } from "./survey.js";
import { parseSrt, parseTranscriptJson, parseVtt, type TranscriptImportOptions } from "./transcript.js";

/** File formats the importers read. */
export const IMPORT_FORMATS = ["eml", "mbox", "csv", "json", "srt", "vtt", "unknown"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Kinds of export a user can upload, each read by its own importers. */
export const IMPORT_CHANNELS = ["email", "social", "transcript", "survey"] as const;
export type ImportChannel = (typeof IMPORT_CHANNELS)[number];

const BY_EXTENSION: Record<string, ImportFormat> = {
  eml: "eml",
  mbox: "mbox",
  mbx: "mbox",
  csv: "csv",
  tsv: "csv",
  json: "json",
  srt: "srt",
  vtt: "vtt",
};

/**
 * Tells a file's format from its name, or when the name says nothing (`.txt`, no extension) from its first bytes.
 * Returns `"unknown"` rather than guessing when neither is conclusive.
 *
 * @example
 * detectFormat("calls/0304.vtt", buffer); // "vtt"
 * detectFormat("export.txt", Buffer.from("From MAILER-DAEMON Mon Mar  4 10:00:00 2024\n")); // "mbox"
 * @throws AttuneError `invalid_input` when `fileName` is not a string or `firstBytes` not a string or Buffer
 */
export function detectFormat(fileName: string, firstBytes: ImportSource): ImportFormat {
  if (typeof fileName !== "string") {
    throw new AttuneError(
      "invalid_input",
      `detectFormat expected fileName to be a string, found ${describeValue(fileName)}`,
    );
  }
  assertSource(firstBytes, "detectFormat");
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  const byName = extension ? BY_EXTENSION[extension] : undefined;
  if (byName) return byName;
  const head = (
    typeof firstBytes === "string" ? firstBytes : Buffer.from(firstBytes).subarray(0, 4096).toString("utf8")
  )
    .replace(/^\uFEFF/, "")
    .slice(0, 4096);
  const start = head.trimStart();
  if (/^WEBVTT(\s|$)/.test(head)) return "vtt";
  if (/^\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/.test(start)) return "srt";
  if (/^From \S+ .*\d{1,2}:\d{2}/.test(head)) return "mbox";
  if (/^[[{]/.test(start)) return "json";
  const headers = head.split(/\r?\n/).slice(0, 30);
  const headerNames = headers.map((l) => /^([A-Za-z][A-Za-z0-9-]*):\s/.exec(l)?.[1]?.toLowerCase()).filter(Boolean);
  const mailHeaders = ["from", "to", "subject", "date", "message-id", "received", "mime-version", "return-path"];
  if (headerNames.filter((h) => mailHeaders.includes(h as string)).length >= 2) return "eml";
  const lines = start.split(/\r?\n/).filter((l) => l.trim() !== "");
  const first = lines[0] ?? "";
  for (const delimiter of [",", "\t", ";"]) {
    const count = first.split(delimiter).length - 1;
    if (count >= 1 && lines.length >= 2 && (lines[1] ?? "").split(delimiter).length - 1 >= 1) return "csv";
  }
  return "unknown";
}

/** Options for {@link importFile}, per channel. */
export interface ImportFileOptions {
  email?: EmailImportOptions;
  social?: SocialImportOptions;
  transcript?: TranscriptImportOptions;
  survey?: SurveyImportOptions;
}

const ACCEPTS: Record<ImportChannel, readonly ImportFormat[]> = {
  email: ["eml", "mbox"],
  social: ["csv", "json"],
  transcript: ["json", "srt", "vtt"],
  survey: ["csv", "json"],
};

/**
 * Imports one uploaded file of a channel, choosing the parser by {@link detectFormat}. A format the channel does not
 * read is one clear error in `skipped`, e.g. `expected an .eml or .mbox file for email, found csv (orders.csv)`.
 *
 * @example
 * const result = await importFile("survey", "csat-march.csv", buffer, { survey: { utcOffsetMinutes: 480 } });
 * @throws AttuneError `invalid_input` for an unknown channel or content that is not a Buffer or string
 */
export async function importFile(
  channel: ImportChannel,
  fileName: string,
  content: ImportSource,
  options: ImportFileOptions = {},
): Promise<ImportResult> {
  if (!IMPORT_CHANNELS.includes(channel)) {
    throw new AttuneError(
      "invalid_input",
      `importFile expected channel to be one of ${IMPORT_CHANNELS.join(", ")}, found ${typeof channel === "string" ? JSON.stringify(channel) : describeValue(channel)}`,
    );
  }
  assertSource(content, "importFile");
  const format = detectFormat(fileName, content);
  if (!ACCEPTS[channel].includes(format)) {
    const expected = ACCEPTS[channel].map((f) => `.${f}`).join(", ");
    return failedImport(`expected a ${expected} file for ${channel}, found ${format} (${fileName})`, fileName);
  }
  switch (`${channel}/${format}`) {
    case "email/eml":
      return parseEml(content, options.email);
    case "email/mbox":
      return parseMbox(content, options.email);
    case "social/csv":
      return parseSocialCsv(content, options.social);
    case "social/json":
      return parseSocialJson(content, options.social);
    case "transcript/json":
      return parseTranscriptJson(content, options.transcript);
    case "transcript/srt":
      return parseSrt(content, options.transcript);
    case "transcript/vtt":
      return parseVtt(content, options.transcript);
    case "survey/csv":
      return parseSurveyCsv(content, options.survey);
    case "survey/json":
      return parseSurveyJson(content, options.survey);
    default:
      return failedImport(`no importer for ${format} files of ${channel}`, fileName);
  }
}
