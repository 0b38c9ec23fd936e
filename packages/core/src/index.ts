export {
  buildChatMessages,
  createOpenAiChatGenerator,
  GeneratorError,
  type OpenAiChatOptions,
  parseReplies,
} from "./coach/openai-chat-generator.js";
export { type GeneratedReply, generateCheckedReplies, type ReplyGenerator } from "./coach/reply-generator.js";
export { CHANNELS, type Channel, type ImportResult, type IncomingMessage, type Speaker } from "./domain/message.js";
export * from "./importers/index.js";
export * from "./ports/analytics-store.js";
export * from "./ports/store.js";
export * from "./privacy/index.js";
export {
  type Alert,
  type AlertFacts,
  type AlertRules,
  alertRulesFor,
  DEFAULT_ALERT_RULES,
  evaluateAlerts,
} from "./use-cases/alerts.js";
export { type ConversationSummary, summarize } from "./use-cases/conversation-summary.js";
export { type CustomerHistory, customerHistory } from "./use-cases/customer-history.js";
export { followUpOnClose, recordRecovery } from "./use-cases/follow-ups.js";
export { analyzeStored, type IngestAck, type IngestDeps, ingestMessages, resumePending } from "./use-cases/ingest.js";
export { checkWaitingSla, slaMinutesForState } from "./use-cases/sla.js";
export { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy, deliverDue, signDelivery } from "./use-cases/webhooks.js";
export {
  assessWellbeing,
  DEFAULT_WELLBEING_THRESHOLDS,
  describeReason,
  type HandledConversation,
  type WellbeingAssessment,
  type WellbeingInput,
  type WellbeingReason,
  type WellbeingSuggestion,
  type WellbeingThresholds,
} from "./use-cases/wellbeing.js";
