import { PARTITION_STATUSES, type PartitionStatus } from "@/lib/partitions";
import { MARK_KINDS, type MarkKind } from "./kinds";

// What a mark changes, apart from what it re-sends unchanged: the dialog shows the two apart, and a
// mark that changes nothing says so before it is sent (issue 16, item 3). Client-safe.

export type StatusBefore = PartitionStatus | "outside";

export type MarkEffect = {
  target: PartitionStatus;
  /** The partitions whose status changes, by their current status, in the legend's order. */
  changing: { from: StatusBefore; count: number }[];
  changingTotal: number;
  /** Partitions already in the target status: sent again, changed in nothing. */
  unchanged: number;
};

const ORDER: readonly StatusBefore[] = [...PARTITION_STATUSES, "outside"];

/** Null for kinds without one resulting status (refresh, mixed). */
export function markEffect(kind: MarkKind, countsBefore: Partial<Record<StatusBefore, number>>): MarkEffect | null {
  const target = MARK_KINDS[kind].resultingStatus;
  if (target === null) return null;
  const changing = ORDER.filter((s) => s !== target && (countsBefore[s] ?? 0) > 0).map((from) => ({ from, count: countsBefore[from] ?? 0 }));
  return { target, changing, changingTotal: changing.reduce((n, c) => n + c.count, 0), unchanged: countsBefore[target] ?? 0 };
}
