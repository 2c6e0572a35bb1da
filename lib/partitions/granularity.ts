/**
 * Partition granularities the console can mark. CAN plans carry a free-form
 * `metricTimeGranularity` string; only these two have a documented (DAY) or
 * agreed (MONTH: first day of the month) date-time encoding, so anything else
 * is shown read-only rather than guessed at.
 */
export type Granularity = "DAY" | "MONTH";

export const MARKABLE_GRANULARITIES: readonly Granularity[] = ["DAY", "MONTH"];

/**
 * Exact match on purpose: CAN requires `dateGranularity` to equal the plan's
 * granularity exactly, so "day" or " DAY" must not be silently accepted.
 */
export function isMarkableGranularity(g: string): g is Granularity {
  return g === "DAY" || g === "MONTH";
}
