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
/** Counts of scripts in one pass: Han characters, Latin words, and letters of scripts Attune does not read. */
function scriptCounts(text: string): { han: number; latinWords: number; other: number } {
  let han = 0;
  let latinWords = 0;
  let other = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const latin = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
    if (latin) {
      if (!inWord) latinWords++;
      inWord = true;
      continue;
    }
    inWord = false;
    if (c < 0x0400) continue;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if (
      // Kana, Hangul, Cyrillic, Arabic, Thai, Devanagari: Japanese, Korean and others Attune does not read.
      (c >= 0x3040 && c <= 0x30ff) ||
      (c >= 0xac00 && c <= 0xd7af) ||
      (c >= 0x0400 && c <= 0x04ff) ||
      (c >= 0x0600 && c <= 0x06ff) ||
      (c >= 0x0e00 && c <= 0x0e7f) ||
      (c >= 0x0900 && c <= 0x097f)
    ) {
      other++;
    }
  }
  return { han, latinWords, other };
}

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
  const { han, latinWords, other } = scriptCounts(text);
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
