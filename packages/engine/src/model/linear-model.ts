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
 * Weights for one head: `weights[row * stride + offset + k] * scale`, where `row` is the feature
 * itself, or `rowOf[feature]` when the weights keep only the features that have any. Training uses
 * dense float weights (scale 1); a loaded model keeps the file's int16 weights for its rows only.
 */
export interface Head {
  classes: number;
  weights: Float32Array | Int16Array;
  scale: number;
  /** Row length and this head's first column: a loaded model packs all heads in one row per feature. */
  stride: number;
  offset: number;
  /** Feature → row of `weights`, or -1 for a feature without weights; absent when every feature has a row. */
  rowOf?: Int32Array;
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
  const rowOf = head.rowOf;
  out.fill(0, 0, k);
  for (let j = 0; j < x.n; j++) {
    let row = x.index[j] as number;
    if (rowOf) {
      row = rowOf[row] as number;
      // A feature without weights adds exact zeros: skipping it leaves the sums as they were.
      if (row < 0) continue;
    }
    const base = row * stride + offset;
    const v = x.value[j] as number;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + v * (w[base + c] as number);
  }
  return softmax(out, k, head.scale);
}

/**
 * The three heads' probabilities at once: when the heads share one packed row per feature (a loaded
 * model), each row is read once. Every class sums the same products in the same order as
 * `predictHead`, so the results are identical.
 */
export function predictHeads(
  model: LinearModel,
  x: Pick<FeatureVector, "index" | "value" | "n">,
  emotion: Float64Array,
  polarity: Float64Array,
  intensity: Float64Array,
): void {
  const e = model.heads.emotion;
  const p = model.heads.polarity;
  const i = model.heads.intensity;
  const w = e.weights;
  const rowOf = e.rowOf;
  const packed =
    rowOf !== undefined &&
    p.weights === w &&
    i.weights === w &&
    p.rowOf === rowOf &&
    i.rowOf === rowOf &&
    p.stride === e.stride &&
    i.stride === e.stride;
  if (!packed) {
    predictHead(e, x, emotion);
    predictHead(p, x, polarity);
    predictHead(i, x, intensity);
    return;
  }
  const stride = e.stride;
  const ke = e.classes;
  const kp = p.classes;
  const ki = i.classes;
  emotion.fill(0, 0, ke);
  polarity.fill(0, 0, kp);
  intensity.fill(0, 0, ki);
  for (let j = 0; j < x.n; j++) {
    const row = rowOf[x.index[j] as number] as number;
    if (row < 0) continue;
    const base = row * stride;
    const v = x.value[j] as number;
    for (let c = 0; c < ke; c++) emotion[c] = (emotion[c] as number) + v * (w[base + e.offset + c] as number);
    for (let c = 0; c < kp; c++) polarity[c] = (polarity[c] as number) + v * (w[base + p.offset + c] as number);
    for (let c = 0; c < ki; c++) intensity[c] = (intensity[c] as number) + v * (w[base + i.offset + c] as number);
  }
  softmax(emotion, ke, e.scale);
  softmax(polarity, kp, p.scale);
  softmax(intensity, ki, i.scale);
}

// Scales the first `k` logits and turns them into probabilities, in place.
function softmax(out: Float64Array, k: number, scale: number): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
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
      const row = head.rowOf ? (head.rowOf[r] as number) : r;
      if (row < 0) continue;
      for (let c = 0; c < classes; c++) {
        weights[r * classes + c] = (head.weights[row * head.stride + head.offset + c] as number) * headScale;
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

// Decoded bytes as a typed array; copied only when the decoded buffer is not aligned for it.
function decodeBase64<T extends Int32Array | Int16Array>(
  text: string,
  Type: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number },
): T {
  const buf = Buffer.from(text, "base64");
  const bytes = buf.byteOffset % Type.BYTES_PER_ELEMENT === 0 ? buf : new Uint8Array(buf);
  return new Type(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / Type.BYTES_PER_ELEMENT));
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
  const decoded: Array<{ name: HeadName; rows: Int32Array; q: Int16Array; scale: number }> = [];
  // Only features some head has weights for get a row (about 40%): the dense table was 2.5x larger.
  const rowOf = new Int32Array(FEATURE_DIM).fill(-1);
  for (const name of HEAD_NAMES) {
    const h = f.heads?.[name];
    const expected = HEADS[name] as readonly string[];
    if (!h || JSON.stringify(h.labels) !== JSON.stringify(expected)) {
      throw new AttuneError(
        "invalid_model",
        `expected head "${name}" with labels ${expected.join(",")}, found ${h ? h.labels.join(",") : "none"}`,
      );
    }
    const rows = decodeBase64(h.rows, Int32Array);
    const q = decodeBase64(h.weights, Int16Array);
    const classes = HEADS[name].length;
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
      rowOf[r] = 0; // has weights: numbered below, in feature order
    }
    decoded.push({ name, rows, q, scale: h.scale });
  }
  let used = 0;
  for (let r = 0; r < FEATURE_DIM; r++) if (rowOf[r] === 0) rowOf[r] = used++;
  // All heads share one row per feature, so predicting the three heads reads each row's cache line once.
  const stride = HEAD_NAMES.reduce((n, name) => n + HEADS[name].length, 0);
  const packed = new Int16Array(used * stride);
  let offset = 0;
  for (const { name, rows, q, scale } of decoded) {
    const classes = HEADS[name].length;
    model.heads[name] = { classes, weights: packed, scale, stride, offset, rowOf };
    let r = 0;
    for (let i = 0; i < rows.length; i++) {
      r += rows[i] as number;
      const base = (rowOf[r] as number) * stride + offset;
      for (let c = 0; c < classes; c++) packed[base + c] = q[i * classes + c] as number;
    }
    offset += classes;
  }
  model.meta = f.meta ?? {};
  return model;
}
