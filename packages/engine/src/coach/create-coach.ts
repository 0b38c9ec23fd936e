import type { Analyzer } from "../analyzer.js";
import { findAgentCues } from "../conversation/agent-cues.js";
import type { ConversationAnalysis, Turn } from "../conversation/types.js";
import { AttuneError, describeType } from "../errors.js";
import type { Fact } from "./facts.js";
import { localeFor, PHRASE_BANKS } from "./locale.js";
import { REPLY_LOCALES, type ReplyLocale } from "./phrases/phrase-bank.js";
import { rewriteDraft } from "./rewrite.js";
import {
  buildSuggestions,
  knownSlots,
  type SuggestedReply,
  type SuggestionContext,
  type SuggestOptions,
} from "./suggest.js";
import {
  type DraftContext,
  draftContextOf,
  type EmpathyScore,
  findToneFlags,
  scoreDraftEmpathy,
  type ToneFlag,
  validateDraft,
} from "./tone-guard.js";

/** A conversation as turns, or already analyzed. */
export type ConversationInput = Turn[] | ConversationAnalysis;

/** The tone guard's verdict on a draft. */
export interface DraftCheck {
  flags: ToneFlag[];
  empathy: EmpathyScore;
  /** The draft with its tone fixed and its facts kept. */
  rewrite: string;
  /** Order numbers, amounts, dates and times found in the draft (all kept in the rewrite). */
  facts: Fact[];
  locale: ReplyLocale;
  context: DraftContext;
}

/** Three suggestions and what they were matched to. */
export interface Suggestions {
  replies: SuggestedReply[];
  context: SuggestionContext;
}

/** The response coach: reply suggestions and the tone guard, over an analyzer. */
export interface Coach {
  /**
   * Flags a draft's tone problems (each with its span and reason), scores its empathy 0..100 and
   * offers a rewrite that keeps its facts.
   */
  checkDraft(draft: string, conversation: ConversationInput, options?: { locale?: ReplyLocale }): DraftCheck;
  /** Three empathy-first replies matched to the customer's emotion, intensity, cause, channel and language. */
  suggestReplies(conversation: ConversationInput, options?: SuggestOptions): Suggestions;
}

function validateLocale(locale: unknown): asserts locale is ReplyLocale | undefined {
  if (locale !== undefined && !REPLY_LOCALES.includes(locale as ReplyLocale)) {
    throw new AttuneError(
      "invalid_option",
      `expected locale to be one of ${REPLY_LOCALES.join(", ")}, found ${JSON.stringify(locale)}`,
    );
  }
}

/** Creates the coach. Pure: templates and rules only (an external generator lives outside the engine). */
export function createCoach(analyzer: Analyzer): Coach {
  const analyzed = (c: ConversationInput): ConversationAnalysis => {
    if (Array.isArray(c)) return analyzer.analyzeConversation(c);
    if (typeof c === "object" && c !== null && Array.isArray((c as ConversationAnalysis).turns) && "final" in c)
      return c;
    throw new AttuneError(
      "invalid_input",
      `expected a conversation (an array of turns or an analysis), found ${describeType(c)}`,
    );
  };
  const customerLocale = (conversation: ConversationAnalysis) => localeFor(conversation.languages[0]);

  return {
    checkDraft(draft, conversation, options = {}) {
      validateDraft(draft);
      validateLocale(options.locale);
      const conv = analyzed(conversation);
      const context = draftContextOf(conv);
      const cues = findAgentCues(draft);
      const flags = findToneFlags(draft, context, cues);
      const empathy = scoreDraftEmpathy(cues, flags, context);
      const draftLang = draft.trim() ? analyzer.analyze(draft).lang : undefined;
      const locale =
        options.locale ?? (draftLang && draftLang !== "unknown" ? localeFor(draftLang) : customerLocale(conv));
      const slots = knownSlots(conv, {});
      const { text, facts } = rewriteDraft(draft, flags, cues, context, PHRASE_BANKS[locale], slots);
      return { flags, empathy, rewrite: text, facts, locale, context };
    },

    suggestReplies(conversation, options = {}) {
      validateLocale(options.locale);
      const conv = analyzed(conversation);
      const locale = options.locale ?? customerLocale(conv);
      const lastCustomer = [...conv.turns].reverse().find((t) => t.speaker === "customer");
      const boundary = conv.turns.slice(-4).some((t) => t.result?.signals.abuse.present);
      const threatened = conv.turns.some((t) => t.result?.signals.escalationThreat.present);
      const context: SuggestionContext = {
        locale,
        emotion: conv.final.emotion,
        intensity: conv.final.intensity,
        cause:
          lastCustomer?.result?.causes[0]?.aspect ??
          conv.turns.flatMap((t) => t.result?.causes ?? [])[0]?.aspect ??
          null,
        channel: options.channel ?? "chat",
        boundary,
        escalate:
          boundary ||
          threatened ||
          conv.escalationRisk.score >= 0.6 ||
          conv.priority.factors.some((f) => f.factor === "repeatContact" && f.value >= 2),
      };
      const slots = knownSlots(conv, options);
      return { replies: buildSuggestions(conv, PHRASE_BANKS[locale], context, slots), context };
    },
  };
}
