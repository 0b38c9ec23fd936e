import { AttuneError } from "@attune/engine";
import * as wavefileModule from "wavefile";

// wavefile is CommonJS: ESM loaders put it under `default`, CommonJS interop does not.
const { WaveFile } = (wavefileModule as unknown as { default?: typeof wavefileModule }).default ?? wavefileModule;

/** Sample rates a WAV may have; anything else is refused rather than guessed at. */
export const SUPPORTED_SAMPLE_RATES = [8000, 16000, 22050, 44100, 48000] as const;

/** Decoded audio: one Float32Array per channel, samples in -1..1. */
export interface PcmAudio {
  sampleRate: number;
  channels: Float32Array[];
}

const FORMAT_NAMES: Record<number, string> = {
  1: "PCM",
  2: "MS ADPCM",
  3: "IEEE float",
  6: "A-law",
  7: "µ-law",
  17: "IMA ADPCM",
  85: "MP3",
  65534: "extensible",
};

function describeStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return "an empty file";
  const head = Array.from(bytes.subarray(0, 4), (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : "."));
  return `${bytes.length} bytes starting with "${head.join("")}"`;
}

function fail(message: string, details?: Record<string, unknown>): never {
  throw new AttuneError("invalid_input", message, details);
}

/**
 * Reads a WAV file: RIFF/WAVE, 16-bit PCM, mono or stereo, at one of {@link SUPPORTED_SAMPLE_RATES}.
 * Everything else (8-bit, float, ADPCM, other rates, not RIFF, truncated) is an error that says what was
 * expected and what was found.
 *
 * @example
 * const audio = readWavOrThrow(readFileSync("call.wav"));
 * audio.channels.length; // 2 for a stereo call recording
 * @throws AttuneError `invalid_input`
 */
export function readWavOrThrow(bytes: Uint8Array): PcmAudio {
  if (!(bytes instanceof Uint8Array)) fail(`expected WAV bytes (a Uint8Array or Buffer), found ${typeof bytes}`);
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  const form = String.fromCharCode(...bytes.subarray(8, 12));
  if (bytes.length < 12 || tag !== "RIFF" || form !== "WAVE") {
    fail(`expected a RIFF/WAVE file, found ${describeStart(bytes)}`);
  }
  let wav: InstanceType<typeof WaveFile>;
  try {
    wav = new WaveFile(bytes);
  } catch (error) {
    fail(`expected a complete WAV file with "fmt " and "data" chunks, found: ${(error as Error).message}`);
  }
  const fmt = wav.fmt as {
    audioFormat: number;
    numChannels: number;
    sampleRate: number;
    bitsPerSample: number;
    subformat?: number[];
  };
  const extensiblePcm = fmt.audioFormat === 65534 && fmt.subformat?.[0] === 1;
  if (fmt.audioFormat !== 1 && !extensiblePcm) {
    const name = FORMAT_NAMES[fmt.audioFormat] ?? "an unknown encoding";
    fail(`expected 16-bit PCM audio (format 1), found ${name} (format ${fmt.audioFormat})`);
  }
  if (fmt.bitsPerSample !== 16) fail(`expected 16-bit PCM samples, found ${fmt.bitsPerSample}-bit`);
  if (fmt.numChannels !== 1 && fmt.numChannels !== 2) {
    fail(`expected mono or stereo audio, found ${fmt.numChannels} channels`);
  }
  if (!(SUPPORTED_SAMPLE_RATES as readonly number[]).includes(fmt.sampleRate)) {
    fail(`expected a sample rate of ${SUPPORTED_SAMPLE_RATES.join(", ")} Hz, found ${fmt.sampleRate} Hz`);
  }
  const data = (wav as unknown as { data: { chunkSize: number; samples: Uint8Array } }).data;
  if (data.samples.length < data.chunkSize) {
    fail(`expected ${data.chunkSize} bytes of audio data, found ${data.samples.length} (the file is truncated)`);
  }
  const frameBytes = 2 * fmt.numChannels;
  const frames = Math.floor(data.samples.length / frameBytes);
  if (frames === 0) fail("expected some audio samples, found an empty data chunk");
  const view = new DataView(data.samples.buffer, data.samples.byteOffset, frames * frameBytes);
  const channels = Array.from({ length: fmt.numChannels }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < fmt.numChannels; c++) {
      (channels[c] as Float32Array)[i] = view.getInt16(i * frameBytes + 2 * c, true) / 32768;
    }
  }
  return { sampleRate: fmt.sampleRate, channels };
}

/**
 * Encodes channels (-1..1) as a 16-bit PCM WAV; tests and fixture scripts use it to make audio.
 *
 * @example
 * const bytes = encodeWav({ sampleRate: 16000, channels: [tone] });
 */
export function encodeWav(audio: PcmAudio): Uint8Array {
  const wav = new WaveFile();
  const ints = audio.channels.map((ch) => Int16Array.from(ch, (s) => Math.round(Math.max(-1, Math.min(1, s)) * 32767)));
  wav.fromScratch(ints.length, audio.sampleRate, "16", ints.length === 1 ? (ints[0] as Int16Array) : ints);
  return wav.toBuffer();
}
