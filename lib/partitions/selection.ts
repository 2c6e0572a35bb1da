import type { Granularity } from "./granularity";
import { keyToOrdinal, nextKey, prevKey, type PartitionKey } from "./keys";
import { parseRangeInput } from "./range-input";
import { countKeysInRanges, normalizeRanges, rangeContains, type KeyRange } from "./range-set";

/**
 * The calendar's selection as normalized ranges (sorted, disjoint, non-adjacent),
 * so selecting a whole decade costs one range, not 3,653 keys. Every function
 * returns a new normalized Selection and never mutates its input, which is
 * what React state updates need.
 */
export type Selection = KeyRange[];

function ordered(a: PartitionKey, b: PartitionKey, g: Granularity): KeyRange {
  // Validate both: a bad key here is a bug in the caller, better loud than a corrupt selection.
  return keyToOrdinal(a, g) <= keyToOrdinal(b, g) ? { start: a, end: b } : { start: b, end: a };
}

/** Plain click: the selection becomes exactly this key. */
export function selectOnly(key: PartitionKey): Selection {
  return [{ start: key, end: key }];
}

/** Ctrl/Cmd-click or Space: flip one key, leaving the rest alone. */
export function toggleKey(sel: Selection, key: PartitionKey, g: Granularity): Selection {
  const normalized = normalizeRanges(sel, g);
  return rangeContains(normalized, key) ? removeRange(normalized, key, key, g) : addRange(normalized, key, key, g);
}

export function addRange(sel: Selection, a: PartitionKey, b: PartitionKey, g: Granularity): Selection {
  return normalizeRanges([...sel, ordered(a, b, g)], g);
}

/** Subtract [a..b] (either order), splitting any range it cuts through. */
export function removeRange(sel: Selection, a: PartitionKey, b: PartitionKey, g: Granularity): Selection {
  const { start: lo, end: hi } = ordered(a, b, g);
  const out: Selection = [];
  for (const r of normalizeRanges(sel, g)) {
    if (r.end < lo || r.start > hi) {
      out.push(r);
      continue;
    }
    // r.start < lo implies lo has a predecessor inside r, so prevKey cannot leave the key space.
    if (r.start < lo) out.push({ start: r.start, end: prevKey(lo, g) });
    if (r.end > hi) out.push({ start: nextKey(hi, g), end: r.end });
  }
  return out;
}

/**
 * Shift-click / Shift+Arrow. Without `additive` the result is exactly the
 * anchor..key span (the usual list-box behaviour); with it (Ctrl/Cmd+Shift)
 * the span is added to the existing selection.
 */
export function extendTo(sel: Selection, anchor: PartitionKey, key: PartitionKey, g: Granularity, additive: boolean): Selection {
  return additive ? addRange(sel, anchor, key, g) : [ordered(anchor, key, g)];
}

export function selectionSize(sel: Selection, g: Granularity): number {
  return countKeysInRanges(sel, g);
}

/** Compact and human-readable, e.g. "2025-10-01..2025-10-31,2025-11-03". */
export function selectionToUrlParam(sel: Selection): string {
  return sel.map((r) => (r.start === r.end ? r.start : `${r.start}..${r.end}`)).join(",");
}

/**
 * Tolerant of hand-edited or stale URLs: anything invalid yields an empty
 * selection. All-or-nothing on purpose, since a half-applied selection could
 * lead an operator to mark or clear a different set than the link intended.
 */
export function selectionFromUrlParam(s: string | null | undefined, g: Granularity): Selection {
  if (!s) return [];
  const parsed = parseRangeInput(s, g);
  return parsed.ok ? parsed.ranges : [];
}
