import { countKeysInRanges, rangesAfter, type Granularity, type KeyRange, type PartitionKey } from "@/lib/partitions";
import { MARK_KINDS, changedRanges, kindOf, type MarkChange } from "./kinds";

// The future-partition rule, one function for the dialog, the server actions and the `/can` API.
// Client-safe: the page is given the server's today and applies the same rule before sending.

/** The server's today in a plan's granularity, with the zone it was taken in (for the message). */
export type ServerToday = { key: PartitionKey; zone: string };

export type FutureRefusal = { ranges: KeyRange[]; partitions: number; message: string };

/** Ranges as a person reads them, at most `max` of them. */
export function describeRanges(ranges: readonly KeyRange[], max = 3): string {
  const shown = ranges.slice(0, max).map((r) => (r.start === r.end ? r.start : `${r.start}..${r.end}`));
  return ranges.length > max ? `${shown.join(", ")} and ${ranges.length - max} more range${ranges.length - max === 1 ? "" : "s"}` : shown.join(", ");
}

/** Why this change is refused because it marks partitions after today, or null when it is not. */
export function futureRefusal(change: MarkChange, today: ServerToday, g: Granularity): FutureRefusal | null {
  if (!MARK_KINDS[kindOf(change)].refusesFuture) return null;
  const future = rangesAfter(
    changedRanges(change).map((r) => r.range),
    today.key,
    g,
  );
  if (future.length === 0) return null;
  const partitions = countKeysInRanges(future, g);
  const what = partitions === 1 ? "1 partition is" : `${partitions} partitions are`;
  return {
    ranges: future,
    partitions,
    message:
      `${what} after today (${today.key}, ${today.zone}): ${describeRanges(future)}. ` +
      "A partition cannot be marked success or failed before its data can exist (CAN would send queries to an empty partition). " +
      "Leave out the future partitions, or wait until their day has come.",
  };
}
