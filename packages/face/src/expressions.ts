/** The seven expressions the model tells apart. */
export const FACE_EXPRESSIONS = ["neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"] as const;
export type FaceExpression = (typeof FACE_EXPRESSIONS)[number];

/** One face in a frame: where it is, how sure the detector is, and its expression scores. */
export interface FaceExpressionResult {
  /** Pixels of the decoded frame, top-left origin. */
  box: { x: number; y: number; width: number; height: number };
  /** The detector's confidence that this is a face, 0..1. */
  confidence: number;
  /** The highest-scoring expression. */
  expression: FaceExpression;
  /** Every expression's score, 0..1 (the model's softmax, truncated to two decimals). */
  scores: Record<FaceExpression, number>;
}

/** The model's names for its classes, mapped to ours. */
const MODEL_NAMES: Record<string, FaceExpression> = {
  neutral: "neutral",
  happy: "happy",
  sad: "sad",
  angry: "angry",
  fear: "fearful",
  disgust: "disgusted",
  surprise: "surprised",
};

/** The parts of a detected face (Human's `FaceResult`) that are read here. */
export interface DetectedFace {
  box: [number, number, number, number];
  boxScore?: number;
  score: number;
  emotion?: Array<{ score: number; emotion: string }>;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * Turns one detected face into the public result: our expression names, every score present (0 when the
 * model left one out), the box clipped to the frame.
 *
 * @example toFaceExpressionResult({ box: [10, 20, 50, 60], score: 0.9, emotion: [{ score: 0.8, emotion: "happy" }] }, 640, 480)
 */
export function toFaceExpressionResult(face: DetectedFace, width: number, height: number): FaceExpressionResult {
  const scores = Object.fromEntries(FACE_EXPRESSIONS.map((e) => [e, 0])) as Record<FaceExpression, number>;
  for (const { emotion, score } of face.emotion ?? []) {
    const name = MODEL_NAMES[emotion];
    if (name) scores[name] = round(score, 2);
  }
  let expression: FaceExpression = "neutral";
  for (const e of FACE_EXPRESSIONS) if (scores[e] > scores[expression]) expression = e;
  const [bx, by, bw, bh] = face.box;
  const x = Math.max(0, Math.round(bx));
  const y = Math.max(0, Math.round(by));
  return {
    box: {
      x,
      y,
      width: Math.max(0, Math.min(width, Math.round(bx + bw)) - x),
      height: Math.max(0, Math.min(height, Math.round(by + bh)) - y),
    },
    confidence: round(face.boxScore ?? face.score, 3),
    expression,
    scores,
  };
}
