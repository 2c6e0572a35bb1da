// Limits the browser and the server share, kept out of lib/schemas so the page bundles no zod.

/** About a 30-year DAY plan whose every day differs from the day before; the page sends no listing beyond it. */
export const MAX_LISTING_RUNS = 12_000;
