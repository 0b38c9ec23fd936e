import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Alert } from "../../api/types.js";
import { useStream } from "../../api/use-stream.js";
import { hrefFor } from "../../router.js";

const KEEP = 50;

/** The alert's reason in the reader's language, from its facts; the server's English when it sent none. */
export function alertReason(a: Alert, t: TFunction): string {
  const f = a.facts;
  if (!f) return a.reason;
  const pct = (x: number | undefined) => Math.round((x ?? 0) * 100);
  switch (a.kind) {
    case "escalation_threat":
    case "abuse":
      return f.words?.length ? t("supervisor.alertWords", { words: f.words.join("、") }) : a.reason;
    case "high_intensity":
      return f.emotion
        ? t("supervisor.alertIntensity", { emotion: t(`emotion.${f.emotion}`), percent: pct(f.intensity) })
        : a.reason;
    case "rising_risk":
      return t("supervisor.alertRisk", { before: pct(f.riskBefore), after: pct(f.riskAfter) });
    case "waiting_past_sla":
      return t("supervisor.alertWaiting", { minutes: f.waitingMinutes ?? 0, sla: f.slaMinutes ?? 0 });
  }
}

/** Alerts as they are raised, newest first, from the live stream (no reload needed). */
export function LiveAlerts({ onAlert }: { onAlert?: () => void }) {
  const { t, i18n } = useTranslation();
  const [alerts, setAlerts] = useState<Array<Alert & { id: number }>>([]);
  const status = useStream({ supervisor: "true", from: "latest" }, ["alert"], (e) => {
    const alert = { ...(e.data as unknown as Alert), id: e.id };
    setAlerts((list) => [alert, ...list.filter((a) => a.id !== e.id)].slice(0, KEEP));
    onAlert?.();
  });
  return (
    <section className="panel alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">
        {t("supervisor.liveAlerts")}{" "}
        <span className={`stream-status ${status}`}>
          {status === "live" ? "● " : "○ "}
          {t(`supervisor.stream.${status}`)}
        </span>
      </h2>
      {alerts.length === 0 && <p className="muted">{t("supervisor.noAlerts")}</p>}
      <ul aria-live="polite" data-testid="alerts">
        {alerts.map((a) => (
          <li key={a.id} className={`alert severity-${a.severity}`} data-testid="alert" data-kind={a.kind}>
            <span className="chip severity">
              {a.severity === "critical" ? "‼ " : "! "}
              {t(`supervisor.severity.${a.severity}`)}
            </span>
            <strong>{t(`supervisor.alertKind.${a.kind}`)}</strong>
            <span className="alert-reason">{alertReason(a, t)}</span>
            {a.at && <time dateTime={a.at}>{new Date(a.at).toLocaleTimeString(i18n.language)}</time>}
            <a href={hrefFor({ page: "workspace", conversationId: a.conversationId })}>{t("supervisor.open")}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
