import PDFDocument from "pdfkit";
import type { FollowUpsResponse, RootCause, TrendPoint } from "../analytics/schemas.js";
import type { ReportStrings } from "./report-i18n.js";

/** Everything the management report shows, already computed. */
export interface ReportData {
  /** Local dates, as the reader would write them. */
  period: { from: string; to: string };
  generatedAt: string;
  filters: string[];
  totals: { messages: number; negative: number; avgScore: number | null };
  avgCsat: number | null;
  accuracy: number | null;
  days: readonly TrendPoint[];
  causes: readonly RootCause[];
  followUps: Omit<FollowUpsResponse, "from" | "to">;
}

const EMOTION_COLORS: Record<string, string> = {
  anger: "#d64545",
  frustration: "#e8833a",
  disappointment: "#c9a227",
  anxiety: "#8e6cc0",
  sadness: "#4a78c2",
  confusion: "#46a0a8",
  surprise: "#9aa5b1",
  neutral: "#c5cbd3",
  satisfaction: "#5bb974",
  gratitude: "#2f9e6b",
  joy: "#7dc95e",
};
const INK = "#1f2933";
const MUTED = "#616e7c";
const GRID = "#e4e7eb";
const ACCENT = "#2563eb";
const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const WIDTH = PAGE.width - 2 * PAGE.margin;

const pct = (v: number | null, none: string) => (v === null ? none : `${Math.round(v * 100)}%`);

function keyNumbers(doc: PDFKit.PDFDocument, data: ReportData, s: ReportStrings, y: number): number {
  const { messages, negative, avgScore } = data.totals;
  const boxes: Array<[string, string]> = [
    [s.messages, messages.toLocaleString("en-US")],
    [s.negativeShare, pct(messages ? negative / messages : null, s.none)],
    [s.avgScore, avgScore === null ? s.none : avgScore.toFixed(2)],
    [s.avgCsat, data.avgCsat === null ? s.none : `${data.avgCsat.toFixed(2)} / 5`],
    [s.recoveryRate, pct(data.followUps.recoveryRate, s.none)],
    [s.accuracy, pct(data.accuracy, s.none)],
  ];
  const w = (WIDTH - 5 * 8) / 3;
  boxes.forEach(([label, value], i) => {
    const x = PAGE.margin + (i % 3) * (w + 8);
    const top = y + Math.floor(i / 3) * 58;
    doc.roundedRect(x, top, w, 50, 4).fillColor("#f5f7fa").fill();
    doc
      .fillColor(MUTED)
      .fontSize(8.5)
      .text(label, x + 10, top + 8, { width: w - 20, lineBreak: false });
    doc
      .fillColor(INK)
      .fontSize(17)
      .text(value, x + 10, top + 22, { width: w - 20, lineBreak: false });
  });
  return y + 2 * 58 + 6;
}

function heading(doc: PDFKit.PDFDocument, text: string, y: number, note?: string): number {
  doc.fillColor(INK).fontSize(12).text(text, PAGE.margin, y, { lineBreak: false });
  if (note)
    doc
      .fillColor(MUTED)
      .fontSize(8)
      .text(note, PAGE.margin, y + 3, { width: WIDTH, align: "right" });
  return y + 20;
}

/** Bars of daily volume and a line of the negative share, on one shared time axis. */
function trendChart(doc: PDFKit.PDFDocument, days: readonly TrendPoint[], s: ReportStrings, y: number): number {
  const h = 130;
  const x0 = PAGE.margin + 28;
  const w = WIDTH - 28;
  for (let i = 0; i <= 4; i++) {
    const gy = y + h - (h * i) / 4;
    doc
      .moveTo(x0, gy)
      .lineTo(x0 + w, gy)
      .lineWidth(0.5)
      .strokeColor(GRID)
      .stroke();
    doc
      .fillColor(MUTED)
      .fontSize(7)
      .text(`${i * 25}%`, PAGE.margin, gy - 4, { width: 24, align: "right" });
  }
  if (days.length === 0 || days.every((d) => d.messages === 0)) {
    doc
      .fillColor(MUTED)
      .fontSize(10)
      .text(s.noData, x0, y + h / 2 - 6, { width: w, align: "center" });
    return y + h + 24;
  }
  const step = w / days.length;
  const most = Math.max(...days.map((d) => d.messages), 1);
  days.forEach((d, i) => {
    const bh = (d.messages / most) * h * 0.9;
    doc
      .rect(x0 + i * step + step * 0.15, y + h - bh, step * 0.7, bh)
      .fillColor("#dbe4f0")
      .fill();
  });
  const points = days.map((d, i) => ({
    x: x0 + i * step + step / 2,
    y: y + h - (d.messages ? d.negative / d.messages : 0) * h,
    has: d.messages > 0,
  }));
  let started = false;
  for (const p of points) {
    if (!p.has) continue;
    if (started) doc.lineTo(p.x, p.y);
    else doc.moveTo(p.x, p.y);
    started = true;
  }
  doc.lineWidth(1.6).strokeColor("#d64545").stroke();
  for (const p of points) if (p.has) doc.circle(p.x, p.y, 1.6).fillColor("#d64545").fill();
  const labels = [0, Math.floor(days.length / 2), days.length - 1];
  for (const i of new Set(labels)) {
    const d = days[i];
    if (!d) continue;
    doc
      .fillColor(MUTED)
      .fontSize(7)
      .text(d.t.slice(5, 10), x0 + i * step + step / 2 - 20, y + h + 4, { width: 40, align: "center" });
  }
  return y + h + 22;
}

/** One stacked bar per cause, split by emotion, with a legend. */
function causeChart(doc: PDFKit.PDFDocument, causes: readonly RootCause[], s: ReportStrings, y: number): number {
  const top = causes.slice(0, 6);
  if (top.length === 0) {
    doc.fillColor(MUTED).fontSize(10).text(s.noData, PAGE.margin, y);
    return y + 24;
  }
  const labelW = 90;
  const barW = WIDTH - labelW - 40;
  const most = Math.max(...top.map((c) => c.total), 1);
  const emotions = Object.keys(EMOTION_COLORS).filter((e) => top.some((c) => (c.emotions[e] ?? 0) > 0));
  top.forEach((c, i) => {
    const by = y + i * 20;
    doc
      .fillColor(INK)
      .fontSize(8.5)
      .text(s.causes[c.cause] ?? c.cause, PAGE.margin, by + 2, { width: labelW - 6, lineBreak: false });
    let x = PAGE.margin + labelW;
    for (const e of emotions) {
      const n = c.emotions[e] ?? 0;
      if (!n) continue;
      const bw = (n / most) * barW;
      doc
        .rect(x, by, bw, 13)
        .fillColor(EMOTION_COLORS[e] ?? GRID)
        .fill();
      x += bw;
    }
    doc
      .fillColor(MUTED)
      .fontSize(7.5)
      .text(String(c.total), x + 4, by + 3, { lineBreak: false });
  });
  let lx = PAGE.margin + labelW;
  let ly = y + top.length * 20 + 4;
  for (const e of emotions) {
    const label = s.emotions[e] ?? e;
    const lw = doc.fontSize(7.5).widthOfString(label) + 18;
    if (lx + lw > PAGE.margin + WIDTH) {
      lx = PAGE.margin + labelW;
      ly += 12;
    }
    doc
      .rect(lx, ly + 1, 8, 8)
      .fillColor(EMOTION_COLORS[e] ?? GRID)
      .fill();
    doc.fillColor(MUTED).text(label, lx + 11, ly, { lineBreak: false });
    lx += lw;
  }
  return ly + 22;
}

/** The overall recovery rate as a ring, and one bar per cause. */
function recoveryChart(doc: PDFKit.PDFDocument, f: ReportData["followUps"], s: ReportStrings, y: number): number {
  const cx = PAGE.margin + 45;
  const cy = y + 45;
  doc.circle(cx, cy, 36).lineWidth(10).strokeColor(GRID).stroke();
  if (f.recoveryRate !== null && f.recoveryRate > 0) {
    const end = -Math.PI / 2 + 2 * Math.PI * Math.min(f.recoveryRate, 0.9999);
    const steps = 48;
    doc.moveTo(cx, cy - 36);
    for (let i = 1; i <= steps; i++) {
      const a = -Math.PI / 2 + ((end + Math.PI / 2) * i) / steps;
      doc.lineTo(cx + 36 * Math.cos(a), cy + 36 * Math.sin(a));
    }
    doc.lineWidth(10).strokeColor("#2f9e6b").stroke();
  }
  doc
    .fillColor(INK)
    .fontSize(14)
    .text(pct(f.recoveryRate, s.none), cx - 30, cy - 8, { width: 60, align: "center" });
  const x0 = PAGE.margin + 110;
  doc
    .fillColor(MUTED)
    .fontSize(8.5)
    .text(s.followUps(f.created, f.done, f.recovered), x0, y, { width: WIDTH - 110 });
  const barX = x0 + 90;
  const barW = WIDTH - 110 - 90 - 40;
  f.byCause
    .filter((c) => c.done > 0)
    .slice(0, 5)
    .forEach((c, i) => {
      const by = y + 18 + i * 15;
      doc
        .fillColor(INK)
        .fontSize(8)
        .text(s.causes[c.cause] ?? c.cause, x0, by + 1, { width: 86, lineBreak: false });
      doc.rect(barX, by, barW, 10).fillColor(GRID).fill();
      doc
        .rect(barX, by, barW * (c.recoveryRate ?? 0), 10)
        .fillColor("#2f9e6b")
        .fill();
      doc
        .fillColor(MUTED)
        .fontSize(7.5)
        .text(pct(c.recoveryRate, s.none), barX + barW + 4, by + 1, { lineBreak: false });
    });
  return y + 100;
}

function examples(doc: PDFKit.PDFDocument, causes: readonly RootCause[], s: ReportStrings, y: number): void {
  let at = y;
  for (const c of causes.slice(0, 6)) {
    if (at > PAGE.height - 140) {
      doc.addPage();
      at = PAGE.margin;
    }
    doc
      .fillColor(INK)
      .fontSize(11)
      .text(s.causes[c.cause] ?? c.cause, PAGE.margin, at, { continued: true })
      .fillColor(MUTED)
      .fontSize(8.5)
      .text(`   ${s.causeLine(c.total, pct(c.negativeShare, s.none))}`);
    at = doc.y + 4;
    for (const e of c.examples.slice(0, 2)) {
      doc
        .rect(PAGE.margin, at, 3, 12)
        .fillColor(EMOTION_COLORS[e.emotion] ?? GRID)
        .fill();
      doc
        .fillColor(INK)
        .fontSize(9)
        .text(`“${e.text}”`, PAGE.margin + 10, at, { width: WIDTH - 10 });
      doc
        .fillColor(MUTED)
        .fontSize(7.5)
        .text(`${s.emotions[e.emotion] ?? e.emotion} · ${e.at.slice(0, 10)}`, PAGE.margin + 10, doc.y + 1);
      at = doc.y + 6;
    }
    at += 8;
  }
}

/**
 * Draws the management report as a PDF with pdfkit's vector primitives (no images), in one embedded CJK
 * font so Chinese and English both render. `fontFace` is the PostScript name inside a .ttc collection.
 */
export function renderManagementReport(
  data: ReportData,
  s: ReportStrings,
  font: { path: string; face?: string | undefined },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: PAGE.margin,
    bufferPages: true,
    info: { Title: s.title, Author: "Attune", Subject: `${data.period.from} – ${data.period.to}` },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("cjk", font.path, font.face as string);
  doc.font("cjk");

  doc.rect(0, 0, PAGE.width, 6).fillColor(ACCENT).fill();
  doc.fillColor(INK).fontSize(22).text(s.title, PAGE.margin, PAGE.margin);
  doc.fillColor(MUTED).fontSize(10).text(s.subtitle);
  doc
    .fontSize(9)
    .text(
      `${s.period}: ${data.period.from} – ${data.period.to}    ${s.generated}: ${data.generatedAt}    ${s.filters}: ${data.filters.length ? data.filters.join(", ") : s.all}`,
    );
  let y = keyNumbers(doc, data, s, doc.y + 12);
  y = trendChart(doc, data.days, s, heading(doc, s.trendTitle, y, s.trendNote));
  y = causeChart(doc, data.causes, s, heading(doc, s.causesTitle, y));
  if (y > PAGE.height - 180) {
    doc.addPage();
    y = PAGE.margin;
  }
  recoveryChart(doc, data.followUps, s, heading(doc, s.recoveryTitle, y));

  doc.addPage();
  examples(doc, data.causes, s, heading(doc, s.examplesTitle, PAGE.margin));

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin pdfkit would start a new page: the footer lives in the margin.
    doc.page.margins.bottom = 0;
    doc
      .fillColor(MUTED)
      .fontSize(7.5)
      .text(`${s.footer} · ${i + 1}/${range.count}`, PAGE.margin, PAGE.height - 30, {
        width: WIDTH,
        align: "center",
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
