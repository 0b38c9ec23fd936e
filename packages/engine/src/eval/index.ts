export {
  type ConversationEvaluation,
  type DraftEvaluation,
  evaluateConversations,
  evaluateDrafts,
  type LabelledConversation,
  type LabelledDraft,
} from "./coach-eval.js";
export { binaryPolarity, type EvaluationReport, evaluateGold, type GoldRecord } from "./evaluate.js";
export { ATTUNE_GOLD, EMOTION_FAMILY, FAMILIES, type Family, GOLD_SETS, type GoldSetMapping } from "./gold-sets.js";
export { type ClassificationReport, classificationReport, spearman } from "./metrics.js";
