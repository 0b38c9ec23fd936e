import { createReadStream } from "node:fs";

/** Counts newline-terminated lines (plus a final unterminated one) without decoding the file. */
export async function countLines(path: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) n++;
    last = chunk[chunk.length - 1] ?? last;
  }
  return last === 10 ? n : n + 1;
}
