/** Whose face is in the frame. Face analysis is only ever for customers. */
export type FaceSubject = "customer" | "agent";

/** Why face analysis was refused; each names what would have to change. */
export type FaceRefusalCode =
  | "agent_subject"
  | "face_analysis_disabled"
  | "region_not_enabled"
  | "unknown_customer"
  | "no_face_consent";

/** The consent decision: allowed, or refused with a code and a sentence a person can act on. */
export type FaceDecision =
  | { allowed: true }
  | { allowed: false; code: FaceRefusalCode; reason: string; setting?: "ATTUNE_FACE_REGIONS" };

/** What the decision needs to know; `customer` is the store's record (only its face consent is read). */
export interface FaceDecisionInput {
  customer: { consent: { face: boolean } } | null;
  region: string;
  enabledRegions: readonly string[];
  subject: FaceSubject;
}

/** The setting that turns face analysis on, per region. */
export const FACE_REGIONS_SETTING = "ATTUNE_FACE_REGIONS";

const REGION_CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/**
 * Whether a string is a region code: ISO 3166-1 alpha-2 ("DE"), optionally with a subdivision ("US-IL").
 *
 * @example isRegionCode("US-IL") // true
 */
export function isRegionCode(value: string): boolean {
  return REGION_CODE.test(value);
}

/**
 * Decides whether a frame may be analyzed. Pure, and strict in this order: never for agents; never while
 * the operator has enabled no region; only in an enabled region (exact code: enabling "US" does not enable
 * "US-IL", whose law differs); only for a known customer who consented to face analysis.
 *
 * @example
 * decideFaceAnalysis({ customer: { consent: { face: true } }, region: "DE", enabledRegions: ["DE"], subject: "customer" })
 * // { allowed: true }
 */
export function decideFaceAnalysis(input: FaceDecisionInput): FaceDecision {
  const { customer, subject, enabledRegions } = input;
  const region = input.region.trim().toUpperCase();
  if (subject !== "customer") {
    return {
      allowed: false,
      code: "agent_subject",
      reason: "face analysis is never done on agents, only on customers who consented to it",
    };
  }
  if (enabledRegions.length === 0) {
    return {
      allowed: false,
      code: "face_analysis_disabled",
      reason: `face analysis is off in every region; the operator turns it on with ${FACE_REGIONS_SETTING}=<region codes>`,
      setting: FACE_REGIONS_SETTING,
    };
  }
  if (!enabledRegions.some((r) => r.toUpperCase() === region)) {
    return {
      allowed: false,
      code: "region_not_enabled",
      reason: `face analysis is not enabled in region ${region || "(none)"}; ${FACE_REGIONS_SETTING} enables ${enabledRegions.join(", ")}`,
      setting: FACE_REGIONS_SETTING,
    };
  }
  if (!customer) {
    return {
      allowed: false,
      code: "unknown_customer",
      reason: "no such customer, so no consent to face analysis is on record",
    };
  }
  if (!customer.consent.face) {
    return {
      allowed: false,
      code: "no_face_consent",
      reason: "the customer has not consented to face analysis (consent.face is false)",
    };
  }
  return { allowed: true };
}
