import { useTranslation } from "react-i18next";
import type { QueueItem } from "../../api/types.js";
import { EmotionChip } from "../../components/emotion-chip.js";
import { hrefFor } from "../../router.js";
import { reasonChips } from "./reason-chips.js";

/** A short name for a conversation: its external id, else the start of its internal id. */
export const conversationName = (c: { id: string; externalId: string | null }) => c.externalId ?? c.id.slice(0, 8);

/** The queue, highest priority first; each item says why it is there. */
export function QueueList({ items, selected }: { items: QueueItem[]; selected: string | null }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="empty">{t("queue.empty")}</p>;
  return (
    <ol className="queue" aria-label={t("queue.title")}>
      {items.map((item) => {
        const name = conversationName(item);
        const score = Math.round(item.priority);
        const chips = reasonChips(item.factors, t);
        return (
          <li key={item.id} className={item.id === selected ? "queue-item selected" : "queue-item"}>
            <a
              href={hrefFor({ page: "workspace", conversationId: item.id })}
              aria-label={t("queue.item", { name, score })}
              aria-current={item.id === selected ? "true" : undefined}
              data-testid="queue-item"
            >
              <span className="queue-head">
                <span className="priority" title={t("queue.priority", { score })}>
                  {score}
                </span>
                <span className="queue-name">{name}</span>
                <span className="channel-tag">{t(`channel.${item.channel}` as "channel.chat")}</span>
              </span>
              <span className="chips">
                {item.final && <EmotionChip emotion={item.final.emotion} intensity={item.final.intensity} />}
                {chips.map((c) => (
                  <span
                    key={c.factor}
                    className={`chip reason-chip reason-${c.factor}`}
                    title={t("factor.share", { percent: Math.round(c.share * 100) })}
                  >
                    {c.text}
                  </span>
                ))}
              </span>
              <span className="queue-meta">
                {item.assignedTo ? t("queue.assignedTo", { agent: item.assignedTo }) : t("queue.unassigned")}
              </span>
            </a>
          </li>
        );
      })}
    </ol>
  );
}
