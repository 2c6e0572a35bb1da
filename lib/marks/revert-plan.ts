import { countKeysInRanges, normalizeRanges, type Granularity, type KeyRange, type PartitionKey } from "@/lib/partitions";
import type { BeforeStatus } from "./before-runs";
import type { MarkChange } from "./kinds";

// What reverting a mark sends: each partition back to its status before the mark, in as few CAN
// calls as the kinds table allows (one updatePartition for success and failed together, one
// clearPartition). The dialog (client) and the revert action (server) both run this on the same
// facts and choices, so what the person confirms is what is sent. Pure and client-safe.

/** A status a revert can set: CAN has no call that makes a partition "missing" or "unknown". */
export type RestoreTo = "success" | "failed" | "cleared";

/** Why a stretch may no longer be as the original mark left it. */
export type ChangedSince =
  | { by: "mark"; intentId: string; actor: string; at: string }
  | { by: "outside"; at: string }
  /** The current listing shows another status than the mark set, and no recorded change says why. */
  | { by: "listing"; now: BeforeStatus };

/** Consecutive partitions of the original mark that share what is known about them. */
export type RevertStretch = {
  start: PartitionKey;
  end: PartitionKey;
  /** Before the original mark; null when nothing was read then (a machine's mark). */
  before: BeforeStatus | null;
  /** What the original mark set. */
  set: RestoreTo;
  changed: ChangedSince | null;
};

/** The person's choices in the dialog: changed stretches to include anyway, and a status for stretches whose prior status is unknown. */
export type RevertChoices = {
  include: readonly KeyRange[];
  pick: readonly (KeyRange & { status: RestoreTo })[];
};

export type RevertPlan = {
  /** In the order they are sent: updatePartition first, then clearPartition. */
  changes: { change: MarkChange; partitions: number }[];
  /** What each restored stretch goes back to. */
  restored: (KeyRange & { to: RestoreTo })[];
  /** Stretches the revert leaves as they are, and why. */
  leftOut: (KeyRange & { why: "changed" | "unknown" })[];
  /** Partitions the mark did not change (already in the status it set): nothing to send for them. */
  alreadyBefore: number;
};

/** The call that restores a prior status, or null when no call can (unknown, or not read). */
export function restoreTarget(before: BeforeStatus | null): RestoreTo | null {
  if (before === "success" || before === "failed") return before;
  if (before === "cleared" || before === "missing" || before === "outside") return "cleared";
  return null;
}

const sameRange = (a: KeyRange, b: KeyRange) => a.start === b.start && a.end === b.end;

export function planRevert(g: Granularity, stretches: readonly RevertStretch[], choices: RevertChoices): RevertPlan {
  const to: Record<RestoreTo, KeyRange[]> = { success: [], failed: [], cleared: [] };
  const restored: RevertPlan["restored"] = [];
  const leftOut: RevertPlan["leftOut"] = [];
  let alreadyBefore = 0;
  for (const s of stretches) {
    const range = { start: s.start, end: s.end };
    if (s.changed && !choices.include.some((r) => sameRange(r, range))) {
      leftOut.push({ ...range, why: "changed" });
      continue;
    }
    const target = restoreTarget(s.before) ?? choices.pick.find((p) => sameRange(p, range))?.status ?? null;
    if (target === null) {
      leftOut.push({ ...range, why: "unknown" });
      continue;
    }
    // Untouched since, and the mark changed nothing here: the partition already has its old status.
    if (!s.changed && s.before !== null && target === s.set) {
      alreadyBefore += countKeysInRanges([range], g);
      continue;
    }
    to[target].push(range);
    restored.push({ ...range, to: target });
  }
  const success = normalizeRanges(to.success, g);
  const failed = normalizeRanges(to.failed, g);
  const cleared = normalizeRanges(to.cleared, g);
  const changes: RevertPlan["changes"] = [];
  if (success.length + failed.length > 0)
    changes.push({ change: { kind: "update", granularity: g, success, failed }, partitions: countKeysInRanges([...success, ...failed], g) });
  if (cleared.length > 0) changes.push({ change: { kind: "clear", granularity: g, ranges: cleared }, partitions: countKeysInRanges(cleared, g) });
  return { changes, restored, leftOut, alreadyBefore };
}
