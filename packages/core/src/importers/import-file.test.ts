import { describe, expect, it } from "vitest";
import { detectFormat, importFile } from "./import-file.js";
import { readImportFile } from "./read-file.js";
import { fixture } from "./test-support.js";

describe("detectFormat", () => {
  it("trusts the extension", () => {
    expect(detectFormat("a.EML", "")).toBe("eml");
    expect(detectFormat("inbox.mbox", "")).toBe("mbox");
    expect(detectFormat("reviews.tsv", "")).toBe("csv");
    expect(detectFormat("x.json", "")).toBe("json");
    expect(detectFormat("call.srt", "")).toBe("srt");
    expect(detectFormat("call.vtt", "")).toBe("vtt");
  });

  it("sniffs the first bytes when the name says nothing", () => {
    expect(detectFormat("download", fixture("transcript/yue-call.vtt"))).toBe("vtt");
    expect(detectFormat("call.txt", fixture("transcript/zh-hans-call.srt"))).toBe("srt");
    expect(detectFormat("archive", fixture("email/support-inbox.mbox"))).toBe("mbox");
    expect(detectFormat("message.txt", fixture("email/zh-hans-gbk-reply.eml"))).toBe("eml");
    expect(detectFormat("export.txt", fixture("social/dianping-reviews.csv"))).toBe("csv");
    expect(detectFormat("export", '\uFEFF[{"text":"hi"}]')).toBe("json");
  });

  it("answers unknown instead of guessing", () => {
    expect(detectFormat("notes.txt", "Just some notes about the call.")).toBe("unknown");
    expect(detectFormat("photo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe("unknown");
  });
});

describe("importFile", () => {
  it("routes each channel and format to its parser", async () => {
    const email = await importFile("email", "inbox.mbox", fixture("email/support-inbox.mbox"));
    expect(email.messages).toHaveLength(4);
    const social = await importFile("social", "x.json", fixture("social/x-and-google.json"));
    expect(social.messages[0]?.channel).toBe("social");
    const call = await importFile("transcript", "call.vtt", fixture("transcript/yue-call.vtt"), {
      transcript: { callId: "hk-1" },
    });
    expect(call.messages[0]?.externalId).toBe("hk-1:cue-1");
    const survey = await importFile("survey", "csat.csv", fixture("survey/csat-zh.csv"));
    expect(survey.messages[0]?.meta?.csat).toBe(1);
  });

  it("reports a format the channel cannot read", async () => {
    expect(await importFile("email", "orders.csv", Buffer.from("id,text\n1,hi\n"))).toEqual({
      messages: [],
      skipped: [{ item: "orders.csv", reason: "expected a .eml, .mbox file for email, found csv (orders.csv)" }],
    });
    expect((await importFile("survey", "notes.txt", Buffer.from("hello"))).skipped[0]?.reason).toBe(
      "expected a .csv, .json file for survey, found unknown (notes.txt)",
    );
  });

  it("refuses an unknown channel", async () => {
    await expect(importFile("fax" as "email", "a.eml", Buffer.from(""))).rejects.toThrow(
      'attune: importFile expected channel to be one of email, social, transcript, survey, found "fax"',
    );
  });

  it("reads a file from disk with readImportFile", async () => {
    const path = new URL("../../test-fixtures/survey/csat-hk-en.json", import.meta.url).pathname;
    const { fileName, content } = await readImportFile(path);
    expect(fileName).toBe("csat-hk-en.json");
    expect((await importFile("survey", fileName, content)).messages).toHaveLength(3);
  });
});
