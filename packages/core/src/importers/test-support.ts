import { readFileSync } from "node:fs";

/** Reads a file under `packages/core/test-fixtures/` (tests only). */
export function fixture(path: string): Buffer {
  return readFileSync(new URL(`../../test-fixtures/${path}`, import.meta.url));
}
