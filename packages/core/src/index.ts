export {
  buildChatMessages,
  createOpenAiChatGenerator,
  GeneratorError,
  type OpenAiChatOptions,
  parseReplies,
} from "./coach/openai-chat-generator.js";
export { type GeneratedReply, generateCheckedReplies, type ReplyGenerator } from "./coach/reply-generator.js";
export { CHANNELS, type Channel, type ImportResult, type IncomingMessage, type Speaker } from "./domain/message.js";
export * from "./ports/store.js";
