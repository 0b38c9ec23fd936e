export { type Analyzer, createAnalyzer, type EngineData, type Prepared } from "./analyzer.js";
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
