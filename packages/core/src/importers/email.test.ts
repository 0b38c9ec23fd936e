import { describe, expect, it } from "vitest";
import { normalizeSubject, parseEml, parseMbox, splitMbox } from "./email.js";
import { fixture } from "./test-support.js";

const agents = { agentDomains: ["shop.example"] };

describe("parseEml", () => {
  it("reads a zh-Hans GBK base64 reply from QQ Mail, splitting off 原始邮件 and 发自我的iPhone", async () => {
    const { messages, skipped } = await parseEml(fixture("email/zh-hans-gbk-reply.eml"), agents);
    expect(skipped).toEqual([]);
    expect(messages).toHaveLength(1);
    const [m] = messages;
    expect(m).toMatchObject({
      externalId: "tencent_3F2A@qq-mail.example",
      conversationId: "order-8812-root@qq-mail.example",
      customerId: "li.na@qq-mail.example",
      channel: "email",
      speaker: "customer",
      at: "2024-03-05T01:30:00.000Z",
      text: "你们到底什么时候发货？我已经等了整整两个星期了，客服电话一直打不通，太让人失望了！\n如果这周五之前还收不到，我要申请退款并且投诉。",
    });
    expect(m?.meta).toMatchObject({
      subject: "回复：回复：订单 20240301-8812 什么时候发货",
      signature: "发自我的iPhone",
    });
    expect(m?.meta?.quoted).toMatch(/^-+ 原始邮件 -+\n发件人:[\s\S]*请耐心等待。$/);
  });

  it("reads a zh-Hant Big5 quoted-printable Gmail reply with 於…寫道： and a 謝謝 sign-off", async () => {
    const [m] = (await parseEml(fixture("email/zh-hant-big5-qp.eml"), agents)).messages;
    expect(m?.text).toBe("請問退款什麼時候會入帳？我上週就已經退貨了，到現在還沒有收到任何通知，真的很不方便。");
    expect(m?.meta).toMatchObject({ subject: "回覆：退款進度查詢", fromName: "陳小姐", signature: "謝謝\n陳小姐" });
    expect(m?.meta?.quoted).toMatch(/寫道：\n> 您好，我們已收到您的退貨申請。/);
    expect(m?.conversationId).toBe("refund-77@shop.example");
    expect(m?.customerId).toBe("chenhy@mail.example.tw");
  });

  it("reads a Cantonese multipart mail: prefers text/plain, notes the attachment, splits the Outlook block", async () => {
    const [m] = (await parseEml(fixture("email/yue-outlook-attachment.eml"), agents)).messages;
    expect(m?.text).toBe(
      "我上個禮拜喺你哋門市買嘅耳機已經壞咗，返嚟冇幾日就冇聲，真係好嬲！\n我想換過一對新嘅，唔該盡快覆我。收據我已經附咗喺度。",
    );
    expect(m?.text).not.toContain("HTML version");
    expect(m?.meta?.attachments).toEqual(["收據-0302.pdf"]);
    expect(m?.meta?.signature).toBe("唔該晒\n黃先生\n9123 4567");
    expect(m?.meta?.quoted).toMatch(/^_{10,}\n寄件者: 客戶服務/);
  });

  it("falls back to the HTML body as text and splits the blockquote and sign-off", async () => {
    const [m] = (await parseEml(fixture("email/en-html-only.eml"), agents)).messages;
    expect(m?.text).toMatch(/^This is the third time I have written about this\.[\s\S]*full refund by\s+Friday\.$/);
    expect(m?.meta?.signature).toBe("Best regards,\nJohn Carter\nNorthwind Café");
    expect(m?.meta?.quoted).toMatch(/wrote:[\s\S]*> Hi John/);
    expect(m?.conversationId).toBe("A-4471-0@northwind.example");
    expect(m?.at).toBe("2024-03-06T21:45:12.000Z");
  });

  it("threads by normalized subject and keys by content digest when there are no Message-IDs", async () => {
    const buffer = fixture("email/en-no-ids.eml");
    const first = await parseEml(buffer);
    const again = await parseEml(buffer.toString("utf8"));
    expect(first.messages[0]?.conversationId).toBe("subject:refund still missing");
    expect(first.messages[0]?.externalId).toMatch(/^email:[0-9a-f]{24}$/);
    expect(again.messages[0]?.externalId).toBe(first.messages[0]?.externalId);
    expect(first.messages[0]?.meta?.quoted).toMatch(/^-----Original Message-----/);
  });

  it("marks mail from an agent address as the agent's and uses the recipient as the customer", async () => {
    const raw = [
      "From: Support <Support@Shop.example>",
      "To: Ann <ann@mail.example>",
      "Subject: Re: Late order",
      "Message-ID: <s-1@shop.example>",
      "",
      "Your order ships today.",
    ].join("\r\n");
    const [m] = (await parseEml(raw, { agentAddresses: ["support@shop.example"] })).messages;
    expect(m).toMatchObject({ speaker: "agent", customerId: "ann@mail.example", text: "Your order ships today." });
    expect(m?.at).toBeUndefined();
  });

  it("decodes 8-bit Big5 and ISO-2022-JP bodies from their declared charset", async () => {
    // 退款 in Big5 is B0 68 B4 DA; 你好 is A7 41 A6 6E.
    const big5 = Buffer.concat([
      Buffer.from(
        "From: a@mail.example.tw\r\nContent-Type: text/plain; charset=Big5\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
      ),
      Buffer.from([0xa7, 0x41, 0xa6, 0x6e, 0x2c, 0xb0, 0x68, 0xb4, 0xda, 0x3f]),
    ]);
    expect((await parseEml(big5)).messages[0]?.text).toBe("你好,退款?");
    const jis =
      "From: b@mail.example.jp\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n\r\n\x1b$B$3$s$K$A$O\x1b(B\r\n";
    expect((await parseEml(jis)).messages[0]?.text).toBe("こんにちは");
  });

  it("skips broken messages with a reason instead of throwing", async () => {
    const noHeaders = await parseEml(fixture("email/broken-no-headers.eml"));
    expect(noHeaders).toEqual({
      messages: [],
      skipped: [{ item: "message", reason: "expected MIME headers (From:, Date:, …) before the body, found none" }],
    });
    const noBoundary = await parseEml(
      'From: c@mail.example\r\nContent-Type: multipart/mixed; boundary="AAA"\r\n\r\n--BBB\r\nContent-Type: text/plain\r\n\r\nhi\r\n',
    );
    expect(noBoundary.skipped[0]?.reason).toBe(
      "expected a text/plain or text/html part, found multipart/mixed with no text",
    );
    expect((await parseEml("")).skipped).toHaveLength(1);
    const onlyQuote = await parseEml(
      "From: d@mail.example\r\n\r\nOn Mon, 4 Mar 2024, X <x@y.example> wrote:\r\n> hi\r\n",
    );
    expect(onlyQuote.skipped[0]?.reason).toBe(
      "expected new text from the sender, found only quoted history or a signature",
    );
  });

  it("refuses input that is not a string or Buffer", async () => {
    await expect(parseEml(42 as unknown as string)).rejects.toThrow(
      "attune: parseEml expected a string or Buffer, found number",
    );
    await expect(parseEml("", { agentDomains: "shop.example" as unknown as string[] })).rejects.toThrow(
      "agentDomains expected an array of strings, found string",
    );
  });
});

describe("normalizeSubject", () => {
  it("strips reply and forward prefixes in en, zh-Hans and zh-Hant", () => {
    expect(normalizeSubject("Re: Fwd: RE:  Refund   missing")).toBe("refund missing");
    expect(normalizeSubject("回复：答复: 订单问题")).toBe("订单问题");
    expect(normalizeSubject("轉寄：回覆: 退款進度")).toBe("退款進度");
  });
});

describe("parseMbox", () => {
  it("reads every message of an archive, unescapes >From and skips the broken one", async () => {
    const { messages, skipped } = await parseMbox(fixture("email/support-inbox.mbox"), agents);
    expect(messages.map((m) => m.externalId)).toEqual([
      "amy-1@mail.example",
      "support-1@shop.example",
      "cheung-1@mail.example.hk",
      "amy-2@mail.example",
    ]);
    expect(skipped).toEqual([
      { item: "message 3", reason: "expected a From: header with an address, found no From: header" },
    ]);
    expect(messages[0]?.text).toContain("\nFrom what my bank says, both charges have already settled.");
    expect(messages[0]?.meta?.signature).toBe("Thanks,\nAmy");
    expect(messages.map((m) => m.speaker)).toEqual(["customer", "agent", "customer", "customer"]);
    expect(new Set(messages.map((m) => m.conversationId))).toEqual(new Set(["amy-1@mail.example"]));
    expect(messages[2]?.text).toBe("我都係俾人扣咗兩次錢，點解仲未退返俾我？");
    expect(messages[3]?.meta?.signature).toBe("Sent from my iPhone");
  });

  it("does not split on a body line starting with 'From ' that is not an envelope", () => {
    const archive = "From a@b Mon Mar 04 10:00:00 2024\nFrom: a@b.example\n\nbody\n\nFrom the start it failed.\n";
    expect(splitMbox(archive)).toHaveLength(1);
  });

  it("reports an empty archive", async () => {
    expect(await parseMbox("")).toEqual({
      messages: [],
      skipped: [{ item: "file", reason: "expected mbox messages, found an empty file" }],
    });
  });

  it("gives the same ids on a re-import so the store can dedup", async () => {
    const first = await parseMbox(fixture("email/support-inbox.mbox"));
    const second = await parseMbox(fixture("email/support-inbox.mbox"));
    expect(second.messages.map((m) => m.externalId)).toEqual(first.messages.map((m) => m.externalId));
  });
});
