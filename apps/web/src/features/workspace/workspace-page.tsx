import { useTranslation } from "react-i18next";
import { apiGet } from "../../api/client.js";
import type { QueueItem, Session } from "../../api/types.js";
import { useResource } from "../../api/use-resource.js";
import { useStream } from "../../api/use-stream.js";
import { useThrottled } from "../../api/use-throttled.js";
import { Status } from "../../components/status.js";
import { ConversationView } from "../conversation/conversation-view.js";
import { QueueList } from "../queue/queue-list.js";

/** The agent workspace: the live queue beside the open conversation. */
export function WorkspacePage({ session, conversationId }: { session: Session; conversationId: string | null }) {
  const { t } = useTranslation();
  const queue = useResource(() => apiGet<{ conversations: QueueItem[] }>("/queue", { limit: 100 }), "queue");
  const reloadQueue = useThrottled(queue.reload, 1000);
  useStream({ supervisor: "true", from: "latest" }, ["queue.updated"], reloadQueue);
  return (
    <div className="workspace">
      <section className="queue-pane" aria-labelledby="queue-title">
        <h2 id="queue-title">{t("queue.title")}</h2>
        <Status loading={queue.loading && !queue.data} error={queue.error} retry={queue.reload} />
        {queue.data && <QueueList items={queue.data.conversations} selected={conversationId} />}
      </section>
      <section className="conversation-pane" aria-label={t("app.nav.workspace")}>
        {conversationId ? (
          <ConversationView id={conversationId} session={session} changed={queue.reload} />
        ) : (
          <p className="empty">{t("conversation.choose")}</p>
        )}
      </section>
    </div>
  );
}
