import { existsSync } from "node:fs";
import type { ReportQuery } from "../analytics/schemas.js";

/** A font file that covers Chinese, and the face to use per locale (needed for .ttc collections). */
export interface CjkFont {
  path: string;
  /** PostScript names in a collection: Simplified faces for zh-CN and en, Traditional for zh-TW. */
  sc?: string;
  tc?: string;
}

/** Where common systems keep a CJK font, best first. */
export const CJK_FONT_CANDIDATES: readonly CjkFont[] = [
  // Debian/Ubuntu fonts-noto-cjk, Arch noto-fonts-cjk, Fedora google-noto-sans-cjk
  {
    path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    sc: "NotoSansCJKsc-Regular",
    tc: "NotoSansCJKtc-Regular",
  },
  {
    path: "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    sc: "NotoSansCJKsc-Regular",
    tc: "NotoSansCJKtc-Regular",
  },
  {
    path: "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    sc: "NotoSansCJKsc-Regular",
    tc: "NotoSansCJKtc-Regular",
  },
  {
    path: "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
    sc: "NotoSansCJKsc-Regular",
    tc: "NotoSansCJKtc-Regular",
  },
  {
    path: "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    sc: "NotoSerifCJKsc-Regular",
    tc: "NotoSerifCJKtc-Regular",
  },
  // WenQuanYi, Droid fallback (older Debian/Ubuntu)
  { path: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", sc: "WenQuanYiMicroHei", tc: "WenQuanYiMicroHei" },
  { path: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", sc: "WenQuanYiZenHei", tc: "WenQuanYiZenHei" },
  { path: "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf" },
  // macOS, Windows
  { path: "/System/Library/Fonts/PingFang.ttc", sc: "PingFangSC-Regular", tc: "PingFangTC-Regular" },
  { path: "/Library/Fonts/Arial Unicode.ttf" },
  { path: "C:\\Windows\\Fonts\\msyh.ttc", sc: "MicrosoftYaHei", tc: "MicrosoftYaHei" },
];

/** The font ATTUNE_PDF_FONT names (`path` or `path#PostScriptName`), already validated by the config. */
export function fontFromSetting(setting: string): CjkFont {
  const hash = setting.lastIndexOf("#");
  if (hash < 0) return { path: setting };
  const name = setting.slice(hash + 1);
  return { path: setting.slice(0, hash), sc: name, tc: name };
}

/** The configured font, else the first candidate present on this machine, else null. */
export function findCjkFont(setting: string | undefined, exists: (p: string) => boolean = existsSync): CjkFont | null {
  if (setting) return fontFromSetting(setting);
  return CJK_FONT_CANDIDATES.find((f) => exists(f.path)) ?? null;
}

/** The face for a locale: Traditional glyph shapes for zh-TW. */
export function faceFor(font: CjkFont, locale: ReportQuery["locale"]): string | undefined {
  return locale === "zh-TW" ? font.tc : font.sc;
}
