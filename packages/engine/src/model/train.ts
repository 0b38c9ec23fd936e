import { FEATURE_DIM, type FeatureVector } from "./features.js";
import { createEmptyModel, HEAD_NAMES, HEADS, type HeadName, type LinearModel, predictHead } from "./linear-model.js";

/** One training example: its features (copied, not shared buffers) and a class index per head. */
export interface TrainingExample {
  index: Int32Array;
  value: Float32Array;
  /** The lexical features' range in `index`/`value` (see `FeatureVector`). */
  lexicalStart: number;
  lexicalEnd: number;
  labels: Record<HeadName, number>;
}

/** Training settings; the defaults are what `npm run train` uses. */
export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /**
   * Share of visits on which an example's word features are hidden, so the weights of the rule
   * features learn to stand on their own. Text unlike the corpus (other domains, new slang) then
   * still gets the lexicons' judgement instead of the corpus's word priors.
   */
  lexicalDropout: number;
  /** Reported in progress callbacks. */
  onEpoch?: (epoch: number, loss: number) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 14,
  learningRate: 0.25,
  l2: 2e-6,
  seed: 20261123,
  lexicalDropout: 0.5,
};

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

// Inverse square-root frequency: rare classes (surprise, sadness) are not drowned by common ones, and the
// corpus's share of complaints does not become a prior against every other kind of text.
const CLASS_WEIGHT_POWER = 0.5;
function classWeights(examples: readonly TrainingExample[], head: HeadName): Float64Array {
  const k = HEADS[head].length;
  const counts = new Float64Array(k);
  for (const e of examples) counts[e.labels[head]] = (counts[e.labels[head]] as number) + 1;
  const w = new Float64Array(k);
  const mean = examples.length / k;
  for (let c = 0; c < k; c++)
    w[c] = (counts[c] as number) > 0 ? (mean / (counts[c] as number)) ** CLASS_WEIGHT_POWER : 0;
  return w;
}

function asVector(ex: TrainingExample): FeatureVector {
  return {
    index: ex.index,
    value: ex.value,
    n: ex.index.length,
    lexicalStart: ex.lexicalStart,
    lexicalEnd: ex.lexicalEnd,
  };
}

// The example with its word features left out (the bias, language and rule features stay).
function withoutLexical(ex: TrainingExample, into: FeatureVector): FeatureVector {
  const keep = ex.index.length - (ex.lexicalEnd - ex.lexicalStart);
  if (into.index.length < keep) {
    into.index = new Int32Array(keep * 2);
    into.value = new Float32Array(keep * 2);
  }
  let n = 0;
  for (let j = 0; j < ex.index.length; j++) {
    if (j >= ex.lexicalStart && j < ex.lexicalEnd) continue;
    into.index[n] = ex.index[j] as number;
    into.value[n] = ex.value[j] as number;
    n++;
  }
  into.n = n;
  return into;
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
  const scratch: FeatureVector = {
    index: new Int32Array(256),
    value: new Float32Array(256),
    n: 0,
    lexicalStart: 0,
    lexicalEnd: 0,
  };

  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let loss = 0;
    for (const idx of order) {
      const ex = examples[idx] as TrainingExample;
      const x = random() < o.lexicalDropout ? withoutLexical(ex, scratch) : asVector(ex);
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
