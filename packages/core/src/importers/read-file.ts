import { readFile } from "node:fs/promises";
import { basename } from "node:path";

/** A file as the importers take it: its name (for {@link detectFormat}) and its bytes. */
export interface ImportFile {
  fileName: string;
  content: Buffer;
}

/**
 * Reads a file from disk for {@link importFile}; the one place the importers touch the file system.
 *
 * @example
 * const { fileName, content } = await readImportFile("exports/inbox.mbox");
 * const result = await importFile("email", fileName, content);
 */
export async function readImportFile(path: string): Promise<ImportFile> {
  return { fileName: basename(path), content: await readFile(path) };
}
