import type { Emotion } from "../api/types.js";

/** How strong, in words: colour is never the only signal. */
export type IntensityLevel = "low" | "medium" | "high";

/** Buckets an intensity 0..1 into the three words the chips show. */
export function intensityLevel(intensity: number): IntensityLevel {
  return intensity >= 0.7 ? "high" : intensity >= 0.4 ? "medium" : "low";
}

// Hues by family: hot for anger and frustration, amber for worry, blue for sadness, grey for neutral,
// green for the positive ones. Lightness falls as intensity rises.
const HUE: Record<Emotion, number> = {
  anger: 0,
  frustration: 18,
  disappointment: 30,
  anxiety: 42,
  sadness: 215,
  confusion: 270,
  surprise: 190,
  neutral: 0,
  satisfaction: 140,
  gratitude: 160,
  joy: 110,
};

/** Background and text colours for an emotion at an intensity (text contrast stays ≥ 4.5:1). */
export function emotionColors(emotion: Emotion, intensity: number): { background: string; color: string } {
  if (emotion === "neutral") return { background: "hsl(0 0% 92%)", color: "hsl(0 0% 20%)" };
  const hue = HUE[emotion] ?? 0;
  // Light backgrounds with dark text keep contrast ≥ 4.5:1 at every intensity; the pips and words carry strength too.
  const light = 94 - Math.round(Math.min(Math.max(intensity, 0), 1) * 22);
  return { background: `hsl(${hue} 80% ${light}%)`, color: `hsl(${hue} 75% 20%)` };
}

/** A colour for a feeling score −1..1 (red … grey … green), for heat maps and charts. */
export function scoreColor(score: number): string {
  const s = Math.max(-1, Math.min(1, score));
  return s < 0 ? `hsl(0 70% ${92 - Math.round(-s * 40)}%)` : `hsl(140 50% ${92 - Math.round(s * 40)}%)`;
}
