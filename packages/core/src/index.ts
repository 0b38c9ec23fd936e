export {
  buildChatMessages,
  createOpenAiChatGenerator,
  GeneratorError,
  type OpenAiChatOptions,
  parseReplies,
} from "./coach/openai-chat-generator.js";
export { type GeneratedReply, generateCheckedReplies, type ReplyGenerator } from "./coach/reply-generator.js";
