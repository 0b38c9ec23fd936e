export { createFaceAnalyzer, type FaceAnalysis, type FaceAnalyzer, type FaceAnalyzerOptions } from "./analyzer.js";
export {
  decideFaceAnalysis,
  FACE_REGIONS_SETTING,
  type FaceDecision,
  type FaceDecisionInput,
  type FaceRefusalCode,
  type FaceSubject,
  isRegionCode,
} from "./consent.js";
export { FaceError, type FaceErrorReason } from "./errors.js";
export { FACE_EXPRESSIONS, type FaceExpression, type FaceExpressionResult } from "./expressions.js";
export {
  DEFAULT_MAX_PIXELS,
  type DecodedFrame,
  decodeFrameOrThrow,
  type FrameFormat,
  type FrameHeader,
  readFrameHeaderOrThrow,
} from "./image.js";
