/** A radix-2 FFT of one fixed size, with its tables computed once. */
export interface Fft {
  size: number;
  /** Power spectrum (bins 0..size/2) of `frame` (length `size`) after a Hann window; writes into `out`. */
  powerSpectrum(frame: Float32Array, out: Float64Array): void;
}

/**
 * Builds an FFT of `size` points (a power of two).
 *
 * @example
 * const fft = createFft(512);
 * fft.powerSpectrum(frame, power); // power.length === 257
 */
export function createFft(size: number): Fft {
  if (!Number.isInteger(Math.log2(size))) throw new RangeError(`attune: expected a power of two, found ${size}`);
  const bits = Math.log2(size);
  const reverse = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    reverse[i] = r;
  }
  const cos = new Float64Array(size / 2);
  const sin = new Float64Array(size / 2);
  for (let i = 0; i < size / 2; i++) {
    cos[i] = Math.cos((2 * Math.PI * i) / size);
    sin[i] = -Math.sin((2 * Math.PI * i) / size);
  }
  const hann = new Float64Array(size);
  for (let i = 0; i < size; i++) hann[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
  const re = new Float64Array(size);
  const im = new Float64Array(size);

  function powerSpectrum(frame: Float32Array, out: Float64Array): void {
    for (let i = 0; i < size; i++) {
      const j = reverse[i] as number;
      re[j] = (frame[i] ?? 0) * (hann[i] as number);
      im[j] = 0;
    }
    for (let len = 2; len <= size; len <<= 1) {
      const halfLen = len >> 1;
      const step = size / len;
      for (let start = 0; start < size; start += len) {
        for (let k = 0; k < halfLen; k++) {
          const wr = cos[k * step] as number;
          const wi = sin[k * step] as number;
          const a = start + k;
          const b = a + halfLen;
          const br = re[b] as number;
          const bi = im[b] as number;
          const tr = wr * br - wi * bi;
          const ti = wr * bi + wi * br;
          re[b] = (re[a] as number) - tr;
          im[b] = (im[a] as number) - ti;
          re[a] = (re[a] as number) + tr;
          im[a] = (im[a] as number) + ti;
        }
      }
    }
    for (let k = 0; k <= size / 2; k++) out[k] = (re[k] as number) ** 2 + (im[k] as number) ** 2;
  }

  return { size, powerSpectrum };
}
