import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiGet, apiUrl, type Query } from "../../api/client.js";
import {
  type AccuracyResponse,
  CHANNELS,
  type FollowUpsResponse,
  type RootCausesResponse,
  type SatisfactionResponse,
  type TrendsResponse,
} from "../../api/types.js";
import { useResource } from "../../api/use-resource.js";
import { BarList } from "../../components/bar-list.js";
import { DataTable } from "../../components/data-table.js";
import { scoreColor } from "../../components/emotion-style.js";
import { LineChart } from "../../components/line-chart.js";
import { Status } from "../../components/status.js";
import { useLabels } from "../../labels.js";

const DAY = 86_400_000;
type By = TrendsResponse["by"];
type Metric = "messages" | "negative" | "avgScore";

/** A link that downloads a view as CSV (same filters, `format=csv`). */
function CsvLink({ path, query }: { path: string; query: Query }) {
  const { t } = useTranslation();
  return (
    <a className="button" href={apiUrl(path, { ...query, format: "csv" })} download data-testid={`csv-${path}`}>
      {t("analytics.exportCsv")}
    </a>
  );
}

/** Analytics: trends, root causes, satisfaction against emotion, follow-up recovery, accuracy; CSV and PDF. */
export function AnalyticsPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [days, setDays] = useState(30);
  const [channel, setChannel] = useState("");
  const [by, setBy] = useState<By>("channel");
  const [metric, setMetric] = useState<Metric>("messages");
  const from = new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
  const filters: Query = { from, channel: channel || undefined };
  const key = JSON.stringify(filters);
  const trends = useResource(
    () => apiGet<TrendsResponse>("/analytics/trends", { ...filters, by, bucket: days > 60 ? "week" : "day" }),
    `${key}|${by}`,
  );
  const causes = useResource(() => apiGet<RootCausesResponse>("/analytics/root-causes", filters), key);
  const satisfaction = useResource(() => apiGet<SatisfactionResponse>("/analytics/satisfaction", filters), key);
  const followups = useResource(() => apiGet<FollowUpsResponse>("/analytics/followups", filters), key);
  const accuracy = useResource(() => apiGet<AccuracyResponse>("/analytics/accuracy", filters), key);
  const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);
  const trendTitle = `${t("analytics.trends")}: ${t(`analytics.metricOption.${metric}`)}`;

  return (
    <div className="analytics">
      <div className="page-head">
        <h1 className="page-title">{t("analytics.title")}</h1>
        <a
          className="button primary"
          href={apiUrl("/reports/management.pdf", { ...filters, locale: i18n.language })}
          download
          data-testid="pdf-report"
        >
          {t("analytics.downloadPdf")}
        </a>
      </div>
      <div className="filters">
        <label>
          {t("analytics.period")}{" "}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[7, 30, 90].map((d) => (
              <option key={d} value={d}>
                {t("analytics.days", { count: d })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("analytics.channelFilter")}{" "}
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">{t("analytics.all")}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {labels.channel(c)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <section className="panel" aria-labelledby="trends-title">
        <div className="panel-head">
          <h2 id="trends-title">{t("analytics.trends")}</h2>
          <label>
            {t("analytics.by")}{" "}
            <select value={by} onChange={(e) => setBy(e.target.value as By)}>
              {(["channel", "lang", "cause", "product", "emotion"] as const).map((b) => (
                <option key={b} value={b}>
                  {t(`analytics.byOption.${b}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("analytics.metric")}{" "}
            <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
              {(["messages", "negative", "avgScore"] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`analytics.metricOption.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <CsvLink path="/analytics/trends" query={{ ...filters, by }} />
        </div>
        <Status loading={trends.loading && !trends.data} error={trends.error} retry={trends.reload} />
        {trends.data && trends.data.series.length === 0 && <p className="muted">{t("analytics.noData")}</p>}
        {trends.data && trends.data.series.length > 0 && (
          <LineChart
            title={trendTitle}
            series={trends.data.series.slice(0, 8).map((s) => ({
              key: s.key,
              label: labels.dimension(by, s.key),
              points: s.points.map((p) => ({ t: p.t, value: p[metric] })),
            }))}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="causes-title">
        <div className="panel-head">
          <h2 id="causes-title">{t("analytics.rootCauses")}</h2>
          <CsvLink path="/analytics/root-causes" query={filters} />
        </div>
        <Status loading={causes.loading && !causes.data} error={causes.error} retry={causes.reload} />
        {causes.data && (
          <DataTable
            headers={[
              t("analytics.cause"),
              t("analytics.total"),
              t("analytics.negativeShare"),
              t("supervisor.emotion"),
              t("analytics.examples"),
            ]}
            testId="root-causes"
            className="root-causes"
          >
            {causes.data.causes.map((c) => (
              <tr key={c.cause}>
                <th scope="row">{labels.aspect(c.cause)}</th>
                <td>{c.total}</td>
                <td>{pct(c.negativeShare)}</td>
                <td>
                  {Object.entries(c.emotions)
                    .sort((a, b) => b[1] - a[1])
                    .slice(0, 3)
                    .map(([e, n]) => `${labels.emotion(e)} ${n}`)
                    .join(" · ")}
                </td>
                <td>
                  <ul className="examples">
                    {c.examples.map((x) => (
                      <li key={x.messageId}>
                        <q>{x.text}</q> <span className="muted">({labels.emotion(x.emotion)})</span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <div className="grid-2">
        <section className="panel" aria-labelledby="csat-title">
          <div className="panel-head">
            <h2 id="csat-title">{t("analytics.satisfaction")}</h2>
            <CsvLink path="/analytics/satisfaction" query={filters} />
          </div>
          <Status loading={satisfaction.loading && !satisfaction.data} error={satisfaction.error} />
          {satisfaction.data && (
            <>
              <BarList
                title={t("analytics.avgCsat")}
                max={5}
                bars={satisfaction.data.points
                  .filter((p) => p.avgCsat !== null)
                  .map((p) => ({
                    key: p.emotion,
                    label: labels.emotion(p.emotion),
                    value: p.avgCsat ?? 0,
                    text: `${(p.avgCsat ?? 0).toFixed(1)} (${p.surveyed})`,
                    color: scoreColor(p.avgScore),
                  }))}
              />
              {satisfaction.data.correlation !== null && (
                <p className="muted">
                  {t("analytics.correlation", { value: satisfaction.data.correlation.toFixed(2) })}
                </p>
              )}
            </>
          )}
        </section>
        <section className="panel" aria-labelledby="recovery-title">
          <div className="panel-head">
            <h2 id="recovery-title">{t("analytics.recovery")}</h2>
            <CsvLink path="/analytics/followups" query={filters} />
          </div>
          <Status loading={followups.loading && !followups.data} error={followups.error} />
          {followups.data && (
            <>
              <dl className="facts big">
                <dt>{t("analytics.created")}</dt>
                <dd>{followups.data.created}</dd>
                <dt>{t("analytics.openFollowUps")}</dt>
                <dd>{followups.data.open}</dd>
                <dt>{t("analytics.recovered")}</dt>
                <dd>{followups.data.recovered}</dd>
                <dt>{t("analytics.recoveryRate")}</dt>
                <dd data-testid="recovery-rate">{pct(followups.data.recoveryRate)}</dd>
              </dl>
              <BarList
                title={t("analytics.recoveryRate")}
                max={1}
                bars={followups.data.byCause
                  .filter((c) => c.done > 0)
                  .map((c) => ({
                    key: c.cause,
                    label: labels.aspect(c.cause),
                    value: c.recoveryRate ?? 0,
                    text: `${pct(c.recoveryRate)} (${c.recovered}/${c.done})`,
                  }))}
              />
            </>
          )}
        </section>
      </div>

      <section className="panel" aria-labelledby="accuracy-title">
        <div className="panel-head">
          <h2 id="accuracy-title">{t("analytics.accuracy")}</h2>
          <CsvLink path="/analytics/accuracy" query={filters} />
        </div>
        <Status loading={accuracy.loading && !accuracy.data} error={accuracy.error} />
        {accuracy.data && (
          <DataTable
            headers={[
              t("analytics.langFilter"),
              t("analytics.reviewed"),
              t("analytics.agreed"),
              t("analytics.accuracyValue"),
            ]}
            testId="accuracy"
          >
            {[{ lang: "overall", ...accuracy.data.overall }, ...accuracy.data.byLang].map((r) => (
              <tr key={r.lang}>
                <th scope="row">{r.lang === "overall" ? t("analytics.overall") : labels.lang(r.lang)}</th>
                <td>{r.reviewed}</td>
                <td>{r.agreed}</td>
                <td>{pct(r.accuracy)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
