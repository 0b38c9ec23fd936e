/**
 * The one frozen empty array every result shares when it has nothing to list (no evidence, no causes,
 * no quoted ranges), so an analysis allocates nothing for what it did not find. Results are read-only:
 * copy a list before changing it.
 */
export const NOTHING: never[] = Object.freeze([]) as unknown as never[];
