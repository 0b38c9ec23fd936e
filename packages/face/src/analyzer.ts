import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { Config, Human } from "@vladmandic/human";
import { FaceError } from "./errors.js";
import { type DetectedFace, type FaceExpressionResult, toFaceExpressionResult } from "./expressions.js";
import { DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE, decodeFrameOrThrow, type FrameFormat } from "./image.js";
import { fileModelRouter } from "./model-files.js";
import { toSquareFrame } from "./square.js";

/** What one frame showed. `faces` is empty, with a `note`, when no face was found: that is not an error. */
export interface FaceAnalysis {
  format: FrameFormat;
  width: number;
  height: number;
  faces: FaceExpressionResult[];
  note?: string;
  /** Time spent decoding and analyzing this frame. */
  ms: number;
}

/** A loaded model, reused for every frame. */
export interface FaceAnalyzer {
  /** Decodes a JPEG or PNG frame and finds each face and its expression. Frames are analyzed one at a time. */
  analyze(bytes: Uint8Array): Promise<FaceAnalysis>;
  /** Releases the model (once every analyzer made in this process is closed). */
  close(): Promise<void>;
  /** How long loading took, in ms (0 when an already loaded model was reused). */
  readonly loadMs: number;
}

/** Options for {@link createFaceAnalyzer}. */
export interface FaceAnalyzerOptions {
  /** Frames with more pixels are refused before decoding. Default 16 megapixels. */
  maxPixels?: number;
  /** At most this many faces per frame, largest confidence first. Default 10. */
  maxFaces?: number;
  /** Faces the detector is less sure of are left out, 0..1. Default 0.3. */
  minConfidence?: number;
  /**
   * Larger frames are shrunk to this longer side before analysis (boxes are reported in the original's
   * pixels). The detector looks at 256 × 256 anyway; this bounds the cost of large frames. Default 960.
   */
  maxSide?: number;
}

const scaleBox = (face: DetectedFace, scale: number): DetectedFace =>
  scale === 1 ? face : { ...face, box: face.box.map((v) => v * scale) as DetectedFace["box"] };

const require = createRequire(import.meta.url);
/** Human's models ship inside its npm package; nothing is ever downloaded. */
const MODEL_DIR = join(dirname(require.resolve("@vladmandic/human")), "..", "models");
const WASM_DIR = dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));

function humanConfig(maxFaces: number, minConfidence: number): Partial<Config> {
  const off = { enabled: false };
  return {
    backend: "wasm",
    wasmPath: `${WASM_DIR}/`,
    wasmPlatformFetch: false,
    modelBasePath: `${pathToFileURL(MODEL_DIR).href}/`,
    debug: false,
    async: true,
    warmup: "none",
    // Every frame stands alone: no reuse of an earlier frame's result, however similar.
    cacheSensitivity: 0,
    cacheModels: false,
    face: {
      enabled: true,
      detector: {
        modelPath: "blazeface.json",
        rotation: false,
        maxDetected: maxFaces,
        minConfidence,
        skipFrames: 0,
        skipTime: 0,
        return: false,
      },
      emotion: { enabled: true, modelPath: "emotion.json", minConfidence: 0, skipFrames: 0, skipTime: 0 },
      mesh: off,
      iris: off,
      description: off,
      antispoof: off,
      liveness: off,
      attention: off,
      gear: off,
    } as Config["face"],
    body: off as Config["body"],
    hand: off as Config["hand"],
    object: off as Config["object"],
    gesture: off,
    segmentation: off as Config["segmentation"],
    filter: off as Config["filter"],
  };
}

// Human keeps its models in module state, so one process has one loaded model, shared by every analyzer.
let shared: { human: Promise<Human>; users: number } | undefined;
const routedIo = new WeakSet<object>();

async function loadHuman(config: Partial<Config>): Promise<Human> {
  // By path: Human's exports map names this build without the "./" Node needs to resolve it.
  const mod = require(join(dirname(require.resolve("@vladmandic/human")), "human.node-wasm.js")) as {
    Human?: typeof Human;
  };
  const HumanClass = mod.Human;
  if (!HumanClass) throw new FaceError("model_failed", "expected Human's node-wasm build to export Human, found none");
  const human = new HumanClass(config);
  // The router registry lives as long as the process; a second registration would make every load ambiguous.
  if (!routedIo.has(human.tf.io)) {
    human.tf.io.registerLoadRouter(fileModelRouter);
    routedIo.add(human.tf.io);
  }
  await human.init();
  await human.load();
  const models = human.models.models as unknown as Record<string, unknown>;
  const missing = ["blazeface", "emotion"].filter((name) => !models[name]);
  if (missing.length > 0) {
    throw new FaceError(
      "model_failed",
      `expected the face models in ${MODEL_DIR}, could not load ${missing.join(", ")}`,
    );
  }
  return human;
}

/**
 * Loads the face detector and expression model once (from files inside the installed packages, on the
 * WebAssembly backend) and returns an analyzer that reuses them.
 *
 * @example
 * const faces = await createFaceAnalyzer();
 * const { faces: found } = await faces.analyze(readFileSync("frame.jpg"));
 * await faces.close();
 */
export async function createFaceAnalyzer(options: FaceAnalyzerOptions = {}): Promise<FaceAnalyzer> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const maxSide = options.maxSide ?? DEFAULT_MAX_SIDE;
  const config = humanConfig(options.maxFaces ?? 10, options.minConfidence ?? 0.3);
  const started = performance.now();
  const reused = shared !== undefined;
  if (!shared) {
    const human = loadHuman(config);
    shared = { human, users: 0 };
    human.catch(() => {
      shared = undefined;
    });
  }
  const mine = shared;
  const human = await mine.human;
  mine.users++;
  const loadMs = reused ? 0 : performance.now() - started;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const analyzeNow = async (bytes: Uint8Array): Promise<FaceAnalysis> => {
    const t0 = performance.now();
    const frame = await decodeFrameOrThrow(bytes, maxPixels, maxSide);
    const padded = toSquareFrame(frame.rgb, frame.scaledWidth, frame.scaledHeight, maxSide);
    const square = { ...padded, scale: frame.scale };
    const tensor = human.tf.tensor4d(square.rgb, [1, square.side, square.side, 3], "int32");
    try {
      const result = await human.detect(tensor, config);
      if (result.error) throw new FaceError("model_failed", `the face model failed: ${result.error}`);
      const faces = (result.face as unknown as DetectedFace[])
        .map((f) => toFaceExpressionResult(scaleBox(f, square.scale), frame.width, frame.height))
        .sort((a, b) => b.confidence - a.confidence);
      return {
        format: frame.format,
        width: frame.width,
        height: frame.height,
        faces,
        ...(faces.length === 0 ? { note: "no face found in the frame" } : {}),
        ms: Math.round((performance.now() - t0) * 10) / 10,
      };
    } finally {
      human.tf.dispose(tensor);
    }
  };

  return {
    loadMs,
    analyze(bytes) {
      if (closed) return Promise.reject(new FaceError("model_failed", "expected an open analyzer, found a closed one"));
      // Human's detectors keep per-call state, so frames go through one at a time.
      const run = queue.then(() => analyzeNow(bytes));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue;
      mine.users--;
      if (mine.users === 0 && shared === mine) {
        shared = undefined;
        for (const model of Object.values(human.models.models)) (model as { dispose?: () => void } | null)?.dispose?.();
        human.models.reset();
        human.reset();
      }
    },
  };
}
