import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiGet, apiPost } from "../../api/client.js";
import type { Suggestions, ToneFlag } from "../../api/types.js";
import { useResource } from "../../api/use-resource.js";
import { Status } from "../../components/status.js";
import { DraftField } from "./draft-field.js";
import { useDraftCheck } from "./use-draft-check.js";

/**
 * The reply composer: three suggestions beside it, the tone guard checking the draft live (flagged
 * spans underlined with their reasons, an empathy score, a rewrite that keeps the agent's facts).
 */
export function Composer({ conversationId, sent }: { conversationId: string; sent: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState("");
  const [sendError, setSendError] = useState<string | null>(null);
  const suggestions = useResource(
    () => apiGet<Suggestions>(`/conversations/${encodeURIComponent(conversationId)}/suggestions`),
    conversationId,
  );
  const { check, checking, error } = useDraftCheck(conversationId, draft);
  const reasonOf = (f: ToneFlag) => t(`composer.flag.${f.type}` as "composer.flag.blame", { defaultValue: f.reason });
  const send = async () => {
    try {
      await apiPost(`/conversations/${encodeURIComponent(conversationId)}/reply`, { text: draft });
      setDraft("");
      setSendError(null);
      sent();
    } catch (e) {
      setSendError((e as Error).message);
    }
  };
  return (
    <section className="composer" aria-labelledby="composer-title">
      <h3 id="composer-title">{t("composer.title")}</h3>
      <div className="composer-grid">
        <div className="composer-main">
          <label htmlFor="draft">{t("composer.label")}</label>
          <DraftField
            id="draft"
            value={draft}
            onChange={setDraft}
            flags={check?.flags ?? []}
            placeholder={t("composer.placeholder")}
            reasonOf={reasonOf}
          />
          <div className="tone-guard" aria-live="polite" data-testid="tone-guard">
            <h4>
              {t("composer.toneGuard")}
              {check && (
                <span className="empathy" data-testid="empathy">
                  {t("composer.empathy", { score: Math.round(check.empathy.score) })}
                </span>
              )}
            </h4>
            {checking && <p className="muted">{t("composer.checking")}</p>}
            {error && (
              <p className="status error" role="alert">
                {error}
              </p>
            )}
            {check && check.flags.length === 0 && (
              <p className="ok" data-testid="tone-clean">
                ✓ {t("composer.clean")}
              </p>
            )}
            {check && check.flags.length > 0 && (
              <>
                <ul className="flags" data-testid="tone-flags">
                  {check.flags.map((f) => (
                    <li key={`${f.type}-${f.start}`} data-flag={f.type}>
                      <strong>⚠ {reasonOf(f)}</strong>
                      {f.text && <q>{f.text}</q>}
                    </li>
                  ))}
                </ul>
                <div className="rewrite">
                  <h5>{t("composer.rewrite")}</h5>
                  <p data-testid="rewrite">{check.rewrite}</p>
                  <button type="button" onClick={() => setDraft(check.rewrite)} data-testid="apply-rewrite">
                    {t("composer.applyRewrite")}
                  </button>
                </div>
              </>
            )}
            {check && (
              <details>
                <summary>{t("composer.empathy", { score: Math.round(check.empathy.score) })}</summary>
                <ul className="breakdown">
                  {check.empathy.breakdown.map((b) => (
                    <li key={b.item}>
                      {t(`composer.breakdown.${b.item}` as "composer.breakdown.base", { defaultValue: b.item })}:{" "}
                      {b.points > 0 ? `+${b.points}` : b.points}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
          <div className="button-row">
            <button type="button" className="primary" disabled={!draft.trim()} onClick={() => void send()}>
              {t("composer.send")}
            </button>
          </div>
          {sendError && (
            <p className="status error" role="alert">
              {sendError}
            </p>
          )}
        </div>
        <aside className="suggestions" aria-labelledby="suggestions-title">
          <h4 id="suggestions-title">{t("composer.suggestions")}</h4>
          <Status
            loading={suggestions.loading && !suggestions.data}
            error={suggestions.error}
            retry={suggestions.reload}
          />
          <ol>
            {suggestions.data?.replies.map((r) => (
              <li key={r.style} className="suggestion" data-testid="suggestion">
                <span className="chip">{t(`composer.style.${r.style}`)}</span>
                <p>{r.text}</p>
                <button type="button" onClick={() => setDraft(r.text)} data-testid="use-suggestion">
                  {t("composer.useSuggestion")}
                </button>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </section>
  );
}
