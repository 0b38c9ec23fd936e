import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en, type Messages } from "./en.js";
import { zhCN } from "./zh-cn.js";
import { zhTW } from "./zh-tw.js";

/** The app's locales, in the order the picker shows them. */
export const LOCALES = ["zh-CN", "zh-TW", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Each locale's own name, shown in the picker in that language. */
export const LOCALE_NAMES: Record<Locale, string> = { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English" };

const RESOURCES: Record<Locale, Messages> = { en, "zh-CN": zhCN, "zh-TW": zhTW };

/** The reply locale the coach writes in, for the app's locale (Hong Kong agents pick zh-TW and get zh-Hant-HK). */
export const replyLocaleFor = (locale: Locale, region = ""): string =>
  locale === "en" ? "en" : locale === "zh-CN" ? "zh-Hans" : /HK|MO/i.test(region) ? "zh-Hant-HK" : "zh-Hant-TW";

/** A browser language tag mapped to the closest app locale. */
export function localeFromTag(tag: string | undefined): Locale {
  const t = (tag ?? "").toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(t)) return "zh-TW";
  if (t.startsWith("zh") || t === "yue") return "zh-CN";
  return "en";
}

// Per user; "" holds the last choice made on this browser (e.g. on the sign-in page).
const storageKey = (user: string) => `attune.locale.${user}`;
const isLocale = (x: string | null | undefined): x is Locale => (LOCALES as readonly string[]).includes(x ?? "");

/** The user's saved locale, else the last one chosen in this browser, else the browser's language. */
export function savedLocale(user: string | null): Locale {
  const store = globalThis.localStorage;
  const mine = user ? store?.getItem(storageKey(user)) : null;
  if (isLocale(mine)) return mine;
  const last = store?.getItem(storageKey(""));
  return isLocale(last) ? last : localeFromTag(globalThis.navigator?.language);
}

/** Switches the language and remembers it for this user (and as this browser's last choice). */
export async function chooseLocale(locale: Locale, user: string | null): Promise<void> {
  if (user) globalThis.localStorage?.setItem(storageKey(user), locale);
  globalThis.localStorage?.setItem(storageKey(""), locale);
  await i18next.changeLanguage(locale);
  if (globalThis.document) document.documentElement.lang = locale;
}

/** Starts i18next (synchronously: every resource is bundled). */
export function initI18n(locale: Locale = "en") {
  void i18next.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(RESOURCES).map(([k, v]) => [k, { translation: v }])),
    lng: locale,
    fallbackLng: "en",
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  if (globalThis.document) document.documentElement.lang = locale;
  return i18next;
}

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}
