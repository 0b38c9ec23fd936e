import { describe, expect, it } from "vitest";
import { FaceError } from "./errors.js";
import { decodeFrameOrThrow, readFrameHeaderOrThrow } from "./image.js";
import { noise, solid, toJpeg, toPng } from "./test-support/frames.js";

const reasonOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FaceError);
    return (e as FaceError).reason;
  }
  return undefined;
};
const reasonOfAsync = async (f: () => Promise<unknown>): Promise<string | undefined> => {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(FaceError);
    return (e as FaceError).reason;
  }
  return undefined;
};

/** A PNG signature and IHDR chunk claiming the given size, and nothing after. */
function pngHeaderOnly(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

describe("frame headers", () => {
  it("reads the size of JPEG and PNG frames without decoding them", () => {
    expect(readFrameHeaderOrThrow(toJpeg(solid(64, 48, [10, 20, 30, 255])))).toEqual({
      format: "jpeg",
      width: 64,
      height: 48,
    });
    expect(readFrameHeaderOrThrow(toPng(solid(33, 17, [10, 20, 30, 255])))).toEqual({
      format: "png",
      width: 33,
      height: 17,
    });
  });

  it("says what a file is when it is not a JPEG or PNG", () => {
    const text = new TextEncoder().encode("hello, this is a text file and not a picture");
    expect(reasonOf(() => readFrameHeaderOrThrow(text))).toBe("not_an_image");
    expect(reasonOf(() => readFrameHeaderOrThrow(new Uint8Array(0)))).toBe("not_an_image");
    expect(() => readFrameHeaderOrThrow("frame.jpg" as unknown as Uint8Array)).toThrow(
      "attune: expected image bytes (Uint8Array), found string",
    );
    const gif = new TextEncoder().encode("GIF89a\x01\x00\x01\x00\x00\x00\x00;");
    expect(() => readFrameHeaderOrThrow(gif)).toThrow("attune: expected a JPEG or PNG image, found GIF");
    expect(reasonOf(() => readFrameHeaderOrThrow(gif))).toBe("unsupported_format");
    const webp = new TextEncoder().encode("RIFF\x24\x00\x00\x00WEBPVP8 ");
    expect(() => readFrameHeaderOrThrow(webp)).toThrow("found WebP");
    const bmp = new TextEncoder().encode("BM\x36\x00\x00\x00\x00\x00\x00\x00\x36\x00");
    expect(() => readFrameHeaderOrThrow(bmp)).toThrow("found BMP");
  });

  it("refuses a cut header and a zero-sized image as corrupt", () => {
    expect(reasonOf(() => readFrameHeaderOrThrow(toPng(solid(8, 8, [0, 0, 0, 255])).subarray(0, 20)))).toBe(
      "corrupt_image",
    );
    expect(reasonOf(() => readFrameHeaderOrThrow(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16])))).toBe(
      "corrupt_image",
    );
    expect(reasonOf(() => readFrameHeaderOrThrow(pngHeaderOnly(0, 10)))).toBe("corrupt_image");
  });
});

describe("decoding frames", () => {
  it("decodes PNG and JPEG to RGB", async () => {
    const png = await decodeFrameOrThrow(toPng(solid(4, 3, [255, 0, 0, 255])));
    expect(png.rgb.length).toBe(4 * 3 * 3);
    expect([...png.rgb.subarray(0, 6)]).toEqual([255, 0, 0, 255, 0, 0]);
    const jpg = await decodeFrameOrThrow(toJpeg(solid(16, 16, [0, 0, 255, 255]), 100));
    expect(jpg.format).toBe("jpeg");
    expect(jpg.rgb[2]).toBeGreaterThan(240);
    expect(jpg.rgb[0]).toBeLessThan(15);
  });

  it("lays transparent pixels over white", async () => {
    const { rgb } = await decodeFrameOrThrow(toPng(solid(2, 2, [0, 0, 0, 0])));
    expect([...rgb.subarray(0, 3)]).toEqual([255, 255, 255]);
    const half = (await decodeFrameOrThrow(toPng(solid(2, 2, [0, 0, 0, 128])))).rgb[0] ?? 0;
    expect(half).toBeGreaterThan(120);
    expect(half).toBeLessThan(135);
  });

  it("shrinks a frame past maxSide, keeping its aspect and reporting the scale", async () => {
    const frame = await decodeFrameOrThrow(toJpeg(solid(1280, 720, [200, 100, 50, 255]), 90), undefined, 960);
    expect(frame).toMatchObject({ width: 1280, height: 720, scaledWidth: 960, scaledHeight: 540 });
    expect(frame.scale).toBeCloseTo(4 / 3, 5);
    expect(frame.rgb.length).toBe(960 * 540 * 3);
    expect(Math.abs((frame.rgb[0] ?? 0) - 200)).toBeLessThan(6);
    const small = await decodeFrameOrThrow(toPng(solid(64, 48, [0, 0, 0, 255])));
    expect(small).toMatchObject({ scaledWidth: 64, scaledHeight: 48, scale: 1 });
  });

  it("refuses a frame over the pixel limit before decoding it", async () => {
    const huge = pngHeaderOnly(100_000, 100_000);
    expect(await reasonOfAsync(() => decodeFrameOrThrow(huge))).toBe("image_too_large");
    await expect(decodeFrameOrThrow(toPng(solid(100, 100, [0, 0, 0, 255])), 5000)).rejects.toThrow(
      "attune: expected at most 5000 pixels, found 100 × 100 = 10000",
    );
    expect((await decodeFrameOrThrow(toPng(solid(100, 50, [0, 0, 0, 255])), 5000)).width).toBe(100);
  });

  it("refuses cut and damaged files as corrupt", async () => {
    const jpg = toJpeg(noise(64, 64));
    expect(await reasonOfAsync(() => decodeFrameOrThrow(jpg.subarray(0, Math.floor(jpg.length / 2))))).toBe(
      "corrupt_image",
    );
    const png = toPng(noise(64, 64));
    const damaged = png.slice();
    for (let i = 60; i < 120; i++) damaged[i] = (damaged[i] ?? 0) ^ 0x5a;
    expect(await reasonOfAsync(() => decodeFrameOrThrow(damaged))).toBe("corrupt_image");
    await expect(decodeFrameOrThrow(png.subarray(0, 40))).rejects.toThrow(
      /attune: expected a readable PNG, found a damaged one/,
    );
  });
});
