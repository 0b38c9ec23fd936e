/** A frame made square for the detector, and how to map its boxes back onto the original frame. */
export interface SquareFrame {
  rgb: Uint8Array;
  side: number;
  /** Original pixels per square pixel (1 when the frame was not shrunk). */
  scale: number;
}

/**
 * Shrinks an RGB frame so its longer side is at most `maxSide` (averaging each block of source pixels), and
 * pads it at the right or bottom into a square. The detector squeezes its input into a square, so a wide
 * frame would otherwise flatten faces past recognition; padding at the far edges keeps box coordinates
 * unchanged apart from the scale.
 *
 * @example toSquareFrame(rgb, 1280, 720, 960) // { side: 960, scale: 1.333…, rgb: 960 × 960 × 3 bytes }
 */
export function toSquareFrame(rgb: Uint8Array, width: number, height: number, maxSide: number): SquareFrame {
  const longest = Math.max(width, height);
  const scale = Math.max(1, longest / maxSide);
  const w = Math.min(Math.round(width / scale), maxSide);
  const h = Math.min(Math.round(height / scale), maxSide);
  const side = Math.max(w, h);
  const out = new Uint8Array(side * side * 3);
  if (scale === 1) {
    for (let row = 0; row < height; row++)
      out.set(rgb.subarray(row * width * 3, (row + 1) * width * 3), row * side * 3);
    return { rgb: out, side, scale };
  }
  // Integer source ranges per output pixel: each source pixel counts once, so nothing is skipped or aliased.
  const xs = new Int32Array(w + 1);
  for (let x = 0; x <= w; x++) xs[x] = Math.min(width, Math.round(x * scale));
  for (let y = 0; y < h; y++) {
    const y0 = Math.round(y * scale);
    const y1 = Math.max(y0 + 1, Math.min(height, Math.round((y + 1) * scale)));
    for (let x = 0; x < w; x++) {
      const x0 = xs[x] ?? 0;
      const x1 = Math.max(x0 + 1, xs[x + 1] ?? width);
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = y0; sy < y1; sy++) {
        let i = (sy * width + x0) * 3;
        for (let sx = x0; sx < x1; sx++, i += 3) {
          r += rgb[i] ?? 0;
          g += rgb[i + 1] ?? 0;
          b += rgb[i + 2] ?? 0;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * side + x) * 3;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
    }
  }
  return { rgb: out, side, scale };
}
