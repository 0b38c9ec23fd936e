import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client.js";
import type { FollowUp } from "../../api/types.js";

/** This conversation's follow-ups: create one, or close the open one with its outcome. */
export function FollowUpPanel({
  conversationId,
  followUps,
  changed,
}: {
  conversationId: string;
  followUps: FollowUp[];
  changed: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<unknown>) => {
    try {
      await call();
      setError(null);
      changed();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const open = followUps.find((f) => f.status === "open");
  return (
    <section className="panel" aria-labelledby="followup-title">
      <h3 id="followup-title">{t("followUp.title")}</h3>
      {followUps.length === 0 && <p className="muted">{t("followUp.none")}</p>}
      <ul className="followups">
        {followUps.map((f) => (
          <li key={f.id} data-testid="follow-up">
            {f.status === "open"
              ? t("followUp.open", { reason: f.reason })
              : t("followUp.done", {
                  outcome: f.outcome?.recovered ? t("history.recovered") : t("history.notRecovered"),
                })}
          </li>
        ))}
      </ul>
      <div className="button-row">
        {open ? (
          <>
            <button
              type="button"
              onClick={() => void run(() => apiPost(`/followups/${open.id}/close`, { recovered: true }))}
            >
              {t("followUp.closeRecovered")}
            </button>
            <button
              type="button"
              onClick={() => void run(() => apiPost(`/followups/${open.id}/close`, { recovered: false }))}
            >
              {t("followUp.closeNotRecovered")}
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() =>
              void run(() =>
                apiPost(`/conversations/${encodeURIComponent(conversationId)}/followups`, {
                  reason: t("followUp.defaultReason"),
                }),
              )
            }
          >
            {t("followUp.create")}
          </button>
        )}
      </div>
      {error && (
        <p className="status error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
