import { useTranslation } from "react-i18next";
import { apiGet } from "../../api/client.js";
import type { CustomerHistory } from "../../api/types.js";
import { useResource } from "../../api/use-resource.js";
import { EmotionChip } from "../../components/emotion-chip.js";
import { Sparkline } from "../../components/sparkline.js";
import { Status } from "../../components/status.js";
import { hrefFor } from "../../router.js";

/** The customer's feeling across channels and earlier contacts. */
export function CustomerHistoryPanel({ externalId, current }: { externalId: string; current: string }) {
  const { t, i18n } = useTranslation();
  const history = useResource(
    () => apiGet<CustomerHistory>(`/customers/${encodeURIComponent(externalId)}/history`),
    externalId,
  );
  const h = history.data;
  const earlier = h
    ? [...new Map(h.timeline.filter((x) => x.conversationId !== current).map((x) => [x.conversationId, x])).values()]
    : [];
  return (
    <section className="panel" aria-labelledby="history-title">
      <h3 id="history-title">
        {t("history.title")} · {externalId}
      </h3>
      <Status loading={history.loading && !h} error={history.error} retry={history.reload} />
      {h && (
        <>
          <dl className="facts">
            <dt>{t("history.recent")}</dt>
            <dd>
              {h.recent.emotion ? t(`emotion.${h.recent.emotion}` as "emotion.anger") : "—"} (
              {h.recent.score.toFixed(2)})
            </dd>
            <dt>{t("history.contactsThisWeek")}</dt>
            <dd>{h.contactsThisWeek}</dd>
            <dt>{t("history.channels")}</dt>
            <dd>{h.channels.map((c) => `${t(`channel.${c.channel}` as "channel.chat")} ${c.messages}`).join(" · ")}</dd>
            {h.recurringCauses.length > 0 && (
              <>
                <dt>{t("history.recurring")}</dt>
                <dd>
                  {h.recurringCauses.map((c) => `${t(`aspect.${c.aspect}` as "aspect.other")} ×${c.count}`).join(" · ")}
                </dd>
              </>
            )}
            {h.lastResolution && (
              <>
                <dt>{t("history.lastResolution")}</dt>
                <dd>{h.lastResolution.recovered ? t("history.recovered") : t("history.notRecovered")}</dd>
              </>
            )}
          </dl>
          <Sparkline
            scores={h.timeline.map((x) => x.score)}
            width={220}
            label={`${t("history.timeline")}: ${h.timeline.length}`}
          />
          <h4>{t("history.timeline")}</h4>
          {earlier.length === 0 ? (
            <p className="muted">{t("history.none")}</p>
          ) : (
            <ul className="history-list">
              {earlier
                .slice(-6)
                .reverse()
                .map((x) => (
                  <li key={x.conversationId}>
                    <a href={hrefFor({ page: "workspace", conversationId: x.conversationId })}>
                      <time dateTime={x.at}>{new Date(x.at).toLocaleDateString(i18n.language)}</time>{" "}
                      {t(`channel.${x.channel}` as "channel.chat")}
                    </a>{" "}
                    <EmotionChip emotion={x.emotion} intensity={Math.abs(x.score)} />
                  </li>
                ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
