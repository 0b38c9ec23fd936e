import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { StoredMessage } from "../../api/types.js";
import { EmotionChip } from "../../components/emotion-chip.js";
import { CorrectionMenu } from "./correction-menu.js";
import { evidenceSegments } from "./evidence-segments.js";

/**
 * One message. A customer message carries its emotion chip; hovering or focusing it highlights the
 * words behind the call and lists their cues.
 */
export function MessageItem({
  message,
  turningPoint,
}: {
  message: StoredMessage;
  turningPoint?: "better" | "worse" | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [active, setActive] = useState(false);
  const analysis = message.speaker === "customer" ? message.analysis : null;
  const segments = analysis ? evidenceSegments(message.text, analysis.evidence) : null;
  const cues = analysis ? [...new Set(analysis.evidence.map((e) => e.text))].slice(0, 6) : [];
  const speaker = t(`conversation.speaker.${message.speaker}`);
  return (
    <li
      className={`message from-${message.speaker}${active ? " active" : ""}`}
      data-testid={message.speaker === "customer" ? "customer-message" : "message"}
    >
      <div className="message-head">
        <span className="speaker">{speaker}</span>
        <time dateTime={message.at}>{new Date(message.at).toLocaleString(i18n.language)}</time>
        {analysis && <EmotionChip emotion={analysis.emotion} intensity={analysis.intensity} />}
        {message.speaker === "customer" && !analysis && (
          <span className="chip muted">
            {message.skipReason
              ? t(`conversation.skipped.${message.skipReason}` as "conversation.skipped.consent_withdrawn")
              : t("conversation.notAnalyzed")}
          </span>
        )}
        {analysis && <CorrectionMenu messageId={message.id} predicted={analysis.emotion} />}
        {turningPoint && (
          <span className={`chip turning-${turningPoint}`}>
            {turningPoint === "better" ? "▲ " : "▼ "}
            {t("conversation.turningPoint", { direction: t(`conversation.direction.${turningPoint}`) })}
          </span>
        )}
      </div>
      <p
        className="message-text"
        tabIndex={analysis ? 0 : undefined}
        onMouseEnter={() => setActive(true)}
        onMouseLeave={() => setActive(false)}
        onFocus={() => setActive(true)}
        onBlur={() => setActive(false)}
        data-testid="message-text"
      >
        {segments
          ? segments.map((s) =>
              active && s.evidence.length > 0 ? (
                <mark
                  key={s.start}
                  className={`evidence effect-${s.evidence[0]?.effect ?? ""}`}
                  title={s.evidence.map((e) => `${e.cue}: ${e.effect}`).join("; ")}
                  data-testid="evidence"
                >
                  {s.text}
                </mark>
              ) : (
                <span key={s.start}>{s.text}</span>
              ),
            )
          : message.text}
      </p>
      {cues.length > 0 && (
        // Always laid out, shown only while active: the page must not jump when the pointer leaves a message.
        <p className="evidence-list" style={{ visibility: active ? "visible" : "hidden" }} aria-hidden={!active}>
          {t("conversation.evidence", { cues: cues.join(", ") })}
        </p>
      )}
    </li>
  );
}
