import { mulberry32 } from "@attune/engine";

/** Test signals made in code, so every test knows the truth it checks against. */

/** A sine of `hz` for `sec` seconds at `amplitude` (0..1). */
export function tone(hz: number, sec: number, rate: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(sec * rate));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
  return out;
}

/** A voice-like harmonic complex: F0 `hz` with harmonics falling 6 dB per octave, `weakFundamental` damps the first. */
export function harmonics(
  hz: number,
  sec: number,
  rate: number,
  amplitude = 0.5,
  weakFundamental = false,
): Float32Array {
  const out = new Float32Array(Math.round(sec * rate));
  const count = Math.floor(rate / 2 / hz) - 1;
  let peak = 0;
  for (let i = 0; i < out.length; i++) {
    let s = 0;
    for (let k = 1; k <= count; k++) {
      const gain = (k === 1 && weakFundamental ? 0.2 : 1) / k;
      s += gain * Math.sin((2 * Math.PI * hz * k * i) / rate + k);
    }
    out[i] = s;
    peak = Math.max(peak, Math.abs(s));
  }
  for (let i = 0; i < out.length; i++) out[i] = ((out[i] as number) / peak) * amplitude;
  return out;
}

/**
 * A harmonic complex at `hz` whose harmonics fall `dbPerOctave` dB per octave: a shallow slope (-3) is what a
 * pressed, effortful voice has, a steep one (-12) a soft, breathy one. Peak-normalized to `amplitude`.
 */
export function tiltedHarmonics(
  hz: number,
  sec: number,
  rate: number,
  dbPerOctave: number,
  amplitude = 0.5,
): Float32Array {
  const out = new Float32Array(Math.round(sec * rate));
  const count = Math.floor(rate / 2 / hz) - 1;
  const gains = Array.from({ length: count }, (_, i) => 10 ** ((dbPerOctave * Math.log2(i + 1)) / 20));
  let peak = 0;
  for (let i = 0; i < out.length; i++) {
    let s = 0;
    for (let k = 1; k <= count; k++) s += (gains[k - 1] as number) * Math.sin((2 * Math.PI * hz * k * i) / rate + k);
    out[i] = s;
    peak = Math.max(peak, Math.abs(s));
  }
  for (let i = 0; i < out.length; i++) out[i] = ((out[i] as number) / peak) * amplitude;
  return out;
}

/** A sine gliding linearly from `fromHz` to `toHz`. */
export function chirp(fromHz: number, toHz: number, sec: number, rate: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(sec * rate));
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const hz = fromHz + ((toHz - fromHz) * i) / out.length;
    phase += (2 * Math.PI * hz) / rate;
    out[i] = amplitude * Math.sin(phase);
  }
  return out;
}

/** White noise at `amplitude` RMS, seeded. */
export function noise(sec: number, rate: number, amplitude: number, seed = 7): Float32Array {
  const random = mulberry32(seed);
  const out = new Float32Array(Math.round(sec * rate));
  for (let i = 0; i < out.length; i++) out[i] = (random() * 2 - 1) * amplitude * Math.sqrt(3);
  return out;
}

/** Silence for `sec` seconds. */
export function silence(sec: number, rate: number): Float32Array {
  return new Float32Array(Math.round(sec * rate));
}

/** Pieces one after another. */
export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** `a + b` sample by sample (the longer one's tail kept). */
export function mix(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(Math.max(a.length, b.length));
  for (let i = 0; i < out.length; i++) out[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return out;
}

/**
 * A rough, agitated-sounding voice: a glottal-like pulse train whose F0 glides from `fromHz` to `toHz` with
 * `jitter` (relative period-to-period variation), plus white noise `snrDb` below the voice.
 */
export function roughVoice(
  fromHz: number,
  toHz: number,
  sec: number,
  rate: number,
  jitter = 0.02,
  snrDb = 5,
  seed = 3,
): Float32Array {
  const random = mulberry32(seed);
  const out = new Float32Array(Math.round(sec * rate));
  let t = 0;
  while (t < out.length) {
    const hz = fromHz + ((toHz - fromHz) * t) / out.length;
    const period = (rate / hz) * (1 + jitter * (random() * 2 - 1));
    const amp = 1 + 0.1 * (random() * 2 - 1);
    // One glottal cycle: a smooth opening and a sharp closure, as in the Rosenberg pulse.
    for (let i = 0; i < period && t + i < out.length; i++) {
      const phase = i / period;
      const at = Math.floor(t + i);
      out[at] =
        (out[at] as number) +
        amp * (phase < 0.6 ? 0.5 - 0.5 * Math.cos((Math.PI * phase) / 0.6) : Math.cos((Math.PI * (phase - 0.6)) / 0.8));
    }
    t += period;
  }
  let mean = 0;
  for (const s of out) mean += s / out.length;
  let power = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = (out[i] as number) - mean;
    power += (out[i] as number) ** 2 / out.length;
  }
  const noiseRms = Math.sqrt(power) * 10 ** (-snrDb / 20);
  for (let i = 0; i < out.length; i++)
    out[i] = ((out[i] as number) + (random() * 2 - 1) * noiseRms * Math.sqrt(3)) * (0.3 / Math.sqrt(power));
  return out;
}
