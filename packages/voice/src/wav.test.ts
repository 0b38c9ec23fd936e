import { describe, expect, it } from "vitest";
import wavefileModule from "wavefile";
import { tone } from "./test-support/synth.js";
import { encodeWav, readWavOrThrow } from "./wav.js";

const { WaveFile } = (wavefileModule as unknown as { default?: typeof wavefileModule }).default ?? wavefileModule;

function other(
  bitDepth: string,
  make: (w: InstanceType<typeof WaveFile>) => void = () => {},
  rate = 16000,
): Uint8Array {
  const w = new WaveFile();
  w.fromScratch(1, rate, bitDepth, bitDepth === "32f" ? [0.1, -0.1, 0.2] : [1, 2, 3, 4]);
  make(w);
  return w.toBuffer();
}

describe("readWavOrThrow", () => {
  it.each([8000, 16000, 22050, 44100])("reads 16-bit mono at %i Hz", (rate) => {
    const audio = readWavOrThrow(encodeWav({ sampleRate: rate, channels: [tone(200, 0.5, rate, 0.5)] }));
    expect(audio.sampleRate).toBe(rate);
    expect(audio.channels).toHaveLength(1);
    expect(audio.channels[0]?.length).toBe(rate / 2);
    expect(Math.max(...(audio.channels[0] as Float32Array))).toBeCloseTo(0.5, 3);
  });

  it("reads stereo as two channels, left first", () => {
    const left = tone(200, 0.1, 8000, 0.5);
    const right = new Float32Array(800);
    const audio = readWavOrThrow(encodeWav({ sampleRate: 8000, channels: [left, right] }));
    expect(audio.channels).toHaveLength(2);
    expect(Math.max(...(audio.channels[0] as Float32Array))).toBeGreaterThan(0.49);
    expect(Math.max(...(audio.channels[1] as Float32Array))).toBe(0);
  });

  it("says what it expected and what it found", () => {
    const good = encodeWav({ sampleRate: 16000, channels: [tone(200, 0.5, 16000)] });
    expect(() => readWavOrThrow(new TextEncoder().encode("ID3 this is an mp3, honestly"))).toThrow(
      /expected a RIFF\/WAVE file, found 28 bytes starting with "ID3 "/,
    );
    expect(() => readWavOrThrow(new Uint8Array())).toThrow(/found an empty file/);
    expect(() => readWavOrThrow(good.subarray(0, 1000))).toThrow(
      /expected 16000 bytes of audio data, found 956 \(the file is truncated\)/,
    );
    expect(() => readWavOrThrow(other("8"))).toThrow(/expected 16-bit PCM samples, found 8-bit/);
    expect(() => readWavOrThrow(other("32f"))).toThrow(/found IEEE float \(format 3\)/);
    expect(() => readWavOrThrow(other("16", (w) => w.toIMAADPCM(), 8000))).toThrow(/found IMA ADPCM \(format 17\)/);
    expect(() => readWavOrThrow(other("16", (w) => w.toSampleRate(11025)))).toThrow(
      /expected a sample rate of 8000, 16000, 22050, 44100, 48000 Hz, found 11025 Hz/,
    );
    const three = new WaveFile();
    three.fromScratch(3, 8000, "16", [new Int16Array(4), new Int16Array(4), new Int16Array(4)]);
    expect(() => readWavOrThrow(three.toBuffer())).toThrow(/expected mono or stereo audio, found 3 channels/);
  });
});
