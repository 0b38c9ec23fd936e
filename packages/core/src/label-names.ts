// The names people read for Attune's codes (emotions, causes, channels, languages), in each locale the
// product speaks. One vocabulary for every surface — the web app and the PDF report say the same words.
// This file imports nothing, so the browser bundle can take it alone (`@attune/core/label-names`).

/** The locales Attune's surfaces speak. */
export type DisplayLocale = "zh-CN" | "zh-TW" | "en";

const en = {
  emotion: {
    anger: "anger",
    frustration: "frustration",
    disappointment: "disappointment",
    anxiety: "anxiety",
    sadness: "sadness",
    confusion: "confusion",
    surprise: "surprise",
    neutral: "neutral",
    satisfaction: "satisfaction",
    gratitude: "gratitude",
    joy: "joy",
  },
  aspect: {
    delivery: "delivery",
    product_quality: "product quality",
    refund_return: "refund / return",
    billing: "billing",
    account: "account",
    agent_attitude: "agent attitude",
    wait_time: "wait time",
    technical_fault: "technical fault",
    price: "price",
    policy: "policy",
    other: "other",
    none: "no cause named",
    unknown: "unknown",
  },
  channel: {
    chat: "chat",
    email: "e-mail",
    social: "social",
    review: "review",
    call: "call",
    survey: "survey",
    unknown: "unknown",
  },
  lang: {
    "zh-Hans": "Simplified Chinese",
    "zh-Hant": "Traditional Chinese",
    yue: "Cantonese",
    en: "English",
    mixed: "mixed",
    unknown: "unknown",
  },
} as const;

type Names = { [G in keyof typeof en]: { [K in keyof (typeof en)[G]]: string } };

const zhCN: Names = {
  emotion: {
    anger: "愤怒",
    frustration: "烦躁",
    disappointment: "失望",
    anxiety: "焦虑",
    sadness: "难过",
    confusion: "困惑",
    surprise: "惊讶",
    neutral: "平静",
    satisfaction: "满意",
    gratitude: "感激",
    joy: "开心",
  },
  aspect: {
    delivery: "物流配送",
    product_quality: "产品质量",
    refund_return: "退款退货",
    billing: "账单扣费",
    account: "账户",
    agent_attitude: "客服态度",
    wait_time: "等待时间",
    technical_fault: "技术故障",
    price: "价格",
    policy: "政策规定",
    other: "其他",
    none: "未提及原因",
    unknown: "未知",
  },
  channel: {
    chat: "在线聊天",
    email: "邮件",
    social: "社交媒体",
    review: "评价",
    call: "电话",
    survey: "满意度调查",
    unknown: "未知",
  },
  lang: { "zh-Hans": "简体中文", "zh-Hant": "繁体中文", yue: "粤语", en: "英语", mixed: "中英混合", unknown: "未知" },
};

const zhTW: Names = {
  emotion: {
    anger: "憤怒",
    frustration: "煩躁",
    disappointment: "失望",
    anxiety: "焦慮",
    sadness: "難過",
    confusion: "困惑",
    surprise: "驚訝",
    neutral: "平靜",
    satisfaction: "滿意",
    gratitude: "感激",
    joy: "開心",
  },
  aspect: {
    delivery: "物流配送",
    product_quality: "產品品質",
    refund_return: "退款退貨",
    billing: "帳單扣款",
    account: "帳戶",
    agent_attitude: "客服態度",
    wait_time: "等待時間",
    technical_fault: "技術故障",
    price: "價格",
    policy: "政策規定",
    other: "其他",
    none: "未提及原因",
    unknown: "未知",
  },
  channel: {
    chat: "線上聊天",
    email: "電子郵件",
    social: "社群媒體",
    review: "評價",
    call: "電話",
    survey: "滿意度調查",
    unknown: "未知",
  },
  lang: { "zh-Hans": "簡體中文", "zh-Hant": "繁體中文", yue: "粵語", en: "英語", mixed: "中英混合", unknown: "未知" },
};

/** Every locale's names for every code, e.g. `LABEL_NAMES["zh-TW"].emotion.anger === "憤怒"`. */
export const LABEL_NAMES: { en: typeof en; "zh-CN": Names; "zh-TW": Names } = { en, "zh-CN": zhCN, "zh-TW": zhTW };
