import type { Granularity } from "./granularity";
import { keyToOrdinal, ordinalToKey, type PartitionKey } from "./keys";
import type { KeyRange } from "./range-set";

/**
 * Run-length encoded partition status: what the server sends the browser.
 * A year of DAY partitions is usually a handful of runs instead of 366 entries.
 */
export type PartitionStatus = "success" | "failed" | "cleared" | "missing" | "unknown";

export const PARTITION_STATUSES: readonly PartitionStatus[] = ["success", "failed", "cleared", "missing", "unknown"];

/** Inclusive at both ends. Run lists are sorted, disjoint, and adjacent runs differ in status. */
export type StatusRun = [start: PartitionKey, end: PartitionKey, status: PartitionStatus];

/**
 * Keys not given stay absent (they are in no run). If a key is given twice the
 * last status wins, like assigning into a map.
 */
export function encodeRuns(entries: Iterable<[PartitionKey, PartitionStatus]>, g: Granularity): StatusRun[] {
  const byOrdinal = new Map<number, PartitionStatus>();
  for (const [key, status] of entries) byOrdinal.set(keyToOrdinal(key, g), status);
  const ordinals = [...byOrdinal.keys()].sort((a, b) => a - b);
  const out: StatusRun[] = [];
  let runStart = 0;
  let prev = 0;
  let runStatus: PartitionStatus | undefined;
  for (const n of ordinals) {
    const status = byOrdinal.get(n);
    if (runStatus !== undefined && status === runStatus && n === prev + 1) {
      prev = n;
      continue;
    }
    if (runStatus !== undefined) out.push([ordinalToKey(runStart, g), ordinalToKey(prev, g), runStatus]);
    runStart = n;
    prev = n;
    runStatus = status;
  }
  if (runStatus !== undefined) out.push([ordinalToKey(runStart, g), ordinalToKey(prev, g), runStatus]);
  return out;
}

/** Binary search over sorted, disjoint runs; keys compare as fixed-width strings. */
export function statusAt(runs: readonly StatusRun[], key: PartitionKey): PartitionStatus | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const run = runs[mid];
    if (run === undefined) return undefined;
    if (key < run[0]) hi = mid - 1;
    else if (key > run[1]) lo = mid + 1;
    else return run[2];
  }
  return undefined;
}

export function countByStatus(runs: readonly StatusRun[], g: Granularity): Record<PartitionStatus, number> {
  const counts: Record<PartitionStatus, number> = { success: 0, failed: 0, cleared: 0, missing: 0, unknown: 0 };
  for (const [start, end, status] of runs) {
    counts[status] += keyToOrdinal(end, g) - keyToOrdinal(start, g) + 1;
  }
  return counts;
}

/**
 * Clip runs to `window` and give every uncovered key of the window `fill`, so
 * the calendar never has to guess about a key. Adjacent runs of equal status
 * (e.g. a given "missing" run next to a filled gap) are merged. Input runs are
 * sorted defensively; where they overlap, the earlier-starting run wins.
 */
export function fillRuns(runs: readonly StatusRun[], window: KeyRange, fill: PartitionStatus, g: Granularity): StatusRun[] {
  const wStart = keyToOrdinal(window.start, g);
  const wEnd = keyToOrdinal(window.end, g);
  if (wEnd < wStart) return [];
  const sorted = runs.map(([s, e, status]) => ({ s: keyToOrdinal(s, g), e: keyToOrdinal(e, g), status })).sort((a, b) => a.s - b.s);
  const spans: { s: number; e: number; status: PartitionStatus }[] = [];
  const push = (s: number, e: number, status: PartitionStatus): void => {
    const last = spans[spans.length - 1];
    if (last && last.status === status && last.e + 1 === s) last.e = e;
    else spans.push({ s, e, status });
  };
  let cursor = wStart; // first key of the window not yet covered
  for (const run of sorted) {
    const s = Math.max(run.s, cursor);
    const e = Math.min(run.e, wEnd);
    if (s > e) continue;
    if (s > cursor) push(cursor, s - 1, fill);
    push(s, e, run.status);
    cursor = e + 1;
  }
  if (cursor <= wEnd) push(cursor, wEnd, fill);
  return spans.map(({ s, e, status }) => [ordinalToKey(s, g), ordinalToKey(e, g), status]);
}
