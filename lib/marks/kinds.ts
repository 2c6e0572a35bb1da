import { buildClearPartitionBody, buildUpdatePartitionBody, type ClearPartitionBody, type UpdatePartitionBody } from "@/lib/marks/can-bodies";
import type { Granularity, KeyRange } from "@/lib/partitions";

// The one table of mark kinds. The confirmation dialog, the toasts, the server actions, the `/can`
// API for machines, the marking service, the audit labels and the audit filters all read it, so a
// page and a scheduler cannot disagree about what a kind sends, records or asks for. Client-safe.

/** What a person or a machine asked to change, ranges already normalized for the granularity. */
export type MarkChange =
  | { kind: "update"; granularity: Granularity; success: readonly KeyRange[]; failed: readonly KeyRange[] }
  | { kind: "clear"; granularity: Granularity; ranges: readonly KeyRange[] }
  | { kind: "refresh" };

export type MarkEndpoint = "updatePartition" | "clearPartition";
export type MarkBody = UpdatePartitionBody | ClearPartitionBody;

// The words for each kind (its audit label, the dialog's title, what the partitions become) are in
// the message files under `marks.<kind>`, one per language (ADR 0024); the audit action stays English.

type KindSpec = {
  /** The audit row's action. */
  action: string;
  endpoint: MarkEndpoint;
  /** The status the partitions show afterwards (the optimistic update, the dialog's no-op count); null when it varies. */
  resultingStatus: "success" | "failed" | "cleared" | null;
  /** Failing or clearing a success partition takes data away from queries: the typed name is asked. */
  takesSuccessAway: boolean;
  /**
   * Whether future partitions (after the server's today) are refused: a partition marked success or
   * failed before its data can exist sends queries to an empty partition. Clearing one is harmless.
   */
  refusesFuture: boolean;
  /** Whether the kind addresses partitions (the plan's calendar) or the whole plan. */
  partitionScoped: boolean;
  body: (uuid: string, change: MarkChange) => MarkBody;
};

const updateBody = (uuid: string, c: MarkChange): MarkBody =>
  c.kind === "update" ? buildUpdatePartitionBody(uuid, c.granularity, c.success, c.failed) : buildUpdatePartitionBody(uuid, null, [], []);
const clearBody = (uuid: string, c: MarkChange): MarkBody => {
  if (c.kind !== "clear") throw new Error("clear body for a non-clear change");
  return buildClearPartitionBody(uuid, c.granularity, c.ranges);
};

export const MARK_KINDS = {
  success: {
    resultingStatus: "success",
    refusesFuture: true,
    action: "partition.mark_success",
    endpoint: "updatePartition",
    takesSuccessAway: false,
    partitionScoped: true,
    body: updateBody,
  },
  failed: {
    resultingStatus: "failed",
    refusesFuture: true,
    action: "partition.mark_failed",
    endpoint: "updatePartition",
    takesSuccessAway: true,
    partitionScoped: true,
    body: updateBody,
  },
  mixed: {
    resultingStatus: null,
    refusesFuture: true,
    action: "partition.mark",
    endpoint: "updatePartition",
    takesSuccessAway: true,
    partitionScoped: true,
    body: updateBody,
  },
  clear: {
    resultingStatus: "cleared",
    refusesFuture: false,
    action: "partition.clear",
    endpoint: "clearPartition",
    takesSuccessAway: true,
    partitionScoped: true,
    body: clearBody,
  },
  refresh: {
    resultingStatus: null,
    refusesFuture: false,
    action: "plan.mark_refreshed",
    endpoint: "updatePartition",
    takesSuccessAway: false,
    partitionScoped: false,
    body: updateBody,
  },
} as const satisfies Record<string, KindSpec>;

export type MarkKind = keyof typeof MARK_KINDS;
export type MarkAction = (typeof MARK_KINDS)[MarkKind]["action"];

export const MARK_KIND_NAMES = Object.keys(MARK_KINDS) as MarkKind[];
export const MARK_ACTIONS: readonly MarkAction[] = MARK_KIND_NAMES.map((k) => MARK_KINDS[k].action);
/** The actions that change partitions of a plan's calendar (its marks are replayed onto the grid). */
export const PARTITION_MARK_ACTIONS: readonly MarkAction[] = MARK_KIND_NAMES.filter((k) => MARK_KINDS[k].partitionScoped).map((k) => MARK_KINDS[k].action);

/**
 * Above this many partitions, when success is taken away, or when partitions outside the plan's
 * window (never expected by its schedule) are touched, a person types the plan name.
 */
export const TYPE_NAME_THRESHOLD = 31;

export function kindOf(change: MarkChange): MarkKind {
  if (change.kind === "refresh") return "refresh";
  if (change.kind === "clear") return "clear";
  if (change.failed.length === 0) return "success";
  if (change.success.length === 0) return "failed";
  return "mixed";
}

export function markSpec(change: MarkChange): (typeof MARK_KINDS)[MarkKind] {
  return MARK_KINDS[kindOf(change)];
}

/** The ranges with the status each gets, as the audit row stores them (none for clear and refresh). */
export function changedRanges(change: MarkChange): { range: KeyRange; status?: "success" | "failed" }[] {
  if (change.kind === "refresh") return [];
  if (change.kind === "clear") return change.ranges.map((range) => ({ range }));
  return [...change.success.map((range) => ({ range, status: "success" as const })), ...change.failed.map((range) => ({ range, status: "failed" as const }))];
}

export function granularityOf(change: MarkChange): Granularity | null {
  return change.kind === "refresh" ? null : change.granularity;
}

/** The confirmation rule a person meets, the same in the dialog and on the server. */
export function needsTypedName(kind: MarkKind, partitions: number, before: { success?: number | undefined; outside?: number | undefined }): boolean {
  return partitions > TYPE_NAME_THRESHOLD || (MARK_KINDS[kind].takesSuccessAway && (before.success ?? 0) > 0) || (before.outside ?? 0) > 0;
}

const ACTION_TO_KIND = new Map<string, MarkKind>(MARK_KIND_NAMES.map((k) => [MARK_KINDS[k].action, k]));

export function isMarkAction(action: string): action is MarkAction {
  return ACTION_TO_KIND.has(action);
}

/** The kind of mark an audit action records, or undefined for other actions (the UI words it from the message files). */
export function markKindOfAction(action: string): MarkKind | undefined {
  return ACTION_TO_KIND.get(action);
}
