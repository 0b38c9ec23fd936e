import { createRequire } from "node:module";
import type { Store } from "@attune/core";
import { crop, FACE_TILES, humanAsset, solid, toJpeg, toPng } from "@attune/face/test-support";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashKey } from "../auth.js";
import { loadConfig } from "../config.js";
import { testServer } from "../test-support/test-server.js";

let app: FastifyInstance;
let store: Store;
let keys: Awaited<ReturnType<typeof testServer>>["keys"];
let close: () => Promise<void>;
let tenantA = "";

/** A portrait from the screenshot shipped in @vladmandic/human (MIT), cropped at test time; see frames.ts. */
const tile = FACE_TILES[1] ?? { x: 164, y: 345, width: 150, height: 152 };
const portrait = toJpeg(
  crop(humanAsset("screenshot-facedetect.jpg"), {
    x: tile.x - 20,
    y: tile.y - 20,
    width: tile.width + 40,
    height: tile.height + 40,
  }),
);

const faceModelLoaded = () =>
  Object.keys(createRequire(import.meta.url).cache).some((path) => path.endsWith("human.node-wasm.js"));

const post = (query: string, body: Uint8Array | string, contentType = "image/jpeg", key = keys.a.agent) =>
  app.inject({
    method: "POST",
    url: `/api/v1/face/analyze?${query}`,
    headers: { "x-api-key": key, "content-type": contentType },
    payload: Buffer.from(body),
  });

beforeAll(async () => {
  ({ app, store, keys, close } = await testServer({ ATTUNE_FACE_REGIONS: "de, hk" }));
  tenantA = (await store.findApiKey(hashKey(keys.a.admin)))?.tenantId ?? "";
  await store.setConsent(tenantA, "consenting", { face: true }, new Date().toISOString());
  await store.setConsent(tenantA, "declining", { text: true }, new Date().toISOString());
});
afterAll(() => close());

describe("face analysis settings", () => {
  it("is off everywhere by default, and a bad region code stops the start naming it", () => {
    expect(loadConfig({}).faceRegions).toEqual([]);
    expect(loadConfig({ ATTUNE_FACE_REGIONS: " de,US-il " }).faceRegions).toEqual(["DE", "US-IL"]);
    expect(() => loadConfig({ ATTUNE_FACE_REGIONS: "DE,Germany" })).toThrow(
      /ATTUNE_FACE_REGIONS: expected comma-separated region codes like DE,HK,US-IL, found "GERMANY"/,
    );
  });
});

describe("POST /api/v1/face/analyze", () => {
  it("does not load the face model when the server starts", () => {
    expect(faceModelLoaded()).toBe(false);
  });

  it("refuses with 403 and the setting to change when face analysis is off", async () => {
    const off = await testServer();
    try {
      const res = await off.app.inject({
        method: "POST",
        url: "/api/v1/face/analyze?customer=consenting&region=DE",
        headers: { "x-api-key": off.keys.a.agent, "content-type": "image/jpeg" },
        payload: Buffer.from(portrait),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({
        code: "forbidden",
        message: expect.stringContaining("ATTUNE_FACE_REGIONS=<region codes>"),
        details: { refusal: "face_analysis_disabled", setting: "ATTUNE_FACE_REGIONS" },
      });
    } finally {
      await off.close();
    }
  });

  it("refuses a region the operator did not enable, an agent, and customers without consent", async () => {
    const cases: Array<[string, string]> = [
      ["customer=consenting&region=US", "region_not_enabled"],
      ["customer=consenting&region=DE&speaker=agent", "agent_subject"],
      ["customer=declining&region=DE", "no_face_consent"],
      ["customer=nobody&region=DE", "unknown_customer"],
    ];
    for (const [query, refusal] of cases) {
      const res = await post(query, portrait);
      expect(res.statusCode, query).toBe(403);
      expect(res.json().error.details.refusal, query).toBe(refusal);
    }
    // Consent is per tenant: tenant b has no consenting customer of that id.
    const other = await post("customer=consenting&region=DE", portrait, "image/jpeg", keys.b.agent);
    expect(other.json().error.details.refusal).toBe("unknown_customer");
    expect(faceModelLoaded()).toBe(false);
  });

  it("checks the key and the query first", async () => {
    expect((await post("customer=consenting&region=DE", portrait, "image/jpeg", "atn_wrong")).statusCode).toBe(401);
    expect((await post("customer=consenting&region=DE", portrait, "image/jpeg", keys.a.ingest)).statusCode).toBe(403);
    const bad = await post("customer=consenting&region=Germany", portrait);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/region: expected a region code like DE, HK or US-IL/);
    expect((await post("region=DE", portrait)).json().error.message).toMatch(/^customer:/);
  });

  it("analyzes a consenting customer's frame in an enabled region", { timeout: 120_000 }, async () => {
    const res = await post("customer=consenting&region=hk", portrait);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ customer: "consenting", region: "HK", format: "jpeg", width: 190, height: 192 });
    expect(body.faces).toHaveLength(1);
    expect(body.faces[0].expression).toBe("happy");
    expect(body.faces[0].box.x).toBeGreaterThan(5);
    expect(body.faces[0].box.x).toBeLessThan(50);
    expect(faceModelLoaded()).toBe(true);
    const blank = await post("customer=consenting&region=DE", toPng(solid(64, 64, [200, 200, 200, 255])), "image/png");
    expect(blank.json()).toMatchObject({ faces: [], note: "no face found in the frame" });
  });

  it("answers image problems with the status that fits", async () => {
    const q = "customer=consenting&region=DE";
    const notImage = await post(q, "just some words, no picture");
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().error).toMatchObject({ code: "invalid_input", details: { reason: "not_an_image" } });
    const gif = await post(q, "GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/png");
    expect(gif.statusCode).toBe(415);
    expect(gif.json().error.message).toBe("expected a JPEG or PNG image, found GIF");
    const cut = await post(q, portrait.subarray(0, 700));
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error.details.reason).toBe("corrupt_image");
    const json = await app.inject({
      method: "POST",
      url: `/api/v1/face/analyze?${q}`,
      headers: { "x-api-key": keys.a.agent, "content-type": "application/json" },
      payload: JSON.stringify({ image: "..." }),
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.message).toMatch(/image\/jpeg or image\/png, found application\/json/);
  });

  it("is in the OpenAPI document with its query parameters", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const op = doc.paths["/api/v1/face/analyze"].post;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(["customer", "region", "speaker"]);
    expect(Object.keys(op.requestBody.content)).toEqual(["image/jpeg", "image/png"]);
  });
});
