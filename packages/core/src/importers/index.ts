export { type EmailImportOptions, normalizeSubject, parseEml, parseMbox, splitMbox } from "./email.js";
export { type EmailBodyParts, splitEmailBody } from "./email-body.js";
export {
  detectFormat,
  IMPORT_CHANNELS,
  IMPORT_FORMATS,
  type ImportChannel,
  type ImportFileOptions,
  type ImportFormat,
  importFile,
} from "./import-file.js";
export { type ImportFile, readImportFile } from "./read-file.js";
export { parseSocialCsv, parseSocialJson, SOCIAL_COLUMNS, type SocialImportOptions } from "./social.js";
export type { ImportSource } from "./source.js";
export { type ExtraSpeakerLabels, resolveSpeakerLabel, SPEAKER_LABELS, splitSpeakerLabel } from "./speaker-labels.js";
export { parseSurveyCsv, parseSurveyJson, SURVEY_COLUMNS, type SurveyImportOptions } from "./survey.js";
export { parseSrt, parseTranscriptJson, parseVtt, type TranscriptImportOptions } from "./transcript.js";
