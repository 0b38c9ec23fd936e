import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { attune } from "./test-support/run-cli.js";

describe("attune CLI (real process)", () => {
  const dir = mkdtempSync(join(tmpdir(), "attune-cli-"));

  it("analyze TEXT prints a readable report with the evidence", async () => {
    const { stdout, code } = await attune("analyze", "第三次了！快递还没到，我要投诉");
    expect(code).toBe(0);
    expect(stdout).toMatch(/negative/);
    expect(stdout).toMatch(/evidence:/);
    expect(stdout).toMatch(/repeatContact/);
  });

  it("analyze --json prints the EmotionResult", async () => {
    const { stdout } = await attune("analyze", "--json", "Thank you so much, that fixed it!");
    const r = JSON.parse(stdout);
    expect(r.polarity).toBe("positive");
    expect(r.lang).toBe("en");
  });

  it("analyze --input/--output keeps input order and ids, and skips bad lines into an error file", async () => {
    const input = join(dir, "in.jsonl");
    const output = join(dir, "out.jsonl");
    writeFileSync(
      input,
      [
        JSON.stringify({ id: "a", text: "I love it, works perfectly" }),
        "{not json",
        JSON.stringify({ id: "b" }),
        JSON.stringify({ id: "c", text: "退款到现在还没到账", lang: "zh-Hans" }),
        JSON.stringify({ id: "d", text: "hi", lang: "klingon" }),
        "",
        JSON.stringify({ id: 5, text: "呢個 refund 到底幾時搞掂?" }),
        JSON.stringify({ id: "e", text: "hi", channel: "fax" }),
      ].join("\n"),
    );
    const { stderr, code } = await attune("analyze", "--input", input, "--output", output);
    expect(code).toBe(0);
    expect(stderr).toMatch(/analyzed 3 lines, skipped 4/);
    const out = readFileSync(output, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((r) => r.id)).toEqual(["a", "c", 5]);
    expect(out[1].lang).toBe("zh-Hans");
    const errors = readFileSync(`${output}.errors.jsonl`, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(errors.map((e) => e.line)).toEqual([2, 3, 5, 8]);
    expect(errors[0].error).toMatch(/not valid JSON/);
    expect(errors[1].error).toMatch(/expected "text" to be a string/);
    expect(errors[2].error).toMatch(/expected "lang" to be one of/);
    expect(errors[3].error).toMatch(/expected "channel" to be one of chat, email, social/);
  });

  it("analyze --channel reads a public post as one, and names the channels when given another", async () => {
    const text = "Where is everyone watching the game tonight?";
    const chat = JSON.parse((await attune("analyze", "--json", text)).stdout);
    const social = JSON.parse((await attune("analyze", "--json", "--channel", "social", text)).stdout);
    expect(social.evidence).toEqual(chat.evidence);
    expect(social.score).not.toBe(chat.score);
    const bad = await attune("analyze", "--channel", "fax", text);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--channel: expected one of chat, email, social, review, call, survey, found "fax"/);
  });

  it("eval reports accuracy, macro-F1 and a confusion matrix per language", async () => {
    const gold = join(dir, "gold.jsonl");
    writeFileSync(
      gold,
      [
        { text: "太失望了，质量很差", emotion: "disappointment", polarity: "negative", lang: "zh-Hans" },
        { text: "谢谢你们，问题解决了", emotion: "gratitude", polarity: "positive", lang: "zh-Hans" },
        { text: "Thanks a lot, great help!", emotion: "gratitude", polarity: "positive", lang: "en" },
        { text: "Where is my parcel??? This is ridiculous", emotion: "anger", polarity: "negative", lang: "en" },
      ]
        .map((r) => JSON.stringify(r))
        .join("\n"),
    );
    const { stdout, code } = await attune("eval", "--input", gold);
    expect(code).toBe(0);
    expect(stdout).toMatch(/polarity \(3-way\): accuracy \d\.\d{3}\s+macro-F1 \d\.\d{3}/);
    expect(stdout).toMatch(/emotion \(Attune labels\)/);
    expect(stdout).toMatch(/zh-Hans: accuracy/);
    expect(stdout).toMatch(/gold \\ predicted/);
  });

  it("fails with one clear line and exit code 2 on a missing file", async () => {
    const { stderr, code } = await attune("eval", "--input", join(dir, "nope.jsonl"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^attune: .*no such file/m);
  });

  it("fails clearly on a missing argument", async () => {
    const { stderr, code } = await attune("analyze");
    expect(code).toBe(2);
    expect(stderr).toMatch(/give a message to analyze/);
  });

  it("conversation --input/--output writes trajectory, risk, satisfaction and priority per line", async () => {
    const input = join(dir, "dialogs.jsonl");
    const output = join(dir, "dialogs.out.jsonl");
    writeFileSync(
      input,
      [
        JSON.stringify({
          id: "c1",
          turns: [
            { speaker: "customer", text: "第三次问了，退款到底什么时候到？再不处理我就投诉到12315" },
            { speaker: "agent", text: "请耐心等待。" },
            { speaker: "customer", text: "你们这是什么态度？！" },
          ],
        }),
        JSON.stringify({ id: "c2", turns: [{ speaker: "robot", text: "hi" }] }),
      ].join("\n"),
    );
    const { stderr, code } = await attune("conversation", "--input", input, "--output", output);
    expect(code).toBe(0);
    expect(stderr).toMatch(/analyzed 1 conversations, skipped 1/);
    const [r] = readFileSync(output, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(r.id).toBe("c1");
    expect(r.turns).toHaveLength(3);
    expect(r.final.polarity).toBe("negative");
    expect(["escalating", "steady"]).toContain(r.trajectory);
    expect(r.escalationRisk.score).toBeGreaterThan(0.5);
    expect(r.priority.reasons.join()).toMatch(/12315/);
    const errors = readFileSync(`${output}.errors.jsonl`, "utf8");
    expect(errors).toMatch(/turns\[0\]\.speaker: expected one of customer, agent, bot/);
  });

  it("suggest prints three replies with the blanks to fill", async () => {
    const { stdout, code } = await attune(
      "suggest",
      "--customer",
      "My refund for order #A73920 still hasn't arrived, third time asking!",
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/1\. warm/);
    expect(stdout).toMatch(/3\. options/);
    expect(stdout).toMatch(/#A73920/);
    expect(stdout).toMatch(/\[time\]/);
  });

  it("check-draft flags the draft and prints a rewrite", async () => {
    const { stdout, code } = await attune(
      "check-draft",
      "冷静一下，这个没办法。",
      "--customer",
      "快递丢了三天没人管！",
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/dismissal/);
    expect(stdout).toMatch(/absolute_refusal/);
    expect(stdout).toMatch(/rewrite:/);
    expect(stdout).toMatch(/empathy \d+\/100/);
  });

  it("check-draft without a conversation says what is missing", async () => {
    const { stderr, code } = await attune("check-draft", "hello");
    expect(code).toBe(2);
    expect(stderr).toMatch(/give a conversation with --conversation FILE or a customer message with --customer TEXT/);
  });

  it("suggest --generator-url asks a local OpenAI-compatible server and checks its replies", async () => {
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        const content = JSON.stringify([
          "I'm so sorry about the wait. I'll chase order #A73920 now and update you by [time].",
          "Calm down, nothing I can do.",
        ]);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ choices: [{ message: { role: "assistant", content } }] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      const { stdout, code } = await attune(
        "suggest",
        "--customer",
        "Where is order #A73920? Third time asking!",
        "--generator-url",
        `http://127.0.0.1:${port}/v1`,
      );
      expect(code).toBe(0);
      expect(stdout).toMatch(/from the generator/);
      expect(stdout).toMatch(/1\. ok/);
      expect(stdout).toMatch(/2\. blocked: .*dismissal/);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
