import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiPost } from "../../api/client.js";
import { EMOTIONS, type Emotion } from "../../api/types.js";

/** Two clicks to correct an emotion label: open the menu, pick the right one (or confirm the engine's). */
export function CorrectionMenu({ messageId, predicted }: { messageId: string; predicted: Emotion }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<Emotion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = async (emotion: Emotion) => {
    setOpen(false);
    try {
      await apiPost(`/messages/${encodeURIComponent(messageId)}/correction`, { emotion });
      setSaved(emotion);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <span className="correction">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-label={t("correction.label")}
        onClick={() => setOpen((o) => !o)}
      >
        {t("correction.button")}
      </button>
      {saved && (
        <output className="chip saved">
          {saved === predicted ? t("correction.agreed") : t("correction.done", { emotion: t(`emotion.${saved}`) })}
        </output>
      )}
      {error && (
        <span className="chip error" role="alert">
          {error}
        </span>
      )}
      {open && (
        <fieldset className="correction-menu">
          <legend>{t("correction.choose")}</legend>
          {EMOTIONS.map((e) => (
            <button
              key={e}
              type="button"
              className={e === predicted ? "current" : undefined}
              aria-pressed={e === predicted}
              onClick={() => void choose(e)}
            >
              {t(`emotion.${e}`)}
            </button>
          ))}
        </fieldset>
      )}
    </span>
  );
}
