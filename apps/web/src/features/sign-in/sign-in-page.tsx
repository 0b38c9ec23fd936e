import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiGet, apiPost } from "../../api/client.js";
import type { Session } from "../../api/types.js";
import { useResource } from "../../api/use-resource.js";
import { LocalePicker } from "../../locale-picker.js";

/** Sign-in with an API key; on a demo server, one click per demo role (offered to this machine only). */
export function SignInPage({ signedIn }: { signedIn: (s: Session) => void }) {
  const { t } = useTranslation();
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const demo = useResource(() => apiGet<{ roles: string[] }>("/session/demo").catch(() => ({ roles: [] })), "demo");
  const attempt = async (call: () => Promise<Session>) => {
    try {
      signedIn(await call());
    } catch (e) {
      setError(t("signIn.failed", { message: (e as Error).message }));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void attempt(() => apiPost<Session>("/session", { key: key.trim() }));
  };
  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <h1>{t("signIn.title")}</h1>
        <p className="muted">{t("app.tagline")}</p>
        <LocalePicker user={null} />
        <form onSubmit={submit}>
          <label htmlFor="api-key">{t("signIn.keyLabel")}</label>
          <input
            id="api-key"
            type="password"
            autoComplete="current-password"
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
          <p className="hint">{t("signIn.keyHint")}</p>
          <button type="submit" className="primary" disabled={key.trim().length < 8}>
            {t("signIn.submit")}
          </button>
        </form>
        {demo.data && demo.data.roles.length > 0 && (
          <section aria-labelledby="demo-title">
            <h2 id="demo-title">{t("signIn.demoTitle")}</h2>
            <p>{t("signIn.demoIntro")}</p>
            <div className="button-row">
              {demo.data.roles.map((role) => (
                <button
                  key={role}
                  type="button"
                  data-testid={`demo-${role}`}
                  onClick={() => void attempt(() => apiPost<Session>("/session/demo", { role }))}
                >
                  {t("signIn.asRole", { role: t(`role.${role}` as "role.agent") })}
                </button>
              ))}
            </div>
          </section>
        )}
        {error && (
          <p className="status error" role="alert">
            {error}
          </p>
        )}
      </div>
    </main>
  );
}
