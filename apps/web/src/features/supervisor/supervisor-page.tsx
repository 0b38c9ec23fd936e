import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiGet, apiPost, apiUrl } from "../../api/client.js";
import type { HeatmapResponse, SupervisorOverviewResponse, WellbeingResponse } from "../../api/types.js";
import { EMOTIONS } from "../../api/types.js";
import { useResource } from "../../api/use-resource.js";
import { DataTable } from "../../components/data-table.js";
import { EmotionChip } from "../../components/emotion-chip.js";
import { Heatmap } from "../../components/heatmap.js";
import { Status } from "../../components/status.js";
import { hrefFor } from "../../router.js";
import { LiveAlerts } from "./live-alerts.js";

type Dim = HeatmapResponse["dim"];

/** The supervisor's view: live alerts, conversations at risk, queue and SLA by emotion, heat map, wellbeing. */
export function SupervisorPage() {
  const { t } = useTranslation();
  const [dim, setDim] = useState<Dim>("channel");
  const overview = useResource(() => apiGet<SupervisorOverviewResponse>("/supervisor/overview"), "overview");
  const heatmap = useResource(() => apiGet<HeatmapResponse>("/analytics/heatmap", { dim }), dim);
  const wellbeing = useResource(() => apiGet<WellbeingResponse>("/supervisor/wellbeing"), "wellbeing");
  // New alerts refresh the at-risk list, at most every 2 s.
  const lastRefresh = useRef(0);
  const refresh = () => {
    if (Date.now() - lastRefresh.current < 2000) return;
    lastRefresh.current = Date.now();
    overview.reload();
  };
  const emotionName = (e: string) => t(`emotion.${e}` as "emotion.anger", { defaultValue: e });
  const rowName = (r: string) =>
    dim === "channel" ? t(`channel.${r}` as "channel.chat", { defaultValue: r }) : dim === "hour" ? `${r}:00` : r;
  return (
    <div className="supervisor">
      <h1 className="page-title">{t("supervisor.title")}</h1>
      <div className="grid-2">
        <LiveAlerts onAlert={refresh} />
        <section className="panel" aria-labelledby="risk-title">
          <div className="panel-head">
            <h2 id="risk-title">{t("supervisor.atRisk")}</h2>
            <a className="button" href={apiUrl("/supervisor/overview", { format: "csv" })} download>
              {t("analytics.exportCsv")}
            </a>
          </div>
          <Status loading={overview.loading && !overview.data} error={overview.error} retry={overview.reload} />
          {overview.data && (
            <>
              <p className="muted">{t("supervisor.alertsToday", { count: overview.data.alertsToday })}</p>
              {overview.data.atRisk.length === 0 && <p className="muted">{t("supervisor.noneAtRisk")}</p>}
              <ul className="at-risk" data-testid="at-risk">
                {overview.data.atRisk.map((c) => (
                  <li key={c.conversationId}>
                    <a href={hrefFor({ page: "workspace", conversationId: c.conversationId })}>
                      {c.customer ?? c.conversationId.slice(0, 8)}
                    </a>{" "}
                    <EmotionChip emotion={c.emotion as "anger"} intensity={c.intensity} />{" "}
                    <strong>{t("supervisor.risk", { percent: Math.round(c.escalationRisk * 100) })}</strong>
                    {c.waitingMinutes >= 1 && (
                      <span className={c.overSla ? "chip over-sla" : "chip"}>
                        {c.overSla ? `${t("supervisor.overSla")} · ` : ""}
                        {t("supervisor.waiting", { minutes: Math.round(c.waitingMinutes) })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
      <section className="panel" aria-labelledby="sla-title">
        <h2 id="sla-title">{t("supervisor.queueBySla")}</h2>
        {overview.data && (
          <DataTable
            headers={[
              t("supervisor.emotion"),
              t("supervisor.openCount"),
              t("supervisor.overSla"),
              t("supervisor.oldest"),
            ]}
            testId="sla-table"
          >
            {overview.data.queueByEmotion.map((q) => (
              <tr key={q.emotion}>
                <th scope="row">{emotionName(q.emotion)}</th>
                <td>{q.open}</td>
                <td className={q.overSla > 0 ? "over-sla" : undefined}>
                  {q.overSla > 0 ? `! ${q.overSla}` : q.overSla}
                </td>
                <td>{Math.round(q.oldestWaitingMinutes)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section className="panel" aria-labelledby="heatmap-title">
        <div className="panel-head">
          <h2 id="heatmap-title">{t("supervisor.heatmap")}</h2>
          <a className="button" href={apiUrl("/analytics/heatmap", { dim, format: "csv" })} download>
            {t("analytics.exportCsv")}
          </a>
        </div>
        <label className="inline">
          {t("supervisor.heatmapBy")}{" "}
          <select value={dim} onChange={(e) => setDim(e.target.value as Dim)}>
            {(["team", "channel", "hour"] as const).map((d) => (
              <option key={d} value={d}>
                {t(`supervisor.dim.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <Status loading={heatmap.loading && !heatmap.data} error={heatmap.error} retry={heatmap.reload} />
        {heatmap.data && (
          <Heatmap
            title={t("supervisor.heatmap")}
            rows={heatmap.data.rows.map((r) => ({ key: r, label: rowName(r) }))}
            columns={EMOTIONS.map((e) => ({ key: e, label: emotionName(e) }))}
            value={(row, emotion) =>
              heatmap.data?.cells.find((c) => c.row === row && c.emotion === emotion)?.count ?? 0
            }
          />
        )}
      </section>
      <section className="panel" aria-labelledby="wellbeing-title">
        <div className="panel-head">
          <h2 id="wellbeing-title">{t("supervisor.wellbeing")}</h2>
          <a className="button" href={apiUrl("/supervisor/wellbeing", { format: "csv" })} download>
            {t("analytics.exportCsv")}
          </a>
        </div>
        <p className="muted">{t("supervisor.wellbeingNote")}</p>
        <Status loading={wellbeing.loading && !wellbeing.data} error={wellbeing.error} retry={wellbeing.reload} />
        {wellbeing.data && (
          <DataTable
            headers={[
              t("supervisor.agent"),
              t("supervisor.team"),
              t("supervisor.handledToday"),
              t("supervisor.hardInARow"),
              t("supervisor.abusiveToday"),
              t("supervisor.sinceBreak"),
              "",
              "",
            ]}
            testId="wellbeing"
          >
            {wellbeing.data.agents.map((a) => (
              <tr key={a.agent}>
                <th scope="row">{a.name}</th>
                <td>{a.team ?? "—"}</td>
                <td>{a.handledToday}</td>
                <td>{a.hardInARow}</td>
                <td>{a.abusiveToday}</td>
                <td>{a.minutesSinceBreak === null ? "—" : Math.round(a.minutesSinceBreak)}</td>
                <td>
                  <span className={`chip suggestion-${a.suggestion}`}>
                    {a.suggestion === "ok" ? "✓ " : "⚠ "}
                    {t(`supervisor.suggestion.${a.suggestion}`)}
                  </span>
                  {a.why.length > 0 && (
                    <ul className="why">
                      {a.why.map((w) => (
                        <li key={w.code}>{t(`supervisor.why.${w.code}`, { count: w.value })}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      void apiPost(`/agents/${encodeURIComponent(a.agent)}/break`, {}).then(wellbeing.reload)
                    }
                  >
                    {t("supervisor.recordBreak")}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
