import { useTranslation } from "react-i18next";
import type { Emotion } from "../api/types.js";
import { emotionColors, intensityLevel } from "./emotion-style.js";

/** An emotion with its intensity: label and a word for the strength, coloured, with 1–3 pips. */
export function EmotionChip({ emotion, intensity }: { emotion: Emotion; intensity: number }) {
  const { t } = useTranslation();
  const level = intensityLevel(intensity);
  const pips = level === "high" ? 3 : level === "medium" ? 2 : 1;
  const label = `${t(`emotion.${emotion}`, { defaultValue: emotion })} · ${t(`intensity.${level}`)}`;
  return (
    <span
      className="chip emotion-chip"
      style={emotionColors(emotion, intensity)}
      data-emotion={emotion}
      title={`${label} (${intensity.toFixed(2)})`}
    >
      <span className="pips" aria-hidden="true">
        {"●".repeat(pips)}
        {"○".repeat(3 - pips)}
      </span>
      {label}
    </span>
  );
}
