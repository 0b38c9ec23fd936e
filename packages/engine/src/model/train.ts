import { FEATURE_DIM } from "./features.js";
import { createEmptyModel, HEAD_NAMES, HEADS, type HeadName, type LinearModel, predictHead } from "./linear-model.js";

/** One training example: its features (copied, not shared buffers) and a class index per head. */
export interface TrainingExample {
  index: Int32Array;
  value: Float32Array;
  labels: Record<HeadName, number>;
}

/** Training settings; the defaults are what `npm run train` uses. */
export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Reported in progress callbacks. */
  onEpoch?: (epoch: number, loss: number) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 14, learningRate: 0.25, l2: 2e-6, seed: 20261123 };

/** Deterministic PRNG (mulberry32) so training is reproducible from its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Inverse square-root frequency: rare classes (surprise, sadness) are not drowned by common ones.
function classWeights(examples: readonly TrainingExample[], head: HeadName): Float64Array {
  const k = HEADS[head].length;
  const counts = new Float64Array(k);
  for (const e of examples) counts[e.labels[head]] = (counts[e.labels[head]] as number) + 1;
  const w = new Float64Array(k);
  const mean = examples.length / k;
  for (let c = 0; c < k; c++) w[c] = (counts[c] as number) > 0 ? Math.sqrt(mean / (counts[c] as number)) : 0;
  return w;
}

/**
 * Trains the model's heads by AdaGrad on softmax cross-entropy with L2, visiting the examples
 * in a seeded random order each epoch. Same examples and options give the same weights.
 */
export function trainModel(
  examples: readonly TrainingExample[],
  version: string,
  options: Partial<TrainOptions> = {},
): LinearModel {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const model = createEmptyModel(version);
  const random = mulberry32(o.seed);
  const order = examples.map((_, i) => i);
  const weightsByHead = Object.fromEntries(HEAD_NAMES.map((h) => [h, classWeights(examples, h)])) as Record<
    HeadName,
    Float64Array
  >;
  const accumulators = Object.fromEntries(
    HEAD_NAMES.map((h) => [h, new Float32Array(FEATURE_DIM * HEADS[h].length)]),
  ) as Record<HeadName, Float32Array>;
  const probs = new Float64Array(16);

  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let loss = 0;
    for (const idx of order) {
      const ex = examples[idx] as TrainingExample;
      const x = { index: ex.index, value: ex.value, n: ex.index.length };
      for (const h of HEAD_NAMES) {
        const head = model.heads[h];
        const k = head.classes;
        const y = ex.labels[h];
        const cw = (weightsByHead[h][y] as number) || 1;
        predictHead(head, x, probs);
        loss -= Math.log(Math.max(probs[y] as number, 1e-12)) * cw;
        const acc = accumulators[h];
        const w = head.weights;
        for (let j = 0; j < x.n; j++) {
          const base = (x.index[j] as number) * k;
          const v = x.value[j] as number;
          for (let c = 0; c < k; c++) {
            const p = base + c;
            const g = cw * v * ((probs[c] as number) - (c === y ? 1 : 0)) + o.l2 * (w[p] as number);
            const a = (acc[p] as number) + g * g;
            acc[p] = a;
            w[p] = (w[p] as number) - (o.learningRate * g) / (Math.sqrt(a) + 1e-8);
          }
        }
      }
    }
    o.onEpoch?.(epoch + 1, loss / examples.length);
  }
  return model;
}
