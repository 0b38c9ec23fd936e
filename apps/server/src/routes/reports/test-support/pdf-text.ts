import { inflateSync } from "node:zlib";

/** Every stream of a PDF, inflated when it was compressed. */
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString("latin1");
  const re = /stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    try {
      out.push(inflateSync(bytes).toString("latin1"));
    } catch {
      out.push(bytes.toString("latin1"));
    }
    re.lastIndex = end + "endstream".length;
  }
  return out;
}

const utf16 = (hex: string) => {
  const units = (hex.replace(/\s+/g, "").match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16));
  return String.fromCharCode(...units);
};

/**
 * The text of a PDF whose fonts carry ToUnicode maps (as pdfkit writes them), read back through those maps,
 * one string per text-showing operator. Assumes one embedded font (codes are read through every map).
 */
export function pdfText(pdf: Buffer): string[] {
  const all = streams(pdf);
  const map = new Map<number, string>();
  for (const s of all.filter((x) => x.includes("beginbfrange"))) {
    for (const m of s.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      const from = Number.parseInt(m[1] as string, 16);
      const targets = [...(m[3] as string).matchAll(/<([0-9a-fA-F\s]+)>/g)].map((t) => utf16(t[1] as string));
      for (const [i, t] of targets.entries()) map.set(from + i, t);
    }
  }
  const lines: string[] = [];
  for (const s of all.filter((x) => /T[Jj]/.test(x) && !x.includes("beginbfrange"))) {
    for (const op of s.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]+)>\s*Tj/g)) {
      const hexes =
        op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => h[1] as string) : [op[2] as string];
      lines.push(
        hexes.flatMap((h) => (h.match(/.{4}/g) ?? []).map((c) => map.get(Number.parseInt(c, 16)) ?? "\uFFFD")).join(""),
      );
    }
  }
  return lines;
}
