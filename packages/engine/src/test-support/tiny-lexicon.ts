import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Analyzer, createAnalyzer } from "../analyzer.js";
import { compileLexicon } from "../lexicon/compile.js";
import { ENGINE_DATA_DIR } from "../node/load-engine-data.js";

/** A small hand-made lexicon, so rule tests do not move when the shipped lexicons grow. */
export const TINY_FILES = {
  "zh.tsv": [
    "满意\t2\tsatisfaction:1",
    "好吃\t2\tsatisfaction:0.8,joy:0.2",
    "难吃\t-2\tdisappointment:1",
    "太棒了\t3\tjoy:1",
    "棒\t2\tjoy:0.8",
    "生气\t-2\tanger:1",
    "气死\t-3\tanger:1",
    "慢\t-1\tfrustration:0.6,disappointment:0.4",
    "谢谢\t2\tgratitude:1",
    "失望\t-2\tdisappointment:1",
    "担心\t-1.5\tanxiety:1",
    "开心\t2\tjoy:1",
    "不错\t1.5\tsatisfaction:1",
    "延误\t-1.5\tfrustration:1",
    "还是一样\t-1.5\tfrustration:0.8",
    "慢慢\t0\t-",
  ].join("\n"),
  "yue.tsv": ["嬲\t-2\tanger:1", "搞錯\t-1.5\tanger:0.7,frustration:0.3", "搞掂\t1.5\tsatisfaction:1"].join("\n"),
  "en.tsv": [
    "happy\t2\tjoy:0.6,satisfaction:0.4",
    "great\t2\tsatisfaction:0.6,joy:0.4",
    "good\t1.5\tsatisfaction:1",
    "bad\t-1.5\tdisappointment:1",
    "terrible\t-2.5\tanger:0.5,disappointment:0.5",
    "angry\t-2\tanger:1",
    "disappoint*\t-2\tdisappointment:1",
    "thanks\t2\tgratitude:1",
    "worried\t-1.5\tanxiety:1",
    "so\t0\t-",
    "fed up\t-2\tfrustration:1",
    "on hold\t-1\tfrustration:1",
  ].join("\n"),
  "emoji.tsv": ["😡\t-2.5\tanger:1", ":(\t-1.5\tsadness:0.6,disappointment:0.4", "🙏\t1.5\tgratitude:1"].join("\n"),
  "signals-zh.tsv": [
    "投诉\tescalationThreat\t0.9",
    "12315\tescalationThreat\t1",
    "又\trepeatContact\t0.4",
    "销户\tchurnIntent\t0.9",
    "傻逼\tabuse\t1",
    "呵呵\tsarcasm\t0.6",
  ].join("\n"),
  "signals-en.tsv": [
    "chargeback\tescalationThreat\t0.9",
    "again\trepeatContact\t0.4",
    "cancel my account\tchurnIntent\t1",
    "asap\turgency\t0.8",
    "idiot\tabuse\t0.9",
    "another\trepeatContact\t0.3",
  ].join("\n"),
  "causes-zh.tsv": ["快递\tdelivery", "退款\trefund_return", "退款\trefund_return"].slice(0, 2).join("\n"),
  "causes-en.tsv": ["refund\trefund_return", "delivery\tdelivery", "on hold\twait_time"].join("\n"),
} as const;

let tiny: Analyzer | undefined;
/** A rules-only analyzer over the tiny lexicon and the shipped modifiers. */
export function tinyAnalyzer(): Analyzer {
  tiny ??= createAnalyzer({
    lexicon: compileLexicon({
      ...TINY_FILES,
      "modifiers.tsv": readFileSync(join(ENGINE_DATA_DIR, "lexicon", "modifiers.tsv"), "utf8"),
    }),
  });
  return tiny;
}
