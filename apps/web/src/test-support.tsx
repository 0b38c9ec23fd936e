import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import { initI18n, type Locale } from "./i18n/index.js";

/** Renders a component with the app's i18n in the given locale. */
export function renderIn(locale: Locale, ui: ReactElement) {
  const i18n = initI18n(locale);
  void i18n.changeLanguage(locale);
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}
