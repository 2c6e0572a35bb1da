import type { Granularity } from "./granularity";
import { parsePartitionValue } from "./parse-value";
import type { PartitionKey } from "./keys";

/**
 * What the first pages of CAN's partition list prove about the rest. CAN documents its order only
 * by example (newest first, can-api.md), so nothing is assumed: `newest-first` only when the values
 * of pages 1..k, read in order, parse as keys of the plan's granularity and strictly decrease within
 * and across the pages; anything else (ascending, unsorted, a tie or a duplicate, an empty page, a
 * value that is not a key) is `unproven`, and stays so whatever later pages hold.
 * `newest` is then the first key and `oldest` the last. `before`: the order of the pages that come
 * ahead of `pages` (a reader checking each new page once, rather than the whole prefix again).
 */
export type PrefixOrder = { kind: "newest-first"; newest: PartitionKey; oldest: PartitionKey } | { kind: "unproven" };

const UNPROVEN: PrefixOrder = { kind: "unproven" };

export function newestFirstPrefix(pages: readonly (readonly string[])[], g: Granularity, before: PrefixOrder | null = null): PrefixOrder {
  if (before?.kind === "unproven") return UNPROVEN;
  let newest: PartitionKey | null = before?.newest ?? null;
  let previous: PartitionKey | null = before?.oldest ?? null;
  for (const page of pages) {
    // An empty page before the end of the list is not CAN's newest-first list as documented.
    if (page.length === 0) return UNPROVEN;
    for (const value of page) {
      const key = parsePartitionValue(value, g);
      if (key === null || (previous !== null && key >= previous)) return UNPROVEN;
      newest ??= key;
      previous = key;
    }
  }
  return newest === null || previous === null ? UNPROVEN : { kind: "newest-first", newest, oldest: previous };
}

/** The first partition of a calendar year: its 1 January (DAY) or its January (MONTH). */
export function firstKeyOfYear(year: number, g: Granularity): PartitionKey {
  const y = String(year).padStart(4, "0");
  return g === "DAY" ? `${y}-01-01` : `${y}-01`;
}

/**
 * Whether the prefix holds every partition CAN lists for `year`: it is newest first and already
 * reaches a partition older than the year's first, so no later page can hold one of the year's.
 */
export function prefixCoversYear(order: PrefixOrder, year: number, g: Granularity): boolean {
  return order.kind === "newest-first" && order.oldest < firstKeyOfYear(year, g);
}
