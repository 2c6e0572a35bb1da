import type { Granularity } from "./granularity";
import { keyToOrdinal, ordinalToKey, type PartitionKey } from "./keys";
import { normalizeRanges, type KeyRange } from "./range-set";

// Parts of a selection relative to a bound (today, the plan's window, the year on screen), on the
// ordinal axis: linear in ranges, never in partitions.

/** The parts of `ranges` after `key` (normalized). */
export function rangesAfter(ranges: readonly KeyRange[], key: PartitionKey, g: Granularity): KeyRange[] {
  const bound = keyToOrdinal(key, g);
  const out: KeyRange[] = [];
  for (const r of normalizeRanges(ranges, g)) {
    if (keyToOrdinal(r.end, g) <= bound) continue;
    out.push({ start: keyToOrdinal(r.start, g) > bound ? r.start : ordinalToKey(bound + 1, g), end: r.end });
  }
  return out;
}

/** The parts of `ranges` outside `bound` (normalized): before its start or after its end. */
export function rangesOutside(ranges: readonly KeyRange[], bound: KeyRange, g: Granularity): KeyRange[] {
  const lo = keyToOrdinal(bound.start, g);
  const hi = keyToOrdinal(bound.end, g);
  const out: KeyRange[] = [];
  for (const r of normalizeRanges(ranges, g)) {
    const s = keyToOrdinal(r.start, g);
    const e = keyToOrdinal(r.end, g);
    if (s < lo) out.push({ start: r.start, end: ordinalToKey(Math.min(e, lo - 1), g) });
    if (e > hi) out.push({ start: ordinalToKey(Math.max(s, hi + 1), g), end: r.end });
  }
  return out;
}

/** The parts of `ranges` up to and including `key` (normalized). */
export function rangesUpTo(ranges: readonly KeyRange[], key: PartitionKey, g: Granularity): KeyRange[] {
  const bound = keyToOrdinal(key, g);
  const out: KeyRange[] = [];
  for (const r of normalizeRanges(ranges, g)) {
    if (keyToOrdinal(r.start, g) > bound) break;
    out.push({ start: r.start, end: keyToOrdinal(r.end, g) > bound ? key : r.end });
  }
  return out;
}
