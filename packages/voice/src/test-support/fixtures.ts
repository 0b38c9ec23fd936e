import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type PcmAudio, readWavOrThrow } from "../wav.js";

/** The committed WAV fixtures (made by scripts/make-fixtures.sh). */
export const TEST_DATA = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "test-data");

/** Reads one fixture. */
export function readFixture(name: string): PcmAudio {
  return readWavOrThrow(readFileSync(join(TEST_DATA, name)));
}
