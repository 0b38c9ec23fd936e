export {
  type AudioAnalysis,
  type AudioAnalysisOptions,
  analyzeAudio,
  type SpeakerSummary,
  type VoiceSegment,
  type VoiceSpeaker,
} from "./analyze-audio.js";
export {
  AROUSAL_WEIGHTS,
  EMOTION_OF_CATEGORY,
  estimateVoice,
  MIN_CATEGORY_MARGIN,
  type VoiceEstimate,
  type VoiceEvidence,
} from "./arousal.js";
export {
  type Baseline,
  buildBaseline,
  type FeatureVector,
  featureVector,
  VOICE_FEATURES,
  type VoiceFeature,
  zScores,
} from "./baseline.js";
export {
  CATEGORY_PROFILES,
  type CategoryGuess,
  type CategoryProfile,
  nearestCategory,
  VOICE_CATEGORIES,
  type VoiceCategory,
} from "./category.js";
export {
  AROUSAL_OF_LABEL,
  type AudioEvalReport,
  DATASET_LABEL_OF,
  DATASET_LABEL_OF_CATEGORY,
  evaluateUtterances,
  isLevelNormalized,
  type MeasuredUtterance,
  type SpeakerScores,
} from "./eval/eval-audio.js";
export { type ClassReport, classReport, formatConfusion } from "./eval/metrics.js";
export { type FusedTurn, type FusionOptions, type FusionResult, fuseTranscript, type TextAnalyzer } from "./fusion.js";
export type { OverlapEvent } from "./overlap.js";
export { type PitchOptions, type PitchTrack, trackPitch } from "./pitch.js";
export type { ProsodyFeatures } from "./prosody.js";
export { ANALYSIS_RATE, resample } from "./resample.js";
export { type TranscribeOptions, type Transcriber, TranscriberError } from "./transcriber.js";
export { measureUtterance, peakDbfs } from "./utterance.js";
export type { VadOptions } from "./vad.js";
export { encodeWav, type PcmAudio, readWavOrThrow, SUPPORTED_SAMPLE_RATES } from "./wav.js";
