import { compareKeys, parsePartitionValue, type Granularity, type PartitionKey } from "@/lib/partitions";

// Whether the pages of CAN's partition list read so far hold every partition of a window
// (docs/decisions/0028-morning-view.md). CAN's docs show the list newest first in an example but do
// not promise it (shared/can-api.md), so both readings are handled: while the values read are in
// descending order, a page whose oldest value is at or before the window's start proves that no later
// page can hold a partition of the window; once any value is out of order, no page count proves
// anything and the whole list must be read.

export type Coverage = "covered" | "more" | "unordered";

/**
 * `values`: every value of the pages read so far, in the order CAN sent them (page 1 first).
 * `hasNext`: whether CAN says a page follows the last one read (false: the list was read to its end). Values that are not keys of this
 * granularity are skipped (the calendar shows them apart, never as cells).
 */
export function windowCoverage(values: readonly string[], hasNext: boolean, windowStart: PartitionKey, g: Granularity): Coverage {
  // The whole list was read: it holds the window whatever its order.
  if (!hasNext) return "covered";
  let previous: PartitionKey | null = null;
  for (const value of values) {
    const key = parsePartitionValue(value, g);
    if (key === null) continue;
    if (previous !== null && compareKeys(key, previous) > 0) return "unordered";
    previous = key;
  }
  return previous !== null && compareKeys(previous, windowStart) <= 0 ? "covered" : "more";
}
