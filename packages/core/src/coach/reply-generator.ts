import type { Coach, ConversationAnalysis, DraftCheck, ReplyLocale, SuggestedReply, Turn } from "@attune/engine";

/** A reply written by an external model, with the tone guard's verdict on it. */
export interface GeneratedReply {
  text: string;
  check: DraftCheck;
  /** The guard found no refusal, blame, dismissal or over-promise: safe to show as a suggestion. */
  accepted: boolean;
}

/** A source of reply suggestions beyond Attune's templates (a port: the coach does not know who writes). */
export interface ReplyGenerator {
  generate(
    conversation: ConversationAnalysis,
    context: { locale: ReplyLocale; templates: SuggestedReply[] },
  ): Promise<string[]>;
}

/** Flags that make a generated reply unfit to suggest. */
const BLOCKING = new Set(["absolute_refusal", "blame", "dismissal", "over_promise", "too_casual"]);

/**
 * Runs an external generator and passes every reply through the same tone guard as the agents' own
 * drafts; replies the guard blocks are returned but marked not accepted, with the guard's rewrite.
 */
export async function generateCheckedReplies(
  coach: Coach,
  generator: ReplyGenerator,
  turns: Turn[],
  conversation: ConversationAnalysis,
  locale: ReplyLocale,
): Promise<GeneratedReply[]> {
  const templates = coach.suggestReplies(conversation, { locale }).replies;
  const texts = await generator.generate(conversation, { locale, templates });
  return texts.map((text) => {
    const check = coach.checkDraft(text, turns.length ? turns : conversation, { locale });
    return { text, check, accepted: !check.flags.some((f) => BLOCKING.has(f.type)) };
  });
}
