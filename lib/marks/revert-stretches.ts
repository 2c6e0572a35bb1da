import { keyToOrdinal, markExplains, ordinalToKey, statusAt, type Granularity, type KeyRange, type StatusRun } from "@/lib/partitions";
import type { BeforeRun, BeforeStatus } from "./before-runs";
import type { ChangedSince, RestoreTo, RevertStretch } from "./revert-plan";

// Which partitions of a mark are still as it left them, and what each was before it: the facts the
// revert dialog and the revert action plan from (lib/marks/revert-plan.ts). Pure and client-safe.

/** The ranges a mark intent stored, each with the status the mark gave it. */
export function markedRanges(action: string, ranges: readonly { start: string; end: string; status?: string }[]): (KeyRange & { set: RestoreTo })[] {
  return ranges.map((r) => ({
    start: r.start,
    end: r.end,
    set: action === "partition.clear" ? "cleared" : r.status === "failed" || (!r.status && action === "partition.mark_failed") ? "failed" : "success",
  }));
}

export type LaterMark = { intentId: string; actor: string; at: string; ranges: readonly KeyRange[] };
export type LaterOutside = { at: string; ranges: readonly KeyRange[] };

export type StretchInputs = {
  g: Granularity;
  marked: readonly (KeyRange & { set: RestoreTo })[];
  /** The runs kept in the intent row, or null when nothing was read before the mark. */
  before: readonly BeforeRun[] | null;
  /** Console marks recorded after the original that may have applied (ok, unknown, in flight), oldest first. */
  laterMarks: readonly LaterMark[];
  /** Changes seen from outside the console, recorded after the original, oldest first. */
  laterOutside: readonly LaterOutside[];
  /** The plan's statuses now, as the calendar resolves them. */
  current: readonly StatusRun[];
};

const same = (a: ChangedSince | null, b: ChangedSince | null): boolean => JSON.stringify(a) === JSON.stringify(b);

export function revertStretches(x: StretchInputs): RevertStretch[] {
  const { g } = x;
  const byKey = new Map<number, ChangedSince>();
  const note = (ranges: readonly KeyRange[], why: ChangedSince) => {
    for (const r of ranges) for (let n = keyToOrdinal(r.start, g); n <= keyToOrdinal(r.end, g); n++) byKey.set(n, why);
  };
  // The newest recorded change of a key names it; a console mark outranks a change seen from outside.
  for (const o of x.laterOutside) note(o.ranges, { by: "outside", at: o.at });
  for (const m of x.laterMarks) note(m.ranges, { by: "mark", intentId: m.intentId, actor: m.actor, at: m.at });
  const beforeRuns = x.before ? (x.before as readonly StatusRun[]) : null;

  const out: RevertStretch[] = [];
  let lastOrdinal = -Infinity;
  const ordered = [...x.marked].sort((a, b) => keyToOrdinal(a.start, g) - keyToOrdinal(b.start, g));
  for (const r of ordered) {
    for (let n = keyToOrdinal(r.start, g); n <= keyToOrdinal(r.end, g); n++) {
      const key = ordinalToKey(n, g);
      const before: BeforeStatus | null = beforeRuns ? ((statusAt(beforeRuns, key) as BeforeStatus | undefined) ?? "outside") : null;
      const now: BeforeStatus = statusAt(x.current, key) ?? "outside";
      const listed = now === "outside" ? "missing" : now;
      const changed = byKey.get(n) ?? (now === r.set || markExplains(r.set, listed) ? null : { by: "listing" as const, now });
      const last = out.at(-1);
      if (last && lastOrdinal === n - 1 && last.before === before && last.set === r.set && same(last.changed, changed)) last.end = key;
      else out.push({ start: key, end: key, before, set: r.set, changed });
      lastOrdinal = n;
    }
  }
  return out;
}
