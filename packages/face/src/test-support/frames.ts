import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";

/**
 * Test frames. The photographs are not committed: they are read at test time from the screenshots that ship
 * inside the installed `@vladmandic/human` package (MIT licence, assets/), and cropped here. Everything
 * else (blank, noise, colour patches) is generated.
 */
const require = createRequire(import.meta.url);
const ASSETS = join(dirname(require.resolve("@vladmandic/human")), "..", "assets");

/** A rectangle in pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * assets/screenshot-facedetect.jpg (800 × 718) shows a row of five face crops, each about 150 × 150,
 * between y 345 and 497. These are their tiles, measured by eye on the image; the second, fourth and fifth
 * people smile broadly.
 */
export const FACE_TILES: Rect[] = [
  { x: 8, y: 345, width: 150, height: 152 },
  { x: 164, y: 345, width: 150, height: 152 },
  { x: 321, y: 345, width: 150, height: 152 },
  { x: 478, y: 345, width: 150, height: 152 },
  { x: 631, y: 343, width: 162, height: 160 },
];

/** RGBA pixels of one of Human's shipped JPEG screenshots. */
export function humanAsset(name: string): { width: number; height: number; data: Uint8Array } {
  return jpeg.decode(readFileSync(join(ASSETS, name)), { useTArray: true, formatAsRGBA: true });
}

/** A rectangle cut out of RGBA pixels. */
export function crop(
  image: { width: number; data: Uint8Array },
  r: Rect,
): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(r.width * r.height * 4);
  for (let row = 0; row < r.height; row++) {
    const from = ((r.y + row) * image.width + r.x) * 4;
    data.set(image.data.subarray(from, from + r.width * 4), row * r.width * 4);
  }
  return { width: r.width, height: r.height, data };
}

/** RGBA pixels as JPEG bytes. */
export function toJpeg(image: { width: number; height: number; data: Uint8Array }, quality = 90): Uint8Array {
  return new Uint8Array(jpeg.encode({ ...image, data: Buffer.from(image.data) }, quality).data);
}

/** RGBA pixels as PNG bytes. */
export function toPng(image: { width: number; height: number; data: Uint8Array }): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data);
  return new Uint8Array(PNG.sync.write(png));
}

/** One colour everywhere. */
export function solid(width: number, height: number, rgba: [number, number, number, number]) {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { width, height, data };
}

/** Seeded random pixels (a linear congruential generator, so every run sees the same noise). */
export function noise(width: number, height: number, seed = 7) {
  const data = new Uint8Array(width * height * 4);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = i % 4 === 3 ? 255 : s >>> 24;
  }
  return { width, height, data };
}

/** The share of `a` and `b` that overlaps (intersection over union), 0..1. */
export function overlap(a: Rect, b: Rect): number {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}
