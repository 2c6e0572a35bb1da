import { addKeys, compareKeys, keyDistance, type Granularity, type PartitionKey, type PartitionStatus } from "@/lib/partitions";

// Freshness of a partitioned plan (docs/decisions/0028-morning-view.md): the partition the plan's
// schedule should have produced by today, and how far its newest success lags behind it. Pure: the
// caller passes the server's today (lib/services/server-today.ts), a calendar key, never an instant.

/** How many partitions the plans page shows per plan: thirty days, or twelve months. */
export function stripLength(g: Granularity): number {
  return g === "DAY" ? 30 : 12;
}

/**
 * The newest partition the schedule expects by today: today moved by `updateUpperInterval` in the
 * plan's granularity, or the one before today (yesterday, last month) when the plan gives none.
 */
export function expectedPartition(today: PartitionKey, upperInterval: number | null | undefined, g: Granularity): PartitionKey {
  return addKeys(today, upperInterval ?? -1, g);
}

/**
 * The strip's partitions, oldest first: the last `stripLength` up to the expected one, never past
 * today (the calendar shows later cells as future, not as missing).
 */
export function stripWindow(expected: PartitionKey, today: PartitionKey, g: Granularity): { start: PartitionKey; end: PartitionKey } {
  const end = compareKeys(expected, today) > 0 ? today : expected;
  return { start: addKeys(end, -(stripLength(g) - 1), g), end };
}

/** Partitions between the newest success and the expected one; 0 when on time or ahead; null when no success is known. */
export function lateness(expected: PartitionKey, latestSuccess: PartitionKey | null, g: Granularity): number | null {
  if (latestSuccess === null) return null;
  return Math.max(0, keyDistance(latestSuccess, expected, g));
}

/**
 * Lateness in days whatever the granularity, so plans of both can be sorted together: days from the
 * last day of the newest success to the last day of the expected partition (a MONTH plan two months
 * late at the end of November is 61 days late).
 */
export function lateDays(expected: PartitionKey, latestSuccess: PartitionKey | null, g: Granularity): number | null {
  if (latestSuccess === null) return null;
  if (g === "DAY") return lateness(expected, latestSuccess, g);
  const lastDay = (month: PartitionKey) => addKeys(`${addKeys(month, 1, "MONTH")}-01`, -1, "DAY");
  return Math.max(0, keyDistance(lastDay(latestSuccess), lastDay(expected), "DAY"));
}

export type WindowCounts = { failed: number; missing: number; unknown: number };

export function windowCounts(statuses: readonly (PartitionStatus | null)[]): WindowCounts {
  const counts: WindowCounts = { failed: 0, missing: 0, unknown: 0 };
  for (const s of statuses) if (s === "failed" || s === "missing" || s === "unknown") counts[s] += 1;
  return counts;
}

/** Late (or never succeeded), or anything failed, missing or unknown in the window. */
export function needsAttention(lateBy: number | null, counts: WindowCounts): boolean {
  return lateBy !== 0 || counts.failed + counts.missing + counts.unknown > 0;
}
