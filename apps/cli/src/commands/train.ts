import { writeFileSync } from "node:fs";
import {
  type Analyzer,
  type Blend,
  createAnalyzer,
  DEFAULT_TRAIN_OPTIONS,
  EMOTIONS,
  type EngineData,
  HEADS,
  INTENSITY_LEVELS,
  POLARITIES,
  predictHead,
  serializeModel,
  type TrainingExample,
  trainModel,
} from "@attune/engine";
import { evaluateGold } from "@attune/engine/eval";
import { type CorpusRecord, isHeldOut, readCorpus } from "../corpus.js";
import { formatReport } from "./eval.js";

/** Model version written into the weights file; bump when the corpus or features change meaningfully. */
export const MODEL_VERSION = "1.0.0";

export interface TrainCommandOptions {
  corpus: string;
  output: string;
  seed: number;
  epochs: number;
  /** L2 penalty (default: the engine's). */
  l2?: number;
  /** Share of visits with word features hidden (default: the engine's). */
  lexicalDropout?: number;
}

function toExample(analyzer: Analyzer, r: CorpusRecord): TrainingExample {
  const x = analyzer.features(analyzer.prepare(r.text));
  return {
    index: x.index.slice(0, x.n),
    value: x.value.slice(0, x.n),
    lexicalStart: x.lexicalStart,
    lexicalEnd: x.lexicalEnd,
    labels: {
      emotion: EMOTIONS.indexOf(r.emotion as (typeof EMOTIONS)[number]),
      polarity: POLARITIES.indexOf(r.polarity as (typeof POLARITIES)[number]),
      intensity: INTENSITY_LEVELS.indexOf(r.intensity as (typeof INTENSITY_LEVELS)[number]),
    },
  };
}

const BLEND_GRID = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
// Folders of everyday social posts and dialogue turns (spoken dialogue, and requests typed to booking and search
// assistants): the stand-in for text unlike the customer-service corpus. The social folders alone stand in for
// public posts.
const isSocialPost = (r: CorpusRecord) => r.source.startsWith("social-");
const isOtherDomain = (r: CorpusRecord) =>
  isSocialPost(r) || r.source.startsWith("dialogue-") || r.source.startsWith("requests-");

/**
 * Chooses how far to trust the model against the rules alone, per head, by leaving a domain out:
 * a model trained without the social-post folders is scored on them (text unlike what it saw) and
 * on the held-out slice of the rest (text like it). The blend with the best mean macro-F1 serves every
 * channel but one: social posts get the blend that does best on the left-out social folders alone (not the
 * dialogue turns), because real public posts are about everything, far more unlike the service corpus than
 * the ones we wrote.
 */
function chooseBlend(
  data: EngineData,
  train: readonly CorpusRecord[],
  heldOut: readonly CorpusRecord[],
  examples: readonly TrainingExample[],
  options: TrainCommandOptions,
  log: (line: string) => void,
): Blend & { social: Blend } {
  const inDomain = examples.filter((_, i) => !isOtherDomain(train[i] as CorpusRecord));
  const proxy = trainModel(inDomain, "proxy", { seed: options.seed, epochs: options.epochs });
  const near = heldOut.filter((r) => !isOtherDomain(r));
  const far = [...train, ...heldOut].filter(isOtherDomain);
  const posts = far.filter(isSocialPost);
  if (far.length === 0 || near.length === 0) return { emotion: 1, polarity: 1, social: { emotion: 1, polarity: 1 } };
  const best = { emotion: { alpha: 1, score: -1 }, polarity: { alpha: 1, score: -1 } };
  const bestFar = { emotion: { alpha: 1, score: -1 }, polarity: { alpha: 1, score: -1 } };
  for (const alpha of BLEND_GRID) {
    proxy.meta = { blend: { emotion: alpha, polarity: alpha } };
    const analyzer = createAnalyzer({ ...data, model: proxy });
    const mapping = { name: "blend", polarity3: true };
    const a = evaluateGold(near, analyzer, mapping).tasks;
    const b = evaluateGold(far, analyzer, mapping).tasks;
    const c = posts.length > 0 ? evaluateGold(posts, analyzer, mapping).tasks : b;
    const score = (task: string) => ((a[task]?.overall.macroF1 ?? 0) + (b[task]?.overall.macroF1 ?? 0)) / 2;
    const e = score("emotion (Attune labels)");
    const p = score("polarity (3-way)");
    const part = (task: string) =>
      `${(a[task]?.overall.macroF1 ?? 0).toFixed(3)} near / ${(b[task]?.overall.macroF1 ?? 0).toFixed(3)} far`;
    const postsE = c["emotion (Attune labels)"]?.overall.macroF1 ?? 0;
    const postsP = c["polarity (3-way)"]?.overall.macroF1 ?? 0;
    log(
      `blend ${alpha.toFixed(1)}: emotion macro-F1 ${e.toFixed(3)} (${part("emotion (Attune labels)")}, ${postsE.toFixed(3)} posts), polarity macro-F1 ${p.toFixed(3)} (${part("polarity (3-way)")}, ${postsP.toFixed(3)} posts)`,
    );
    if (e > best.emotion.score) best.emotion = { alpha, score: e };
    if (p > best.polarity.score) best.polarity = { alpha, score: p };
    if (postsE > bestFar.emotion.score) bestFar.emotion = { alpha, score: postsE };
    if (postsP > bestFar.polarity.score) bestFar.polarity = { alpha, score: postsP };
  }
  log(
    `chosen blend: emotion ${best.emotion.alpha}, polarity ${best.polarity.alpha}; social posts: emotion ${bestFar.emotion.alpha}, polarity ${bestFar.polarity.alpha}`,
  );
  return {
    emotion: best.emotion.alpha,
    polarity: best.polarity.alpha,
    social: { emotion: bestFar.emotion.alpha, polarity: bestFar.polarity.alpha },
  };
}

/**
 * `attune train`: features from the rules-only engine, a seeded model trained on ~90% of the
 * corpus, metrics on the held-out ~10%, and the weights written as a versioned data file.
 */
export function runTrain(data: EngineData, options: TrainCommandOptions, log: (line: string) => void): void {
  const started = performance.now();
  const { records, sha256, files } = readCorpus(options.corpus);
  const rulesOnly = createAnalyzer({ ...data, model: undefined });
  const train = records.filter((r) => !isHeldOut(r.id));
  const heldOut = records.filter((r) => isHeldOut(r.id));
  log(
    `corpus: ${records.length} messages in ${files.length} files (sha256 ${sha256.slice(0, 12)}); training on ${train.length}, holding out ${heldOut.length}`,
  );
  const examples = train.map((r) => toExample(rulesOnly, r));
  const blend = chooseBlend(data, train, heldOut, examples, options, log);
  const model = trainModel(examples, MODEL_VERSION, {
    seed: options.seed,
    epochs: options.epochs,
    ...(options.l2 !== undefined ? { l2: options.l2 } : {}),
    ...(options.lexicalDropout !== undefined ? { lexicalDropout: options.lexicalDropout } : {}),
    onEpoch: (epoch, loss) => log(`epoch ${epoch}/${options.epochs}: loss ${loss.toFixed(4)}`),
  });
  model.meta = { blend };
  const analyzer = createAnalyzer({ ...data, model });
  const report = evaluateGold(heldOut, analyzer, { name: "held-out corpus slice", polarity3: true });
  let intensityRight = 0;
  let intensityN = 0;
  for (const r of heldOut) {
    if (r.emotion === "neutral") continue;
    const p = analyzer.prepare(r.text);
    const x = analyzer.features(p);
    const probs = new Float64Array(3);
    predictHead(model.heads.intensity, x, probs);
    let best = 0;
    for (let i = 1; i < 3; i++) if ((probs[i] as number) > (probs[best] as number)) best = i;
    intensityN++;
    if (INTENSITY_LEVELS[best] === r.intensity) intensityRight++;
  }
  log(formatReport(report));
  log(
    `intensity (3 levels, non-neutral): accuracy ${(intensityRight / Math.max(intensityN, 1)).toFixed(3)} (n=${intensityN})`,
  );
  const summary = Object.fromEntries(
    Object.entries(report.tasks).map(([task, t]) => [
      task,
      {
        accuracy: Number(t.overall.accuracy.toFixed(4)),
        macroF1: Number(t.overall.macroF1.toFixed(4)),
        byLanguage: Object.fromEntries(
          Object.entries(t.byLanguage).map(([l, r]) => [
            l,
            { accuracy: Number(r.accuracy.toFixed(4)), macroF1: Number(r.macroF1.toFixed(4)), n: r.n },
          ]),
        ),
      },
    ]),
  );
  model.meta = {
    blend,
    corpus: { messages: records.length, trained: train.length, heldOut: heldOut.length, sha256 },
    training: {
      seed: options.seed,
      epochs: options.epochs,
      learningRate: DEFAULT_TRAIN_OPTIONS.learningRate,
      l2: DEFAULT_TRAIN_OPTIONS.l2,
    },
    heads: Object.fromEntries(Object.entries(HEADS).map(([k, v]) => [k, v.length])),
    heldOutMetrics: { ...summary, intensityAccuracy: Number((intensityRight / Math.max(intensityN, 1)).toFixed(4)) },
  };
  writeFileSync(options.output, `${JSON.stringify(serializeModel(model))}\n`);
  log(`wrote ${options.output} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
