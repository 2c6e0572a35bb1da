import {
  keyToOrdinal,
  normalizeRanges,
  ordinalToKey,
  type Granularity,
  type KeyRange,
  type PartitionKey,
  type PartitionStatus,
  type StatusRun,
} from "@/lib/partitions";

// The status every partition of a mark had just before it, kept in the intent row so the mark can
// be reverted (docs/decisions/0029-revert-a-mark.md). Client-safe and pure.

/** A partition's status before a mark: a listed status, or outside the plan's window (no run). */
export type BeforeStatus = PartitionStatus | "outside";

/** Inclusive runs over exactly the mark's ranges, sorted, disjoint, adjacent runs differing. */
export type BeforeRun = [start: PartitionKey, end: PartitionKey, status: BeforeStatus];

/** What an intent row's `details.before` holds: the runs, or that nothing was read (a machine's mark). */
export type RecordedBefore = { known: true; runs: BeforeRun[] } | { known: false };

/** The runs clipped to `ranges`, keys in no run filled as `outside`: every key of the ranges is in exactly one run. */
export function beforeRunsIn(runs: readonly StatusRun[], ranges: readonly KeyRange[], g: Granularity): BeforeRun[] {
  const ord = runs.map(([s, e, status]) => ({ lo: keyToOrdinal(s, g), hi: keyToOrdinal(e, g), status })).sort((a, b) => a.lo - b.lo);
  const out: { lo: number; hi: number; status: BeforeStatus }[] = [];
  const push = (lo: number, hi: number, status: BeforeStatus) => {
    const last = out.at(-1);
    if (last && last.status === status && last.hi + 1 === lo) last.hi = hi;
    else out.push({ lo, hi, status });
  };
  let i = 0;
  for (const r of normalizeRanges(ranges, g)) {
    const lo = keyToOrdinal(r.start, g);
    const hi = keyToOrdinal(r.end, g);
    let cursor = lo;
    while (i < ord.length && (ord[i]?.hi ?? Infinity) < lo) i++;
    for (let j = i; j < ord.length; j++) {
      const run = ord[j];
      if (!run || run.lo > hi) break;
      const s = Math.max(run.lo, cursor);
      const e = Math.min(run.hi, hi);
      if (s > e) continue;
      if (s > cursor) push(cursor, s - 1, "outside");
      push(s, e, run.status);
      cursor = e + 1;
    }
    if (cursor <= hi) push(cursor, hi, "outside");
  }
  return out.map(({ lo, hi, status }) => [ordinalToKey(lo, g), ordinalToKey(hi, g), status]);
}

const BEFORE_STATUSES: readonly string[] = ["success", "failed", "cleared", "missing", "unknown", "outside"];

/** Reads `details.before` of a stored intent row; null when the row has none (recorded before runs were kept) or it is malformed. */
export function recordedBeforeOf(details: unknown): RecordedBefore | null {
  if (typeof details !== "object" || details === null) return null;
  const before = (details as { before?: unknown }).before;
  if (typeof before !== "object" || before === null) return null;
  const b = before as { known?: unknown; runs?: unknown };
  if (b.known === false) return { known: false };
  if (b.known !== true || !Array.isArray(b.runs)) return null;
  const runs: BeforeRun[] = [];
  for (const r of b.runs as unknown[]) {
    if (!Array.isArray(r) || r.length !== 3) return null;
    const [s, e, status] = r as unknown[];
    if (typeof s !== "string" || typeof e !== "string" || typeof status !== "string" || !BEFORE_STATUSES.includes(status)) return null;
    runs.push([s, e, status as BeforeStatus]);
  }
  return { known: true, runs };
}

/** The intent id a revert's row names (`details.revertOf`), or null. */
export function revertOfDetails(details: unknown): string | null {
  if (typeof details !== "object" || details === null) return null;
  const id = (details as { revertOf?: unknown }).revertOf;
  return typeof id === "string" ? id : null;
}
