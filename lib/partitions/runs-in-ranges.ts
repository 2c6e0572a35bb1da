import type { Granularity } from "./granularity";
import { keyToOrdinal, ordinalToKey } from "./keys";
import { normalizeRanges, type KeyRange } from "./range-set";
import { PARTITION_STATUSES, type PartitionStatus, type StatusRun } from "./runs";

type OrdinalRun = { lo: number; hi: number; status: PartitionStatus };

function toOrdinalRuns(runs: readonly StatusRun[], g: Granularity): OrdinalRun[] {
  return runs.map(([s, e, status]) => ({ lo: keyToOrdinal(s, g), hi: keyToOrdinal(e, g), status }));
}

/**
 * How many partitions of each current status a selection holds. Keys covered by no run (outside
 * the plan's window) count as `outside`. Linear in runs + ranges, never in partitions.
 */
export function countStatusesInRanges(runs: readonly StatusRun[], ranges: readonly KeyRange[], g: Granularity): Record<PartitionStatus | "outside", number> {
  const counts = Object.fromEntries([...PARTITION_STATUSES, "outside"].map((s) => [s, 0])) as Record<PartitionStatus | "outside", number>;
  const ordRuns = toOrdinalRuns(runs, g);
  let i = 0;
  for (const r of normalizeRanges(ranges, g)) {
    const lo = keyToOrdinal(r.start, g);
    const hi = keyToOrdinal(r.end, g);
    let covered = 0;
    while (i < ordRuns.length && (ordRuns[i] as OrdinalRun).hi < lo) i++;
    for (let j = i; j < ordRuns.length && (ordRuns[j] as OrdinalRun).lo <= hi; j++) {
      const run = ordRuns[j] as OrdinalRun;
      const n = Math.min(hi, run.hi) - Math.max(lo, run.lo) + 1;
      counts[run.status] += n;
      covered += n;
    }
    counts.outside += hi - lo + 1 - covered;
  }
  return counts;
}

/**
 * The runs after `ranges` take `status` (an optimistic update before CAN confirms). Runs stay
 * sorted, disjoint and merged; keys outside every run gain a run only where the ranges put one.
 */
export function applyStatusToRuns(runs: readonly StatusRun[], ranges: readonly KeyRange[], status: PartitionStatus, g: Granularity): StatusRun[] {
  const pieces: OrdinalRun[] = [];
  const cuts = normalizeRanges(ranges, g).map((r) => ({ lo: keyToOrdinal(r.start, g), hi: keyToOrdinal(r.end, g) }));
  for (const run of toOrdinalRuns(runs, g)) {
    let lo = run.lo;
    for (const c of cuts) {
      if (c.hi < lo || c.lo > run.hi) continue;
      if (c.lo > lo) pieces.push({ lo, hi: c.lo - 1, status: run.status });
      lo = c.hi + 1;
      if (lo > run.hi) break;
    }
    if (lo <= run.hi) pieces.push({ lo, hi: run.hi, status: run.status });
  }
  for (const c of cuts) pieces.push({ lo: c.lo, hi: c.hi, status });
  pieces.sort((a, b) => a.lo - b.lo);
  const merged: OrdinalRun[] = [];
  for (const p of pieces) {
    const last = merged.at(-1);
    if (last && last.status === p.status && last.hi + 1 >= p.lo) last.hi = Math.max(last.hi, p.hi);
    else merged.push({ ...p });
  }
  return merged.map((p) => [ordinalToKey(p.lo, g), ordinalToKey(p.hi, g), p.status]);
}
