import type { VoiceSpeaker } from "./analyze-audio.js";
import { FRAME_RATE } from "./frames.js";
import type { FrameRange } from "./vad.js";

/** Both channels speaking at once. */
export interface OverlapEvent {
  start: number;
  end: number;
  durationSec: number;
  /** Who started speaking while the other already was: the one talking over. */
  interrupter: VoiceSpeaker;
  interrupted: VoiceSpeaker;
}

interface SpeechMask {
  speech: Uint8Array;
  regions: FrameRange[];
}

function regionAt(regions: readonly FrameRange[], frame: number): FrameRange | undefined {
  return regions.find((r) => r.start <= frame && frame < r.end);
}

/**
 * Finds stretches of at least `minSec` (default 0.2 s: shorter ones are backchannels like "mm") where both
 * channels hold speech; the speaker whose speech began later is the one talking over the other.
 *
 * @example
 * findOverlaps(left, right, ["agent", "customer"]); // [{ start: 4.1, end: 5.0, interrupter: "customer", … }]
 */
export function findOverlaps(
  a: SpeechMask,
  b: SpeechMask,
  speakers: readonly [VoiceSpeaker, VoiceSpeaker],
  minSec = 0.2,
): OverlapEvent[] {
  const count = Math.min(a.speech.length, b.speech.length);
  const events: OverlapEvent[] = [];
  let start = -1;
  for (let f = 0; f <= count; f++) {
    const both = f < count && a.speech[f] === 1 && b.speech[f] === 1;
    if (both && start < 0) start = f;
    if (!both && start >= 0) {
      if ((f - start) / FRAME_RATE >= minSec) {
        const aStart = regionAt(a.regions, start)?.start ?? start;
        const bStart = regionAt(b.regions, start)?.start ?? start;
        const aLater = aStart > bStart;
        events.push({
          start: start / FRAME_RATE,
          end: f / FRAME_RATE,
          durationSec: (f - start) / FRAME_RATE,
          interrupter: aLater ? speakers[0] : speakers[1],
          interrupted: aLater ? speakers[1] : speakers[0],
        });
      }
      start = -1;
    }
  }
  return events;
}
