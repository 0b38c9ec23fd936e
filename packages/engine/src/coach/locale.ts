import type { Language } from "../labels.js";
import { EN } from "./phrases/en.js";
import type { PhraseBank, ReplyLocale } from "./phrases/phrase-bank.js";
import { ZH_HANS } from "./phrases/zh-hans.js";
import { ZH_HANT_HK } from "./phrases/zh-hant-hk.js";
import { ZH_HANT_TW } from "./phrases/zh-hant-tw.js";

export const PHRASE_BANKS: Record<ReplyLocale, PhraseBank> = {
  "zh-Hans": ZH_HANS,
  "zh-Hant-TW": ZH_HANT_TW,
  "zh-Hant-HK": ZH_HANT_HK,
  en: EN,
};

/** The reply locale for a customer's language: Cantonese gets Hong Kong usage, Traditional gets Taiwan's. */
export function localeFor(lang: Language | string | undefined): ReplyLocale {
  if (lang === "yue") return "zh-Hant-HK";
  if (lang === "zh-Hant") return "zh-Hant-TW";
  if (lang === "zh-Hans" || lang === "mixed") return "zh-Hans";
  return "en";
}
