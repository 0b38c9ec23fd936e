export { type Analyzer, type Blend, createAnalyzer, type EngineData, type Prepared } from "./analyzer.js";
export {
  type Coach,
  type ConversationInput,
  createCoach,
  type DraftCheck,
  type Suggestions,
} from "./coach/create-coach.js";
export { extractFacts, type Fact } from "./coach/facts.js";
export { REPLY_LOCALES, type ReplyLocale } from "./coach/phrases/phrase-bank.js";
export type { SuggestedReply, SuggestionContext, SuggestOptions } from "./coach/suggest.js";
export { TONE_FLAGS, type ToneFlag, type ToneFlagType } from "./coach/tone-guard.js";
export { type AgentCue, type AgentCueKind, findAgentCues } from "./conversation/agent-cues.js";
export { type AgentTurnQuality, type QualityItem, scoreAgentTurn } from "./conversation/agent-quality.js";
export type { ConversationOptions } from "./conversation/analyze-conversation.js";
export { analyzeConversationWith } from "./conversation/analyze-conversation.js";
export { DEFAULT_PRIORITY_WEIGHTS, type PriorityWeights, slaMinutesFor } from "./conversation/priority.js";
export type * from "./conversation/types.js";
export { AttuneError, type AttuneErrorCode } from "./errors.js";
export * from "./labels.js";
export { compileLexicon, type Lexicon, type LexiconFiles } from "./lexicon/compile.js";
export { createFeatureVector, FEATURE_VERSION, type FeatureVector } from "./model/features.js";
export {
  deserializeModel,
  HEAD_NAMES,
  HEADS,
  type HeadName,
  type LinearModel,
  type ModelFile,
  predictHead,
  serializeModel,
} from "./model/linear-model.js";
export {
  DEFAULT_TRAIN_OPTIONS,
  mulberry32,
  type TrainingExample,
  type TrainOptions,
  trainModel,
} from "./model/train.js";
export { findQuotedRanges } from "./text/quoted.js";
export { characterSegmenter, type Segmenter } from "./text/tokenize.js";
export type * from "./types.js";
