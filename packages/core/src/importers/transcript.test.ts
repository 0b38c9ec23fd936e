import { describe, expect, it } from "vitest";
import { resolveSpeakerLabel, splitSpeakerLabel } from "./speaker-labels.js";
import { fixture } from "./test-support.js";
import { parseSrt, parseTranscriptJson, parseVtt } from "./transcript.js";

describe("parseSrt", () => {
  it("reads a zh-Hans call: merges one speaker's cues, splits two speakers in one cue, skips a broken cue", () => {
    const { messages, skipped } = parseSrt(fixture("transcript/zh-hans-call.srt"), {
      callId: "cc-20240304-0012",
      callStart: "2024-03-04T09:30:00+08:00",
      customerId: "+86 138 0000 2201",
    });
    expect(messages.map((m) => [m.externalId, m.speaker, m.meta?.cues])).toEqual([
      ["cc-20240304-0012:cue-1", "agent", ["1"]],
      ["cc-20240304-0012:cue-2", "customer", ["2", "3"]],
      ["cc-20240304-0012:cue-4", "agent", ["4"]],
      ["cc-20240304-0012:cue-6", "agent", ["6"]],
      ["cc-20240304-0012:cue-6.2", "customer", ["6.2"]],
    ]);
    expect(messages[1]).toEqual({
      externalId: "cc-20240304-0012:cue-2",
      conversationId: "cc-20240304-0012",
      customerId: "+86 138 0000 2201",
      channel: "call",
      speaker: "customer",
      text: "我上周买的扫地机器人到现在还没发货，订单号是 20240301-8812。你们页面上明明写的是48小时内发货，这都一个星期了！",
      at: "2024-03-04T01:30:03.900Z",
      meta: { speakerLabel: "顾客", cues: ["2", "3"], start: 3.9, end: 11 },
    });
    expect(skipped).toEqual([
      {
        item: "cue 5",
        reason:
          'cue 5: expected a timing line like "00:00:01,000 --> 00:00:04,000", found "this line should have been a timing line"',
      },
    ]);
  });

  it("derives a stable call id from the content, so a re-import dedups", () => {
    const srt = "1\r\n00:00:01,000 --> 00:00:02,000\r\nCustomer: Hello?\r\n";
    const first = parseSrt(srt).messages[0];
    expect(first?.externalId).toMatch(/^call:[0-9a-f]{24}:cue-1$/);
    expect(parseSrt(Buffer.from(srt)).messages[0]?.externalId).toBe(first?.externalId);
  });

  it("skips cues without any speaker label and reports empty files", () => {
    const { messages, skipped } = parseSrt(
      "1\n00:00:01,000 --> 00:00:02,000\nhello?\n\n2\n00:00:03,000 --> 00:00:04,000\n[Agent] Hi there\n",
    );
    expect(messages).toHaveLength(1);
    expect(skipped[0]?.reason).toMatch(/^cue 1: no speaker label \(expected a label such as Agent/);
    expect(parseSrt("  \n").skipped).toEqual([{ item: "file", reason: "expected SRT cues, found an empty file" }]);
  });

  it("validates options", () => {
    expect(() => parseSrt("", { callStart: "yesterday" })).toThrow(
      'callStart expected an ISO-8601 time like 2024-03-04T09:30:00+08:00, found "yesterday"',
    );
    expect(() => parseSrt(undefined as unknown as string)).toThrow(
      "attune: parseSrt expected a string or Buffer, found undefined",
    );
  });
});

describe("parseVtt", () => {
  it("reads a Cantonese call with voice tags, NOTE/STYLE blocks, cue settings and entities", () => {
    const { messages, skipped } = parseVtt(fixture("transcript/yue-call.vtt"), { callId: "hk-7781" });
    expect(skipped).toEqual([]);
    expect(messages.map((m) => [m.speaker, m.meta?.speakerLabel, m.text])).toEqual([
      ["agent", "客服", "你好，呢度係新科電器維修熱線，我係阿Ken。"],
      ["customer", "客戶", "喂，我部雪櫃又壞咗呀！上個月先整完，而家又唔凍，啲嘢全部壞晒！你哋搞咩呀？"],
      ["agent", "客服", "陳生，真係唔好意思。我即刻幫你安排師傅聽日上門，好唔好？"],
      ["customer", "客戶", "聽日幾點？我要返工&唔可以請假。"],
      ["agent", "客服", "可以揀夜晚七點之後。"],
    ]);
    expect(messages[1]?.meta).toMatchObject({ start: 3.4, end: 10 });
    expect(messages[4]?.externalId).toBe("hk-7781:cue-5.2");
  });

  it("refuses a file without the WEBVTT header and skips cues with bad timings", () => {
    expect(parseVtt("1\n00:00:01,000 --> 00:00:02,000\nAgent: hi\n").skipped).toEqual([
      { item: "file", reason: 'expected a WebVTT file starting with "WEBVTT", found "1"' },
    ]);
    const { messages, skipped } = parseVtt(
      "WEBVTT\n\n00:01.000 --> soon\nAgent: hi\n\n00:02.000 --> 00:03.000\nAgent: hello\n",
    );
    expect(messages).toHaveLength(1);
    expect(skipped).toEqual([
      {
        item: "cue 1",
        reason: 'cue 1: expected a timing line like "00:01.000 --> 00:04.000", found "00:01.000 --> soon"',
      },
    ]);
  });
});

describe("parseTranscriptJson", () => {
  it("reads {turns} with an IVR, and takes the unknown voice of a two-party call as the customer", () => {
    const { messages, skipped } = parseTranscriptJson(fixture("transcript/en-two-party.json"));
    expect(messages.map((m) => [m.externalId, m.speaker, m.meta?.speakerLabel])).toEqual([
      ["twilio-CA9f21:turn-1", "bot", "IVR"],
      ["twilio-CA9f21:turn-2", "agent", "Agent"],
      ["twilio-CA9f21:turn-3", "customer", "Speaker 2"],
      ["twilio-CA9f21:turn-5", "agent", "Agent"],
    ]);
    expect(messages[2]).toMatchObject({
      text: "My internet has dropped out four times today and I work from home. This is the third call this week. I'm really fed up.",
      at: "2024-03-06T19:00:08.600Z",
      meta: { start: 8.6, end: 16.9 },
    });
    expect(skipped).toEqual([
      {
        item: "turn 6",
        reason:
          "turn 6: expected a text field (one of text, content, transcript, utterance) holding a string, found number",
      },
      { item: "turn 7", reason: "turn 7: expected an object, found string" },
    ]);
  });

  it("skips an unknown third voice in a zh-Hant call instead of guessing", () => {
    const { messages, skipped } = parseTranscriptJson(fixture("transcript/zh-hant-three-voices.json"));
    expect(messages.map((m) => [m.speaker, m.text])).toEqual([
      ["agent", "您好，這裡是台灣電信客服，敝姓林。"],
      ["customer", "你好，我這個月的帳單多扣了五百塊，可以幫我查嗎？"],
      ["agent", "好的，我幫兩位確認一下。"],
    ]);
    expect(skipped).toEqual([
      {
        item: "turn 3",
        reason:
          'turn 3: unknown speaker label "王先生" (expected a label such as Agent, Customer, 客服, 顾客, 客戶, 坐席 or 用户, or a two-party call with a known agent)',
      },
    ]);
  });

  it("reads labels from the text when a plain array has no speaker field, and accepts extra labels", () => {
    const json = JSON.stringify([{ text: "小李：您好，请问有什么可以帮您？" }, { text: "用户：我的快递三天没动了。" }]);
    const { messages } = parseTranscriptJson(json, { labels: { agent: ["小李"] } });
    expect(messages.map((m) => [m.speaker, m.text])).toEqual([
      ["agent", "您好，请问有什么可以帮您？"],
      ["customer", "我的快递三天没动了。"],
    ]);
  });

  it("reports JSON it cannot read", () => {
    expect(parseTranscriptJson("{").skipped[0]?.reason).toMatch(/^expected JSON, found invalid JSON/);
    expect(parseTranscriptJson('{"speakers":[]}').skipped[0]?.reason).toBe(
      "expected an array of turns or an object with turns/utterances/segments, found an object with keys: speakers",
    );
  });
});

describe("speaker labels", () => {
  it("maps zh and en labels case-insensitively, by prefix, and bots first", () => {
    expect(["Agent", "AGENT 2", "客服小李", "坐席", "專員"].map((l) => resolveSpeakerLabel(l))).toEqual(
      Array(5).fill("agent"),
    );
    expect(["customer", "Caller", "顾客", "客戶", "用户", "來電者"].map((l) => resolveSpeakerLabel(l))).toEqual(
      Array(6).fill("customer"),
    );
    expect(["IVR", "Support Bot", "客服机器人", "智能客服"].map((l) => resolveSpeakerLabel(l))).toEqual(
      Array(4).fill("bot"),
    );
    expect(resolveSpeakerLabel("Agency")).toBeUndefined();
  });

  it("splits labels off lines but not ordinary sentences", () => {
    expect(splitSpeakerLabel("顾客： 喂？")).toEqual({ label: "顾客", text: "喂？" });
    expect(splitSpeakerLabel("[Customer] hi")).toEqual({ label: "Customer", text: "hi" });
    expect(splitSpeakerLabel("我想问一下我的订单：到哪了")).toEqual({ text: "我想问一下我的订单：到哪了" });
    expect(splitSpeakerLabel("Well, the thing is: it broke")).toEqual({ text: "Well, the thing is: it broke" });
  });
});
