/**
 * Test-only helpers: a seeded PRNG (so failures reproduce) and a brute-force
 * calendar oracle built on Date.UTC, deliberately independent of calendar.ts
 * so the two implementations check each other. Not exported from index.ts.
 */
import type { Granularity } from "./granularity";

/** mulberry32: tiny, fast, good enough for test data; same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [lo, hi] inclusive. */
export function randInt(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

const p2 = (n: number): string => String(n).padStart(2, "0");

/** Oracle: the key after `key`, computed by letting Date.UTC roll the day/month over. */
export function refNext(key: string, g: Granularity): string {
  const y = Number(key.slice(0, 4));
  const m = Number(key.slice(5, 7));
  if (g === "MONTH") return m === 12 ? `${y + 1}-01` : `${y}-${p2(m + 1)}`;
  const d = new Date(Date.UTC(y, m - 1, Number(key.slice(8, 10)) + 1));
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}

/** Oracle: every key from start to end inclusive, by repeated refNext. */
export function refEnumerate(start: string, end: string, g: Granularity): string[] {
  const out: string[] = [];
  for (let k = start; k <= end; k = refNext(k, g)) out.push(k);
  return out;
}

/** Oracle: maximal runs found by walking every key of a window and checking membership. */
export function refRuns(set: ReadonlySet<string>, windowStart: string, windowEnd: string, g: Granularity) {
  const out: { start: string; end: string }[] = [];
  let cur: { start: string; end: string } | undefined;
  for (const k of refEnumerate(windowStart, windowEnd, g)) {
    if (set.has(k)) {
      if (cur) cur.end = k;
      else out.push((cur = { start: k, end: k }));
    } else {
      cur = undefined;
    }
  }
  return out;
}

/** A random valid key with year in [y0, y1], built via Date.UTC day offsets. */
export function randomKey(rand: () => number, g: Granularity, y0 = 1990, y1 = 2035): string {
  if (g === "MONTH") return `${randInt(rand, y0, y1)}-${p2(randInt(rand, 1, 12))}`;
  const from = Date.UTC(y0, 0, 1) / 86_400_000;
  const to = Date.UTC(y1, 11, 31) / 86_400_000;
  const d = new Date(randInt(rand, from, to) * 86_400_000);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}
