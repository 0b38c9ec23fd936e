import type { GeneratedReply } from "@attune/core";
import type { DraftCheck, Suggestions } from "@attune/engine";
import pc from "picocolors";

/** Underlines the flagged spans of a draft (missing things are listed, not underlined). */
export function renderDraftCheck(draft: string, check: DraftCheck): string {
  const lines: string[] = [];
  let out = "";
  let at = 0;
  for (const f of check.flags.filter((x) => x.end > x.start)) {
    if (f.start < at) continue;
    out += draft.slice(at, f.start) + pc.red(pc.underline(draft.slice(f.start, f.end)));
    at = f.end;
  }
  lines.push(out + draft.slice(at), "");
  const tone = check.empathy.score >= 70 ? pc.green : check.empathy.score >= 45 ? pc.yellow : pc.red;
  lines.push(
    `empathy ${tone(String(check.empathy.score))}/100  (${check.empathy.breakdown.map((b) => `${b.item} ${b.points >= 0 ? "+" : ""}${b.points}`).join(", ")})`,
  );
  if (check.flags.length === 0) lines.push(pc.green("no tone problems found"));
  for (const f of check.flags) lines.push(`  ${pc.bold(f.type)}${f.text ? ` “${f.text}”` : ""}: ${f.reason}`);
  if (check.facts.length) lines.push(pc.dim(`facts kept: ${check.facts.map((f) => f.text).join(", ")}`));
  lines.push("", pc.bold("rewrite:"), check.rewrite);
  return lines.join("\n");
}

/** The three suggestions, with the blanks the agent must fill marked. */
export function renderSuggestions(s: Suggestions): string {
  const c = s.context;
  const lines = [
    pc.dim(
      `customer: ${c.emotion} ${c.intensity.toFixed(2)}${c.cause ? `, about ${c.cause}` : ""}; reply in ${c.locale} for ${c.channel}${c.boundary ? "; sets a boundary" : ""}${c.escalate ? "; suggests a supervisor" : ""}`,
    ),
  ];
  s.replies.forEach((r, i) => {
    lines.push(
      "",
      `${pc.bold(`${i + 1}. ${r.style}`)}${r.blanks.length ? pc.yellow(`  (fill in: ${r.blanks.join(", ")})`) : ""}`,
      r.text,
    );
  });
  return lines.join("\n");
}

/** Replies from the external generator, each with the tone guard's verdict. */
export function renderGenerated(replies: readonly GeneratedReply[]): string {
  const lines = [pc.bold("from the generator (checked by the tone guard):")];
  replies.forEach((r, i) => {
    const verdict = r.accepted ? pc.green("ok") : pc.red(`blocked: ${r.check.flags.map((f) => f.type).join(", ")}`);
    lines.push(
      "",
      `${i + 1}. ${verdict}`,
      r.accepted ? r.text : `${pc.dim(r.text)}\n   ${pc.bold("rewrite:")} ${r.check.rewrite}`,
    );
  });
  return lines.join("\n");
}
