import type { Language } from "../labels.js";
import { countSimplifiedOnly } from "./fold.js";

/** What the script detector found, with the counts behind its decision. */
export interface LanguageGuess {
  lang: Language;
  /** 0..1: how sure the guess is; short or ambiguous text gives less. */
  confidence: number;
  /** Chinese and English words both present. */
  codeSwitching: boolean;
  /** Chinese base variety when the message is mixed (so Chinese rules still know the script). */
  chineseVariety?: "zh-Hans" | "zh-Hant" | "yue";
}

// Characters and words that written Mandarin does not use: seeing them means Cantonese.
const CANTONESE_STRONG =
  /[嘅咗冇唔佢哋啲嘢咩乜喺嚟嗰噉睇諗搵畀嬲攞啱嘞喎㗎囉咪晒冧嚿揸摷咁嘥瞓攰癐餸]|搞掂|搞錯|點解|邊個|邊度|幾多|唔該|係咪|係唔係|而家|宜家|琴日|聽日|尋日|今次|咁樣|點樣|乜嘢|好彩|收皮|黐線|頂唔順/g;
// Words that are Cantonese only in context; they count half.
const CANTONESE_WEAK = /[係嗎呀喇啦啫囖]|好鬼|仲未|仲係|真係|睇下|得唔得/g;
// Kana and Hangul mean Japanese or Korean, which Attune does not read.
const UNSUPPORTED_SCRIPT = /[\u3040-\u30ff\uac00-\ud7af\u0400-\u04ff\u0600-\u06ff\u0e00-\u0e7f\u0900-\u097f]/g;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[a-z]{2,}|\b[a-z]\b/gi;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/**
 * Detects the language and script of a message: Simplified or Traditional Chinese, Cantonese,
 * English, Chinese–English code-switching, or `unknown` (no letters, or a script Attune does not read).
 *
 * @param text the customer's text (quotes blanked), original case and script
 * @param traditionalCount how many of its characters a Traditional→Simplified conversion changed
 */
export function detectLanguage(text: string, traditionalCount: number): LanguageGuess {
  const han = count(HAN, text);
  const latinWords = count(LATIN_WORD, text);
  const other = count(UNSUPPORTED_SCRIPT, text);
  if (han === 0 && latinWords === 0) {
    return { lang: "unknown", confidence: other > 0 ? 0.9 : 0.5, codeSwitching: false };
  }
  if (other > Math.max(han, latinWords * 2)) {
    return { lang: "unknown", confidence: 0.8, codeSwitching: false };
  }
  if (han === 0) {
    return { lang: "en", confidence: Math.min(0.99, 0.6 + 0.1 * latinWords), codeSwitching: false };
  }

  const cantonese = count(CANTONESE_STRONG, text) + 0.5 * count(CANTONESE_WEAK, text);
  let variety: "zh-Hans" | "zh-Hant" | "yue";
  let confidence: number;
  if (cantonese >= 1) {
    variety = "yue";
    confidence = Math.min(0.98, 0.6 + 0.15 * cantonese);
  } else if (traditionalCount > 0) {
    const simplifiedOnly = countSimplifiedOnly(text);
    // A tie goes to Simplified: the few characters OpenCC treats as variants of both scripts decide nothing.
    variety = traditionalCount > simplifiedOnly ? "zh-Hant" : "zh-Hans";
    const margin = Math.abs(traditionalCount - simplifiedOnly) / (traditionalCount + simplifiedOnly);
    confidence = Math.min(0.98, 0.5 + 0.4 * margin + 0.02 * Math.max(traditionalCount, simplifiedOnly));
  } else {
    // No Traditional character at all: Simplified, or too few characters to tell.
    const simplifiedOnly = countSimplifiedOnly(text);
    variety = "zh-Hans";
    confidence = simplifiedOnly > 0 ? Math.min(0.98, 0.75 + 0.05 * simplifiedOnly) : Math.min(0.7, 0.4 + 0.03 * han);
  }

  // A Chinese word is ~1.5 characters: compare words with words.
  const englishShare = latinWords / (latinWords + han / 1.5);
  const codeSwitching = latinWords > 0;
  if (englishShare >= 0.8) return { lang: "en", confidence: 0.7, codeSwitching, chineseVariety: variety };
  if (englishShare >= 0.35 && latinWords >= 2) {
    return { lang: "mixed", confidence: 0.8, codeSwitching, chineseVariety: variety };
  }
  return { lang: variety, confidence, codeSwitching };
}
