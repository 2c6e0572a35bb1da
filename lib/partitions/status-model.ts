import type { Granularity } from "./granularity";
import { parseInstant } from "./instants";
import { keyToOrdinal, ordinalToKey, tryKeyToOrdinal, type PartitionKey } from "./keys";
import { parsePartitionValue } from "./parse-value";
import type { KeyRange } from "./range-set";
import type { PartitionStatus, StatusRun } from "./runs";

/** A partition as lib/can reports it; `status` is CAN's raw string when CAN sent one. */
export type CanPartition = { key: PartitionKey; status?: string | undefined; updatedAt?: string | undefined };

/** The console's own last mark per partition, from its audit log. */
export type RecordedMark = { key: PartitionKey; status: "success" | "failed" | "cleared"; at: string; actor: string };

/**
 * Why a partition is "unknown": what CAN says against what the console recorded, as facts the page
 * words in the reader's language (messages: plan.cell.disagreement.<kind>).
 */
export type Disagreement =
  | { kind: "not-listed"; mark: RecordedMark }
  | { kind: "listed-but-marked"; mark: RecordedMark }
  | { kind: "unrecognised"; raw: string }
  | { kind: "status-but-marked"; canStatus: PartitionStatus; canUpdatedAt: string | null; mark: RecordedMark };

export type ResolvedPartition = { key: PartitionKey; status: PartitionStatus; disagreement?: Disagreement | undefined };

export type ResolveArgs = {
  window: KeyRange;
  granularity: Granularity;
  canList: readonly CanPartition[];
  recorded: readonly RecordedMark[];
  /** Offset from UTC of CAN's zone-less `updatedAt` values; CAN leaves it undocumented. Default 0. */
  canUtcOffsetMinutes?: number | undefined;
};

const CAN_STATUS: Record<string, PartitionStatus> = {
  SUCCESS: "success",
  SUCCEEDED: "success",
  SUCCEED: "success",
  MATERIALIZED: "success",
  DONE: "success",
  FAIL: "failed",
  FAILED: "failed",
  ERROR: "failed",
  CLEARED: "cleared",
  CLEAR: "cleared",
  DELETED: "cleared",
};

export function normalizeCanStatus(raw: string): PartitionStatus | null {
  return CAN_STATUS[raw.trim().toUpperCase()] ?? null;
}

type Stamped<T> = { item: T; at: number | null };

/**
 * Keep one entry per partition: the one with the newest parseable timestamp;
 * a timestamped entry beats one without; otherwise the later entry wins.
 */
function latestByOrdinal<T>(items: readonly T[], ordinalOf: (t: T) => number | null, atOf: (t: T) => number | null): Map<number, Stamped<T>> {
  const map = new Map<number, Stamped<T>>();
  for (const item of items) {
    const n = ordinalOf(item);
    if (n === null) continue;
    const at = atOf(item);
    const prev = map.get(n);
    if (!prev || prev.at === null || (at !== null && at >= prev.at)) map.set(n, { item, at });
  }
  return map;
}

type Decision = { status: PartitionStatus; disagreement?: Disagreement };

/**
 * Decide each window key's status from CAN's list and the console's own marks.
 * CAN documents no status field (can-api.md, open question 1), so its list is
 * read as "materialized" unless a status is present, and the audit log supplies
 * failed/cleared. Where the two sources conflict we say "unknown" and explain,
 * rather than pick a winner an operator might act on wrongly.
 * Cost: one pass over each input and one over the window, all keyed by
 * ordinal (maps, no nested loops, no key formatting inside the loop).
 */
function resolveEach(args: ResolveArgs, visit: (ordinal: number, d: Decision) => void): void {
  const g = args.granularity;
  const from = keyToOrdinal(args.window.start, g);
  const to = keyToOrdinal(args.window.end, g);
  if (to < from) return;
  const inWindow = (raw: string): number | null => {
    // Canonical keys take the fast path; other value forms (e.g. days on a MONTH plan) are parsed.
    let n = tryKeyToOrdinal(raw, g);
    if (n === null) {
      const key = typeof raw === "string" ? parsePartitionValue(raw, g) : null;
      if (key === null) return null;
      n = keyToOrdinal(key, g);
    }
    return n >= from && n <= to ? n : null;
  };
  const offset = args.canUtcOffsetMinutes ?? 0;
  const can = latestByOrdinal(
    args.canList,
    (p) => inWindow(p.key),
    (p) => parseInstant(p.updatedAt, offset),
  );
  const marks = latestByOrdinal(
    args.recorded,
    (m) => inWindow(m.key),
    (m) => parseInstant(m.at),
  );
  for (let n = from; n <= to; n++) visit(n, decide(can.get(n), marks.get(n)));
}

const MISSING: Decision = { status: "missing" };
const SUCCESS: Decision = { status: "success" };

function decide(c: Stamped<CanPartition> | undefined, m: Stamped<RecordedMark> | undefined): Decision {
  const mark = m?.item;
  if (c === undefined) {
    // Rule 3: CAN does not list the key.
    if (!mark) return MISSING;
    if (mark.status !== "success") return { status: mark.status };
    return { status: "unknown", disagreement: { kind: "not-listed", mark } };
  }
  const raw = typeof c.item.status === "string" ? c.item.status.trim() : "";
  if (raw === "") {
    // Rule 2: listed without a status means materialized.
    if (mark && mark.status !== "success") {
      return { status: "unknown", disagreement: { kind: "listed-but-marked", mark } };
    }
    return SUCCESS;
  }
  const status = normalizeCanStatus(raw);
  if (status === null) {
    return { status: "unknown", disagreement: { kind: "unrecognised", raw } };
  }
  // Rule 1: CAN's status, unless our different mark is newer (or cannot be ordered against it).
  if (mark && mark.status !== status) {
    const markAt = m?.at ?? null;
    if (c.at === null || markAt === null || markAt > c.at) {
      return { status: "unknown", disagreement: { kind: "status-but-marked", canStatus: status, canUpdatedAt: c.item.updatedAt ?? null, mark } };
    }
  }
  return { status };
}

/** Every key of the window with its status and, for "unknown", the reason. */
export function resolvePartitions(args: ResolveArgs): ResolvedPartition[] {
  const out: ResolvedPartition[] = [];
  resolveEach(args, (n, d) => out.push({ key: ordinalToKey(n, args.granularity), ...d }));
  return out;
}

/** The window as runs covering every key, ready to send to the browser. */
export function resolveStatuses(args: ResolveArgs): StatusRun[] {
  const g = args.granularity;
  const out: StatusRun[] = [];
  let runStart = 0;
  let prev = 0;
  let runStatus: PartitionStatus | undefined;
  resolveEach(args, (n, { status }) => {
    if (status !== runStatus) {
      if (runStatus !== undefined) out.push([ordinalToKey(runStart, g), ordinalToKey(prev, g), runStatus]);
      runStart = n;
      runStatus = status;
    }
    prev = n;
  });
  if (runStatus !== undefined) out.push([ordinalToKey(runStart, g), ordinalToKey(prev, g), runStatus]);
  return out;
}

/** Only the conflicting keys, each with what CAN and the console say. */
export function describeDisagreements(args: ResolveArgs): { key: PartitionKey; status: PartitionStatus; disagreement: Disagreement }[] {
  const out: { key: PartitionKey; status: PartitionStatus; disagreement: Disagreement }[] = [];
  for (const p of resolvePartitions(args)) {
    if (p.disagreement !== undefined) out.push({ key: p.key, status: p.status, disagreement: p.disagreement });
  }
  return out;
}
