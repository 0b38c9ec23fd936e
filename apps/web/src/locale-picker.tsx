import { useTranslation } from "react-i18next";
import { chooseLocale, LOCALE_NAMES, LOCALES, type Locale } from "./i18n/index.js";

/** The language picker; the choice is remembered per user. */
export function LocalePicker({ user }: { user: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <label className="locale-picker">
      <span>{t("app.language")}</span>
      <select
        value={i18n.language}
        onChange={(e) => void chooseLocale(e.target.value as Locale, user)}
        data-testid="locale"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
