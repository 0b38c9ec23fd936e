import { useTranslation } from "react-i18next";
import { apiGet, apiPost } from "../../api/client.js";
import type { Conversation, Session } from "../../api/types.js";
import { useResource } from "../../api/use-resource.js";
import { useStream } from "../../api/use-stream.js";
import { useThrottled } from "../../api/use-throttled.js";
import { Sparkline } from "../../components/sparkline.js";
import { Status } from "../../components/status.js";
import { Composer } from "../composer/composer.js";
import { conversationName } from "../queue/queue-list.js";
import { CustomerHistoryPanel } from "./customer-history-panel.js";
import { FollowUpPanel } from "./follow-up-panel.js";
import { MessageItem } from "./message-item.js";

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** One conversation: messages with their emotions and evidence, its state, the customer, the composer. */
export function ConversationView({ id, session, changed }: { id: string; session: Session; changed: () => void }) {
  const { t } = useTranslation();
  const conversation = useResource(() => apiGet<Conversation>(`/conversations/${encodeURIComponent(id)}`), id);
  const reload = useThrottled(conversation.reload, 500);
  useStream({ conversation: id, from: "latest" }, ["conversation.updated"], reload);
  const c = conversation.data?.id === id ? conversation.data : undefined;
  if (!c) return <Status loading={conversation.loading} error={conversation.error} retry={conversation.reload} />;

  const state = c.state;
  const scores = c.messages.filter((m) => m.speaker === "customer" && m.analysis).map((m) => m.analysis?.score ?? 0);
  const trajectory = state ? t(`trajectory.${state.trajectory}` as "trajectory.steady") : "—";
  const turning = new Map(state?.turningPoints.map((p) => [p.turn, p.direction]) ?? []);
  const act = async (path: string, body: unknown) => {
    await apiPost(path, body);
    conversation.reload();
    changed();
  };
  return (
    <div className="conversation">
      <header className="conversation-head">
        <h2>{t("conversation.title", { name: conversationName(c) })}</h2>
        <span className="chip">{t(`channel.${c.channel}` as "channel.chat")}</span>
        {c.status === "closed" && <span className="chip muted">{t("conversation.closed")}</span>}
        <div className="stats">
          <span>
            {t("conversation.trajectory")}: <strong data-testid="trajectory">{trajectory}</strong>
          </span>
          <Sparkline scores={scores} label={t("conversation.sparkline", { trajectory })} />
          {state && (
            <>
              <span title={state.escalationRisk.reasons.join("; ")}>
                {t("conversation.risk")}: <strong>{percent(state.escalationRisk.score)}</strong>
              </span>
              <span title={state.satisfaction.reasons.join("; ")}>
                {t("conversation.satisfaction")}: <strong>{state.satisfaction.score.toFixed(2)}</strong>
              </span>
            </>
          )}
        </div>
        <div className="button-row">
          {c.assignedTo !== session.name && c.status === "open" && (
            <button
              type="button"
              onClick={() => void act(`/conversations/${encodeURIComponent(id)}/assign`, { agent: session.name })}
            >
              {t("conversation.assignToMe")}
            </button>
          )}
          {c.status === "open" && (
            <button type="button" onClick={() => void act(`/conversations/${encodeURIComponent(id)}/close`, {})}>
              {t("conversation.close")}
            </button>
          )}
        </div>
      </header>
      <div className="conversation-body">
        <div className="conversation-main">
          <p className="hint">{t("conversation.evidenceHint")}</p>
          <ol className="messages">
            {c.messages.map((m, i) => (
              <MessageItem key={m.id} message={m} turningPoint={turning.get(i)} />
            ))}
          </ol>
          {c.status === "open" && (
            <Composer
              conversationId={id}
              sent={() => {
                conversation.reload();
                changed();
              }}
            />
          )}
        </div>
        <aside className="conversation-side">
          {c.customer && <CustomerHistoryPanel externalId={c.customer.externalId} current={c.id} />}
          <FollowUpPanel conversationId={c.id} followUps={c.followUps} changed={conversation.reload} />
        </aside>
      </div>
    </div>
  );
}
