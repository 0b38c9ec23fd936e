import { describe, expect, it } from "vitest";
import { decideFaceAnalysis, type FaceDecisionInput, type FaceRefusalCode, isRegionCode } from "./consent.js";

const customers = {
  consented: { consent: { face: true } },
  declined: { consent: { face: false } },
  unknown: null,
} as const;
const regionLists: Record<string, string[]> = { none: [], de: ["DE"], deAndHk: ["DE", "HK"] };
const regions = ["DE", "de", "HK", "US", "US-IL", ""];
const subjects = ["customer", "agent"] as const;

/** The rules written out once more, independently of the implementation, for the exhaustive check. */
function expected(input: FaceDecisionInput): FaceRefusalCode | "allowed" {
  if (input.subject === "agent") return "agent_subject";
  if (input.enabledRegions.length === 0) return "face_analysis_disabled";
  if (!input.enabledRegions.includes(input.region.toUpperCase())) return "region_not_enabled";
  if (input.customer === null) return "unknown_customer";
  return input.customer.consent.face ? "allowed" : "no_face_consent";
}

describe("decideFaceAnalysis", () => {
  it("decides every combination of subject, customer, region and operator setting by the rules", () => {
    let cases = 0;
    for (const subject of subjects)
      for (const customer of Object.values(customers))
        for (const enabledRegions of Object.values(regionLists))
          for (const region of regions) {
            const input = { subject, customer, enabledRegions, region };
            const decision = decideFaceAnalysis(input);
            expect(decision.allowed ? "allowed" : decision.code, JSON.stringify(input)).toBe(expected(input));
            if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(20);
            cases++;
          }
    expect(cases).toBe(2 * 3 * 3 * 6);
  });

  it("allows only a consenting customer in an enabled region", () => {
    expect(
      decideFaceAnalysis({
        customer: customers.consented,
        region: "HK",
        enabledRegions: ["DE", "HK"],
        subject: "customer",
      }),
    ).toEqual({ allowed: true });
  });

  it("never analyzes an agent, even one who consented in an enabled region", () => {
    const d = decideFaceAnalysis({
      customer: customers.consented,
      region: "DE",
      enabledRegions: ["DE"],
      subject: "agent",
    });
    expect(d).toMatchObject({ allowed: false, code: "agent_subject" });
    expect(d.allowed || d.reason).toMatch(/never done on agents/);
  });

  it("names the operator setting when face analysis is off or the region is not enabled", () => {
    const off = decideFaceAnalysis({
      customer: customers.consented,
      region: "DE",
      enabledRegions: [],
      subject: "customer",
    });
    expect(off).toMatchObject({ allowed: false, code: "face_analysis_disabled", setting: "ATTUNE_FACE_REGIONS" });
    expect(off.allowed || off.reason).toMatch(/ATTUNE_FACE_REGIONS=<region codes>/);
    const elsewhere = decideFaceAnalysis({
      customer: customers.consented,
      region: "us-il",
      enabledRegions: ["US"],
      subject: "customer",
    });
    expect(elsewhere).toMatchObject({ allowed: false, code: "region_not_enabled", setting: "ATTUNE_FACE_REGIONS" });
    expect(elsewhere.allowed || elsewhere.reason).toBe(
      "face analysis is not enabled in region US-IL; ATTUNE_FACE_REGIONS enables US",
    );
  });

  it("refuses a customer without consent, and one with no record, without naming the setting", () => {
    const base = { region: "DE", enabledRegions: ["DE"], subject: "customer" as const };
    const declined = decideFaceAnalysis({ ...base, customer: customers.declined });
    expect(declined).toEqual({
      allowed: false,
      code: "no_face_consent",
      reason: "the customer has not consented to face analysis (consent.face is false)",
    });
    expect(decideFaceAnalysis({ ...base, customer: null })).toMatchObject({ allowed: false, code: "unknown_customer" });
  });
});

describe("isRegionCode", () => {
  it("accepts country codes with an optional subdivision, and nothing else", () => {
    for (const ok of ["DE", "HK", "US-IL", "GB-ENG", "CN-11"]) expect(isRegionCode(ok), ok).toBe(true);
    for (const bad of ["", "de", "DEU", "Germany", "US-", "US-ILLI", "*", "D E"])
      expect(isRegionCode(bad), bad).toBe(false);
  });
});
