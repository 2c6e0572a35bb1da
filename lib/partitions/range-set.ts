import type { Granularity } from "./granularity";
import { keyToOrdinal, ordinalToKey, type PartitionKey } from "./keys";

/** Inclusive at both ends (like CAN's ranges); start <= end. */
export type KeyRange = { start: PartitionKey; end: PartitionKey };

/** A range with its ordinals attached, so sorting and merging never re-parse keys. */
type OrdinalRange = { s: number; e: number; start: PartitionKey; end: PartitionKey };

/**
 * Sort and merge overlapping or adjacent ranges on the ordinal axis. Cost is
 * O(n log n) in the number of ranges and independent of how many keys they
 * span, so a 100,000-range request or a 50-year range stays cheap.
 * Throws on invalid keys or start > end: KeyRange's invariant is the caller's job.
 */
function normalizeOrdinal(ranges: readonly KeyRange[], g: Granularity): OrdinalRange[] {
  const items: OrdinalRange[] = ranges.map((r, i) => {
    const s = keyToOrdinal(r.start, g);
    const e = keyToOrdinal(r.end, g);
    if (e < s) throw new RangeError(`range ${i}: end ${r.end} is before start ${r.start}`);
    return { s, e, start: r.start, end: r.end };
  });
  items.sort((a, b) => a.s - b.s);
  const out: OrdinalRange[] = [];
  let cur: OrdinalRange | undefined;
  for (const it of items) {
    if (cur && it.s <= cur.e + 1) {
      if (it.e > cur.e) {
        cur.e = it.e;
        cur.end = it.end;
      }
    } else {
      cur = { ...it };
      out.push(cur);
    }
  }
  return out;
}

export function normalizeRanges(ranges: readonly KeyRange[], g: Granularity): KeyRange[] {
  return normalizeOrdinal(ranges, g).map(({ start, end }) => ({ start, end }));
}

export function countKeysInRanges(ranges: readonly KeyRange[], g: Granularity): number {
  let total = 0;
  for (const r of normalizeOrdinal(ranges, g)) total += r.e - r.s + 1;
  return total;
}

/** Dedupe, sort, and collapse into the minimal list of maximal consecutive runs. */
export function keysToRanges(keys: Iterable<PartitionKey>, g: Granularity): KeyRange[] {
  const ordinals = new Set<number>();
  for (const k of keys) ordinals.add(keyToOrdinal(k, g));
  const sorted = [...ordinals].sort((a, b) => a - b);
  const out: KeyRange[] = [];
  let runStart: number | undefined;
  let prev = 0;
  for (const n of sorted) {
    if (runStart !== undefined && n === prev + 1) {
      prev = n;
      continue;
    }
    if (runStart !== undefined) out.push({ start: ordinalToKey(runStart, g), end: ordinalToKey(prev, g) });
    runStart = n;
    prev = n;
  }
  if (runStart !== undefined) out.push({ start: ordinalToKey(runStart, g), end: ordinalToKey(prev, g) });
  return out;
}

/** Sorted and deduplicated even when the input ranges overlap. */
export function rangesToKeys(ranges: readonly KeyRange[], g: Granularity): PartitionKey[] {
  const out: PartitionKey[] = [];
  for (const r of normalizeOrdinal(ranges, g)) {
    for (let n = r.s; n <= r.e; n++) out.push(ordinalToKey(n, g));
  }
  return out;
}

/**
 * Membership test on NORMALIZED ranges (sorted, disjoint): binary search for
 * the last range starting at or before key. Keys compare as strings because
 * they are fixed-width and zero-padded.
 */
export function rangeContains(ranges: readonly KeyRange[], key: PartitionKey): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = ranges[mid];
    if (r !== undefined && r.start <= key) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  const r = ranges[found];
  return r !== undefined && key <= r.end;
}
