import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { io } from "@tensorflow/tfjs-core";

interface ModelJson {
  modelTopology: unknown;
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  weightsManifest: Array<{ paths: string[]; weights: io.WeightsManifestEntry[] }>;
}

/**
 * A TensorFlow.js load router for `file://` URLs: reads a graph model's JSON and weight files from disk.
 * TensorFlow.js alone only knows HTTP, which is how models would otherwise be fetched from a CDN.
 *
 * @example tf.io.registerLoadRouter(fileModelRouter)
 */
export function fileModelRouter(url: string | string[]): io.IOHandler | null {
  if (typeof url !== "string" || !url.startsWith("file://")) return null;
  const path = fileURLToPath(url);
  return {
    load: async () => {
      const model = JSON.parse(readFileSync(path, "utf8")) as ModelJson;
      const weightSpecs: io.WeightsManifestEntry[] = [];
      const parts: Buffer[] = [];
      for (const group of model.weightsManifest) {
        weightSpecs.push(...group.weights);
        for (const file of group.paths) parts.push(readFileSync(join(dirname(path), file)));
      }
      const weights = Buffer.concat(parts);
      return {
        modelTopology: model.modelTopology as io.ModelArtifacts["modelTopology"],
        weightSpecs,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
        ...(model.format ? { format: model.format } : {}),
        ...(model.generatedBy ? { generatedBy: model.generatedBy } : {}),
        ...(model.convertedBy ? { convertedBy: model.convertedBy } : {}),
      };
    },
  };
}
