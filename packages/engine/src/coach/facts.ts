/** A fact in an agent's draft that a rewrite must keep word for word. */
export interface Fact {
  kind: "order" | "amount" | "date" | "time";
  start: number;
  end: number;
  text: string;
}

const PATTERNS: Array<[Fact["kind"], RegExp]> = [
  [
    "amount",
    /(?:¥|￥|RMB\s?|CNY\s?|NT\$|HK\$|US\$|S\$|A\$|\$|£|€)\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:元|块|塊|港元|港幣|港币|台幣|台币|新台幣|dollars?\b|usd\b|hkd\b|rmb\b|twd\b)/gi,
  ],
  [
    "date",
    /\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}[日号號]?|\d{1,2}月\d{1,2}[日号號]|\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|(?:周|星期|礼拜|禮拜)[一二三四五六日天]|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi,
  ],
  [
    "time",
    /\d{1,2}[:：]\d{2}(?:\s?(?:am|pm))?|(?:上午|下午|晚上|早上|中午)?\d{1,2}\s?[点點时時](?:\d{1,2}分|半)?(?:前|之前)?|\b\d{1,2}\s?(?:am|pm)\b|\d+\s?(?:个|個)?(?:小时|小時|分钟|分鐘|工作日|工作天|天)(?:内|內|之内|之內)?|\b\d+\s?(?:hours?|minutes?|mins?|business days?|working days?|days?)\b/gi,
  ],
  [
    // Order, tracking and voucher codes: letters and digits together (JD20260312-8841, SPRING20, #A73920).
    "order",
    /#\s?[A-Za-z0-9][A-Za-z0-9-]{3,}|(?<![A-Za-z0-9])(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{4,}(?![A-Za-z0-9])|(?<![\d.,])\d{8,}(?![\d.,])/g,
  ],
];

/** Finds order numbers, amounts, dates and times, longest first where they overlap. */
export function extractFacts(text: string): Fact[] {
  const found: Fact[] = [];
  for (const [kind, re] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const t = m[0].trim();
      if (t.length < 2) continue;
      const start = m.index + m[0].indexOf(t);
      found.push({ kind, start, end: start + t.length, text: t });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Fact[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}
