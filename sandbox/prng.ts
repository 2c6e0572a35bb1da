import { createHash } from "node:crypto";

/** Stable across runs and machines, so bookmarks and e2e fixtures can hard-code a plan's uuid. */
export function planUuid(tenantId: string, planName: string): string {
  return createHash("sha256").update(`${tenantId}/${planName}`).digest("hex").slice(0, 32);
}

/**
 * mulberry32 seeded from a string: small, fast and good enough for picking gaps and failures.
 * Seeding per plan keeps one plan's history independent of the others' order in the catalogue.
 */
export function seededRandom(seed: string): () => number {
  let a = createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
