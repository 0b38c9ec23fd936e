import sharp from "sharp";
import { FaceError } from "./errors.js";

/** The image formats frames may come in. */
export type FrameFormat = "jpeg" | "png";

/** What a frame's header says, read without decoding the pixels. */
export interface FrameHeader {
  format: FrameFormat;
  width: number;
  height: number;
}

/** A decoded frame: 8-bit RGB, row by row, `width * height * 3` bytes. */
export interface DecodedFrame extends FrameHeader {
  rgb: Uint8Array;
}

/** 16 megapixels (e.g. 4096 × 4096): far above any video frame, well below what would exhaust memory. */
export const DEFAULT_MAX_PIXELS = 16 * 1024 * 1024;

const OTHER_FORMATS: Array<{ name: string; test: (b: Uint8Array) => boolean }> = [
  { name: "GIF", test: (b) => ascii(b, 0, 4) === "GIF8" },
  { name: "WebP", test: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WEBP" },
  { name: "BMP", test: (b) => ascii(b, 0, 2) === "BM" },
  { name: "TIFF", test: (b) => ascii(b, 0, 4) === "II*\0" || ascii(b, 0, 4) === "MM\0*" },
  { name: "HEIC/AVIF", test: (b) => ascii(b, 4, 4) === "ftyp" },
  { name: "ICO", test: (b) => b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0 },
];

function ascii(b: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...b.subarray(at, at + length));
}

const u16 = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32 = (b: Uint8Array, at: number) => u16(b, at) * 65536 + u16(b, at + 2);

/** The size from a PNG's IHDR chunk, which the format requires to come first. */
function pngHeader(b: Uint8Array): FrameHeader {
  if (b.length < 24 || ascii(b, 12, 4) !== "IHDR") {
    throw new FaceError("corrupt_image", "expected a PNG with an IHDR chunk first, found a cut or damaged file");
  }
  return { format: "png", width: u32(b, 16), height: u32(b, 20) };
}

/** The size from a JPEG's start-of-frame segment, walking the segments before it. */
function jpegHeader(b: Uint8Array): FrameHeader {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) break;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16(b, at + 2);
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      if (at + 9 > b.length) break;
      return { format: "jpeg", height: u16(b, at + 5), width: u16(b, at + 7) };
    }
    if (marker === 0xda || length < 2) break; // scan data before any frame header
    at += 2 + length;
  }
  throw new FaceError("corrupt_image", "expected a JPEG with a frame header, found a cut or damaged file");
}

/**
 * Reads format and size from the first bytes, so a huge or foreign file is refused before decoding.
 *
 * @throws FaceError `not_an_image`, `unsupported_format` (GIF, WebP, …) or `corrupt_image`.
 * @example readFrameHeaderOrThrow(readFileSync("frame.jpg")) // { format: "jpeg", width: 640, height: 480 }
 */
export function readFrameHeaderOrThrow(bytes: Uint8Array): FrameHeader {
  if (!(bytes instanceof Uint8Array)) {
    throw new FaceError(
      "not_an_image",
      `expected image bytes (Uint8Array), found ${bytes === null ? "null" : typeof bytes}`,
    );
  }
  if (bytes.length === 0) throw new FaceError("not_an_image", "expected a JPEG or PNG image, found 0 bytes");
  let header: FrameHeader;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) header = jpegHeader(bytes);
  else if (u32(bytes, 0) === 0x89504e47 && u32(bytes, 4) === 0x0d0a1a0a) header = pngHeader(bytes);
  else {
    const other = OTHER_FORMATS.find((f) => bytes.length >= 12 && f.test(bytes));
    if (other) {
      throw new FaceError("unsupported_format", `expected a JPEG or PNG image, found ${other.name}`, {
        format: other.name,
      });
    }
    throw new FaceError("not_an_image", `expected a JPEG or PNG image, found ${bytes.length} bytes of something else`);
  }
  if (header.width === 0 || header.height === 0) {
    throw new FaceError("corrupt_image", `expected a non-empty image, found ${header.width} × ${header.height} pixels`);
  }
  return header;
}

/** The longer side the detector is given at most: larger frames are shrunk first (boxes scale back). */
export const DEFAULT_MAX_SIDE = 960;

/** A decoded frame shrunk so its longer side is at most `maxSide`: `scale` original pixels per decoded one. */
export interface ScaledFrame extends DecodedFrame {
  /** Size of `rgb` (the frame's own `width` × `height` stay the original's). */
  scaledWidth: number;
  scaledHeight: number;
  scale: number;
}

/**
 * Decodes a JPEG or PNG frame to RGB with libvips (sharp), shrinking it on the way so its longer side is at
 * most `maxSide`; refuses it first if it has more than `maxPixels` pixels. Transparent pixels are laid over
 * white and grey frames become RGB. libvips decodes a 720p JPEG about ten times faster than JavaScript can.
 *
 * @throws FaceError `not_an_image`, `unsupported_format`, `image_too_large` or `corrupt_image`.
 * @example (await decodeFrameOrThrow(bytes)).rgb.length === scaledWidth * scaledHeight * 3
 */
export async function decodeFrameOrThrow(
  bytes: Uint8Array,
  maxPixels = DEFAULT_MAX_PIXELS,
  maxSide = DEFAULT_MAX_SIDE,
): Promise<ScaledFrame> {
  const header = readFrameHeaderOrThrow(bytes);
  const pixels = header.width * header.height;
  if (pixels > maxPixels) {
    throw new FaceError(
      "image_too_large",
      `expected at most ${maxPixels} pixels, found ${header.width} × ${header.height} = ${pixels}; scale the frame down`,
      { width: header.width, height: header.height, maxPixels },
    );
  }
  const scale = Math.max(1, Math.max(header.width, header.height) / maxSide);
  const scaledWidth = Math.max(1, Math.min(Math.round(header.width / scale), maxSide));
  const scaledHeight = Math.max(1, Math.min(Math.round(header.height / scale), maxSide));
  try {
    let image = sharp(bytes, { failOn: "warning", limitInputPixels: maxPixels })
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb");
    if (scale > 1) image = image.resize(scaledWidth, scaledHeight, { fit: "fill", kernel: "cubic" });
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 || info.width !== scaledWidth || info.height !== scaledHeight) {
      throw new Error(
        `decoded ${info.width} × ${info.height} × ${info.channels}, not ${scaledWidth} × ${scaledHeight} × 3`,
      );
    }
    return {
      ...header,
      rgb: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      scaledWidth,
      scaledHeight,
      scale,
    };
  } catch (e) {
    throw new FaceError(
      "corrupt_image",
      // libvips repeats its complaint over several lines; the first says it.
      `expected a readable ${header.format.toUpperCase()}, found a damaged one: ${(e as Error).message.split("\n")[0]}`,
    );
  }
}
