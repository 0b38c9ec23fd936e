import { describe, expect, it } from "vitest";
import { tinyAnalyzer } from "../test-support/tiny-lexicon.js";
import { deserializeModel, predictHead, serializeModel } from "./linear-model.js";
import { type TrainingExample, trainModel } from "./train.js";

function examples(): TrainingExample[] {
  const a = tinyAnalyzer();
  const rows: Array<[string, number, number, number]> = [
    ["我很满意", 8, 2, 1],
    ["真好吃，满意", 8, 2, 1],
    ["气死我了", 0, 0, 2],
    ["太生气了！！", 0, 0, 2],
    ["I am so happy", 10, 2, 1],
    ["terrible service, angry", 0, 0, 2],
    ["请问几点开门", 7, 1, 0],
    ["what time do you open", 7, 1, 0],
  ];
  return rows.map(([text, emotion, polarity, intensity]) => {
    const x = a.features(a.prepare(text));
    return {
      index: x.index.slice(0, x.n),
      value: x.value.slice(0, x.n),
      lexicalStart: x.lexicalStart,
      lexicalEnd: x.lexicalEnd,
      labels: { emotion, polarity, intensity },
    };
  });
}

describe("linear model", () => {
  it("learns its training data and is reproducible from its seed", () => {
    const data = examples();
    const m1 = trainModel(data, "test", { epochs: 30, seed: 7, lexicalDropout: 0 });
    const m2 = trainModel(data, "test", { epochs: 30, seed: 7, lexicalDropout: 0 });
    const bytes = (w: Float32Array | Int16Array) => Buffer.from(w.buffer, w.byteOffset, w.byteLength);
    expect(bytes(m1.heads.emotion.weights).equals(bytes(m2.heads.emotion.weights))).toBe(true);
    const probs = new Float64Array(11);
    for (const ex of data) {
      predictHead(m1.heads.emotion, { index: ex.index, value: ex.value, n: ex.index.length }, probs);
      const best = probs.indexOf(Math.max(...probs));
      expect(best).toBe(ex.labels.emotion);
    }
  });

  it("survives serialization (int16 quantization changes predictions negligibly)", () => {
    const data = examples();
    const model = trainModel(data, "test", { epochs: 10, seed: 1 });
    const back = deserializeModel(JSON.parse(JSON.stringify(serializeModel(model, 0))));
    const p1 = new Float64Array(11);
    const p2 = new Float64Array(11);
    for (const ex of data) {
      const x = { index: ex.index, value: ex.value, n: ex.index.length };
      predictHead(model.heads.emotion, x, p1);
      predictHead(back.heads.emotion, x, p2);
      for (let i = 0; i < 11; i++) expect(Math.abs((p1[i] as number) - (p2[i] as number))).toBeLessThan(0.01);
    }
  });

  it("refuses a file that is not a model, or a model of other features", () => {
    expect(() => deserializeModel({ hello: 1 })).toThrow(/expected an attune-linear-model file/);
    const file = serializeModel(trainModel(examples(), "t", { epochs: 1 }));
    expect(() => deserializeModel({ ...file, featureVersion: 999 })).toThrow(/retrain/);
  });
});
