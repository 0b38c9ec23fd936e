import { AttuneError, describeType } from "../errors.js";
import { EMOTIONS, INTENSITY_LEVELS, POLARITIES } from "../labels.js";
import { FEATURE_BITS, FEATURE_DIM, FEATURE_VERSION, type FeatureVector } from "./features.js";

/** The model's outputs: one softmax head per question. */
export const HEADS = {
  emotion: EMOTIONS,
  polarity: POLARITIES,
  intensity: INTENSITY_LEVELS,
} as const;
export type HeadName = keyof typeof HEADS;
export const HEAD_NAMES = Object.keys(HEADS) as HeadName[];

/**
 * Dense weights for one head: `weights[feature * classes + k] * scale`. Training uses float
 * weights (scale 1); a loaded model keeps the file's int16 weights, half the memory.
 */
export interface Head {
  classes: number;
  weights: Float32Array | Int16Array;
  scale: number;
  /** Row length and this head's first column: a loaded model packs all heads in one row per feature. */
  stride: number;
  offset: number;
}

/** A multinomial logistic-regression model over hashed features, one head per question. */
export interface LinearModel {
  version: string;
  heads: Record<HeadName, Head>;
  /** What the model was trained on and how it did on its held-out slice, as recorded by training. */
  meta: Record<string, unknown>;
}

/** The serialized model file (JSON): sparse rows, weights quantized to int16. */
export interface ModelFile {
  format: "attune-linear-model";
  version: string;
  featureVersion: number;
  featureBits: number;
  heads: Record<string, { labels: string[]; rows: string; weights: string; scale: number }>;
  meta: Record<string, unknown>;
}

/** Creates an all-zero model, the starting point of training. */
export function createEmptyModel(version: string): LinearModel {
  const heads = {} as Record<HeadName, Head>;
  for (const name of HEAD_NAMES) {
    const classes = HEADS[name].length;
    heads[name] = { classes, weights: new Float32Array(FEATURE_DIM * classes), scale: 1, stride: classes, offset: 0 };
  }
  return { version, heads, meta: {} };
}

/** Softmax probabilities of one head for a feature vector, written into `out`. */
export function predictHead(
  head: Head,
  x: Pick<FeatureVector, "index" | "value" | "n">,
  out: Float64Array,
): Float64Array {
  const k = head.classes;
  const w = head.weights;
  const stride = head.stride;
  const offset = head.offset;
  out.fill(0, 0, k);
  for (let j = 0; j < x.n; j++) {
    const base = (x.index[j] as number) * stride + offset;
    const v = x.value[j] as number;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + v * (w[base + c] as number);
  }
  let max = Number.NEGATIVE_INFINITY;
  const scale = head.scale;
  for (let c = 0; c < k; c++) {
    out[c] = (out[c] as number) * scale;
    if ((out[c] as number) > max) max = out[c] as number;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp((out[c] as number) - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < k; c++) out[c] = (out[c] as number) / sum;
  return out;
}

const toBase64 = (bytes: ArrayBufferView) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");

/**
 * Serializes a model: only rows with a weight above `prune` are kept, each quantized to int16
 * against the head's largest weight.
 */
export function serializeModel(model: LinearModel, prune = 1e-3): ModelFile {
  const heads: ModelFile["heads"] = {};
  for (const name of HEAD_NAMES) {
    const head = model.heads[name];
    const { classes, scale: headScale } = head;
    const weights = new Float32Array(FEATURE_DIM * classes);
    for (let r = 0; r < FEATURE_DIM; r++) {
      for (let c = 0; c < classes; c++) {
        weights[r * classes + c] = (head.weights[r * head.stride + head.offset + c] as number) * headScale;
      }
    }
    let max = 0;
    for (const w of weights) if (Math.abs(w) > max) max = Math.abs(w);
    const scale = max / 32767 || 1;
    const rows: number[] = [];
    for (let r = 0; r < FEATURE_DIM; r++) {
      for (let c = 0; c < classes; c++) {
        if (Math.abs(weights[r * classes + c] as number) > prune) {
          rows.push(r);
          break;
        }
      }
    }
    const rowArray = new Int32Array(rows.length);
    const q = new Int16Array(rows.length * classes);
    let previous = 0;
    rows.forEach((r, i) => {
      rowArray[i] = r - previous; // delta-coded: smaller numbers, same size, easier to diff
      previous = r;
      for (let c = 0; c < classes; c++) q[i * classes + c] = Math.round((weights[r * classes + c] as number) / scale);
    });
    heads[name] = { labels: [...HEADS[name]], rows: toBase64(rowArray), weights: toBase64(q), scale };
  }
  return {
    format: "attune-linear-model",
    version: model.version,
    featureVersion: FEATURE_VERSION,
    featureBits: FEATURE_BITS,
    heads,
    meta: model.meta,
  };
}

function fromBase64(text: string): Uint8Array {
  const buf = Buffer.from(text, "base64");
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return copy;
}

/**
 * Reads a serialized model, checking that it matches this engine's features and labels.
 *
 * @throws AttuneError `invalid_model` saying what was expected and what the file holds
 */
export function deserializeModel(file: unknown): LinearModel {
  const f = file as Partial<ModelFile>;
  if (typeof file !== "object" || file === null || f.format !== "attune-linear-model") {
    throw new AttuneError(
      "invalid_model",
      `expected an attune-linear-model file, found ${describeType(file)} ${JSON.stringify(f?.format ?? null)}`,
    );
  }
  if (f.featureVersion !== FEATURE_VERSION || f.featureBits !== FEATURE_BITS) {
    throw new AttuneError(
      "invalid_model",
      `expected feature version ${FEATURE_VERSION} with ${FEATURE_BITS} bits, found version ${f.featureVersion} with ${f.featureBits} bits: retrain with \`npm run train\``,
    );
  }
  const model: LinearModel = { version: String(f.version), heads: {} as Record<HeadName, Head>, meta: {} };
  // All heads share one row per feature, so predicting the three heads reads each row's cache line once.
  const stride = HEAD_NAMES.reduce((n, name) => n + HEADS[name].length, 0);
  const packed = new Int16Array(FEATURE_DIM * stride);
  let offset = 0;
  for (const name of HEAD_NAMES) {
    const h = f.heads?.[name];
    const expected = HEADS[name] as readonly string[];
    if (!h || JSON.stringify(h.labels) !== JSON.stringify(expected)) {
      throw new AttuneError(
        "invalid_model",
        `expected head "${name}" with labels ${expected.join(",")}, found ${h ? h.labels.join(",") : "none"}`,
      );
    }
    const rowBytes = fromBase64(h.rows);
    const rows = new Int32Array(rowBytes.buffer, 0, rowBytes.byteLength / 4);
    const wBytes = fromBase64(h.weights);
    const q = new Int16Array(wBytes.buffer, 0, wBytes.byteLength / 2);
    const classes = HEADS[name].length;
    model.heads[name] = { classes, weights: packed, scale: h.scale, stride, offset };
    if (q.length !== rows.length * classes) {
      throw new AttuneError(
        "invalid_model",
        `expected ${rows.length * classes} weights in head "${name}", found ${q.length}`,
      );
    }
    let r = 0;
    for (let i = 0; i < rows.length; i++) {
      r += rows[i] as number;
      if (r < 0 || r >= FEATURE_DIM)
        throw new AttuneError("invalid_model", `expected feature rows below ${FEATURE_DIM}, found ${r}`);
      for (let c = 0; c < classes; c++) packed[r * stride + offset + c] = q[i * classes + c] as number;
    }
    offset += classes;
  }
  model.meta = f.meta ?? {};
  return model;
}
