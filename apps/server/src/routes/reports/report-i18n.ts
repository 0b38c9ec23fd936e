import { LABEL_NAMES } from "@attune/core/label-names";
import type { ReportQuery } from "../analytics/schemas.js";

/** The report's words in one locale. */
export interface ReportStrings {
  title: string;
  subtitle: string;
  period: string;
  generated: string;
  filters: string;
  all: string;
  messages: string;
  negativeShare: string;
  avgScore: string;
  avgCsat: string;
  recoveryRate: string;
  accuracy: string;
  none: string;
  trendTitle: string;
  trendNote: string;
  causesTitle: string;
  recoveryTitle: string;
  followUps: (created: number, done: number, recovered: number) => string;
  examplesTitle: string;
  causeLine: (total: number, share: string) => string;
  noData: string;
  footer: string;
  emotions: Record<string, string>;
  causes: Record<string, string>;
}

const zhCN: ReportStrings = {
  title: "客户情绪管理报告",
  subtitle: "情绪趋势、根因与跟进效果",
  period: "统计周期",
  generated: "生成时间",
  filters: "筛选",
  all: "全部",
  messages: "客户消息",
  negativeShare: "负面占比",
  avgScore: "平均情绪分",
  avgCsat: "平均满意度 (CSAT)",
  recoveryRate: "跟进挽回率",
  accuracy: "识别准确率",
  none: "—",
  trendTitle: "每日负面情绪占比",
  trendNote: "柱：消息量；线：负面占比",
  causesTitle: "根因 × 情绪",
  recoveryTitle: "跟进挽回率（按根因）",
  followUps: (c, d, r) => `共创建跟进 ${c} 个，已完成 ${d} 个，其中客户情绪好转 ${r} 个`,
  examplesTitle: "主要根因与客户原话（已脱敏）",
  causeLine: (t, s) => `${t} 条消息，负面占比 ${s}`,
  noData: "本周期内没有数据",
  footer: "Attune · 客户情绪管理 · 数据仅限内部使用",
  emotions: LABEL_NAMES["zh-CN"].emotion,
  causes: LABEL_NAMES["zh-CN"].aspect,
};

const zhTW: ReportStrings = {
  title: "客戶情緒管理報告",
  subtitle: "情緒趨勢、根因與跟進成效",
  period: "統計期間",
  generated: "產生時間",
  filters: "篩選",
  all: "全部",
  messages: "客戶訊息",
  negativeShare: "負面佔比",
  avgScore: "平均情緒分",
  avgCsat: "平均滿意度 (CSAT)",
  recoveryRate: "跟進挽回率",
  accuracy: "辨識準確率",
  none: "—",
  trendTitle: "每日負面情緒佔比",
  trendNote: "柱：訊息量；線：負面佔比",
  causesTitle: "根因 × 情緒",
  recoveryTitle: "跟進挽回率（依根因）",
  followUps: (c, d, r) => `共建立跟進 ${c} 筆，已完成 ${d} 筆，其中客戶情緒好轉 ${r} 筆`,
  examplesTitle: "主要根因與客戶原話（已去識別化）",
  causeLine: (t, s) => `${t} 則訊息，負面佔比 ${s}`,
  noData: "本期間沒有資料",
  footer: "Attune · 客戶情緒管理 · 資料僅限內部使用",
  emotions: LABEL_NAMES["zh-TW"].emotion,
  causes: LABEL_NAMES["zh-TW"].aspect,
};

const en: ReportStrings = {
  title: "Customer Emotion Management Report",
  subtitle: "Emotion trends, root causes and follow-up results",
  period: "Period",
  generated: "Generated",
  filters: "Filters",
  all: "all",
  messages: "Customer messages",
  negativeShare: "Negative share",
  avgScore: "Average emotion score",
  avgCsat: "Average CSAT",
  recoveryRate: "Follow-up recovery",
  accuracy: "Recognition accuracy",
  none: "—",
  trendTitle: "Negative share per day",
  trendNote: "bars: messages; line: negative share",
  causesTitle: "Root cause × emotion",
  recoveryTitle: "Follow-up recovery by cause",
  followUps: (c, d, r) => `${c} follow-ups created, ${d} done, ${r} of those customers felt better afterwards`,
  examplesTitle: "Top causes in the customers' words (PII redacted)",
  causeLine: (t, s) => `${t} messages, ${s} negative`,
  noData: "No data in this period",
  footer: "Attune · customer emotion management · internal use only",
  emotions: LABEL_NAMES.en.emotion,
  causes: LABEL_NAMES.en.aspect,
};

/** The report's words per locale. */
export const REPORT_STRINGS: Record<ReportQuery["locale"], ReportStrings> = { "zh-CN": zhCN, "zh-TW": zhTW, en };
