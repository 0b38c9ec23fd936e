/** The rate every analysis runs at: enough for speech up to 8 kHz, and cheap. */
export const ANALYSIS_RATE = 16000;

// Eight zero crossings a side: a transition band of about 10% of Nyquist, plenty for analysis that reads up to
// 4 kHz, at half the cost of a hi-fi kernel.
const ZERO_CROSSINGS = 8;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function bessel0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 30; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

/**
 * Resamples one channel with a Kaiser-windowed sinc, polyphase: every output sample sits at one of `up`
 * fixed fractional positions, so each phase's taps are computed once. Downsampling low-passes first.
 *
 * @example
 * const at16k = resample(samples, 22050, 16000);
 */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input;
  const g = gcd(fromRate, toRate);
  const up = toRate / g;
  const down = fromRate / g;
  // Cut-off a little below the lower Nyquist, as a fraction of the input rate's Nyquist.
  const cutoff = 0.9 * Math.min(1, toRate / fromRate);
  const half = Math.ceil(ZERO_CROSSINGS / cutoff);
  const taps = 2 * half;
  const beta = 7;
  const norm = bessel0(beta);
  const table = new Float32Array(up * taps);
  for (let phase = 0; phase < up; phase++) {
    const frac = phase / up;
    let sum = 0;
    for (let t = 0; t < taps; t++) {
      const x = t - half + 1 - frac;
      const w = Math.abs(x) >= half ? 0 : bessel0(beta * Math.sqrt(1 - (x / half) ** 2)) / norm;
      const arg = Math.PI * cutoff * x;
      const v = (x === 0 ? 1 : Math.sin(arg) / arg) * w;
      table[phase * taps + t] = v;
      sum += v;
    }
    for (let t = 0; t < taps; t++) table[phase * taps + t] = (table[phase * taps + t] as number) / sum;
  }
  const outLength = Math.floor((input.length * up) / down);
  const out = new Float32Array(outLength);
  const n = input.length;
  for (let i = 0; i < outLength; i++) {
    const pos = i * down;
    const base = Math.floor(pos / up);
    const phase = pos - base * up;
    const offset = phase * taps;
    const first = base - half + 1;
    let acc = 0;
    if (first >= 0 && first + taps <= n) {
      for (let t = 0; t < taps; t++) acc += (table[offset + t] as number) * (input[first + t] as number);
    } else {
      for (let t = 0; t < taps; t++) {
        const j = first + t;
        if (j >= 0 && j < n) acc += (table[offset + t] as number) * (input[j] as number);
      }
    }
    out[i] = acc;
  }
  return out;
}
