import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiFailure, api, apiGet, UNAUTHORIZED_EVENT } from "./api/client.js";
import type { Session } from "./api/types.js";
import { Status } from "./components/status.js";
import { AnalyticsPage } from "./features/analytics/analytics-page.js";
import { SignInPage } from "./features/sign-in/sign-in-page.js";
import { SupervisorPage } from "./features/supervisor/supervisor-page.js";
import { WorkspacePage } from "./features/workspace/workspace-page.js";
import { chooseLocale, savedLocale } from "./i18n/index.js";
import { LocalePicker } from "./locale-picker.js";
import { hrefFor, type Route, useRoute } from "./router.js";

/** The app: sign-in, then the navigation and the page the hash names. */
export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [error, setError] = useState<Error>();

  useEffect(() => {
    apiGet<Session>("/session").then(
      (s) => setSession(s),
      (e: Error) => (e instanceof ApiFailure && e.status === 401 ? setSession(null) : setError(e)),
    );
  }, []);
  useEffect(() => {
    if (session) void chooseLocale(savedLocale(session.name), null);
  }, [session]);
  useEffect(() => {
    const signedOut = () => setSession(null);
    addEventListener(UNAUTHORIZED_EVENT, signedOut);
    return () => removeEventListener(UNAUTHORIZED_EVENT, signedOut);
  }, []);

  if (session === undefined) return <Status loading={!error} error={error} />;
  if (session === null) return <SignInPage signedIn={setSession} />;

  const pages: Array<{ route: Route; label: string }> = [
    { route: { page: "workspace", conversationId: null }, label: t("app.nav.workspace") },
    ...(session.role === "agent"
      ? []
      : [
          { route: { page: "supervisor" } as Route, label: t("app.nav.supervisor") },
          { route: { page: "analytics" } as Route, label: t("app.nav.analytics") },
        ]),
  ];
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="top-bar">
        <span className="brand">{t("app.name")}</span>
        <nav aria-label={t("app.mainNav")}>
          {pages.map((p) => (
            <a
              key={p.route.page}
              href={hrefFor(p.route)}
              aria-current={p.route.page === route.page ? "page" : undefined}
            >
              {p.label}
            </a>
          ))}
        </nav>
        <span className="spacer" />
        <LocalePicker user={session.name} />
        <span className="who">{t("app.signedInAs", { name: session.name, role: t(`role.${session.role}`) })}</span>
        <button type="button" onClick={() => void api("DELETE", "/session").finally(() => setSession(null))}>
          {t("app.signOut")}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === "workspace" && <WorkspacePage session={session} conversationId={route.conversationId} />}
        {route.page === "supervisor" && <SupervisorPage />}
        {route.page === "analytics" && <AnalyticsPage />}
      </main>
    </>
  );
}
