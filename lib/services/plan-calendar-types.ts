import type { PlanDetails } from "@/lib/can/types";
import type { ServerToday } from "@/lib/marks/future";
import type { Disagreement, Granularity, KeyRange, ListingChange, PartitionKey, PartitionStatus, RawItem, StatusRun } from "@/lib/partitions";

// What the plan page receives: status as runs, so its size follows the number of status changes,
// not the number of partitions (a 10-year DAY plan is a few hundred runs, not 3,650 rows).

export type CalendarMode = { kind: "grid"; granularity: Granularity } | { kind: "full-refresh" } | { kind: "unsupported"; granularity: string | null };

/** A stretch of consecutive partitions whose last change by this console was the same mark. */
export type LastChangeRun = {
  start: PartitionKey;
  end: PartitionKey;
  status: "success" | "failed" | "cleared";
  actor: string;
  at: string;
  outcome: "ok" | "unknown";
};

/**
 * A change a full read found in CAN's list that no console mark explains (a `partition.observed`
 * audit event): between `from` and `to` (ISO), keys start…end went from `before` to `after`.
 */
export type OutsideChangeRun = ListingChange & { eventId: string; from: string; to: string };

/**
 * What CAN's list can say: `materialized-only` is CAN's documented list (items without a status,
 * materialized partitions only); `with-status` when its items carry a status.
 */
export type ListShape = "materialized-only" | "with-status";

export type PlanCalendar = {
  plan: PlanDetails;
  mode: CalendarMode;
  /** Null when marking is allowed for this plan; otherwise why not (shown beside disabled buttons). */
  readOnlyReason: string | null;
  hasData: boolean;
  /** The plan's expected window: from its first known partition to the last one expected by now. */
  window: KeyRange | null;
  runs: StatusRun[];
  counts: Record<PartitionStatus, number>;
  lastChanges: LastChangeRun[];
  /** The plan's recent changes seen from outside the console, newest event first. */
  outsideChanges: OutsideChangeRun[];
  disagreements: { key: PartitionKey; status: PartitionStatus; disagreement: Disagreement }[];
  /** CAN values that are not partition keys of this granularity (shown, never guessed). */
  unreadableValues: string[];
  /** For non-grid modes: CAN's raw values and statuses, newest first (capped). */
  rawItems: RawItem[];
  listedCount: number;
  pagesFetched: number;
  /**
   * The server's today in the plan's granularity (grid plans only): partitions after it cannot be
   * marked success or failed, and the page applies the same rule before sending.
   */
  today: ServerToday | null;
  /** Null for plans without a partition grid. */
  listShape: ListShape | null;
  /** When the server read CAN, so the UI can say how fresh the picture is. */
  readAt: string;
  /** The highest audit seq among the plan's mark rows this read took into account. */
  throughSeq: number;
  /**
   * The server's HMAC over this read's runs, readAt and throughSeq (grid plans only): a mark sent
   * with them counts its statuses from this read when it is recent (lib/services/listing-seal.ts).
   */
  seal: string | null;
};

/** A plan's names from CAN's plan read, kept on the plan page when its partition list cannot be read. */
export type PlanTitle = { displayName: string; name: string };

/**
 * The year a DAY plan's calendar opens on, drawn from the first pages of CAN's list while the rest
 * is read (lib/services/plan-preview.ts, ADR 0043). Only what the full page would send for that year:
 * its statuses, today, where Tab lands, and how far the read has got.
 */
export type PlanYearPreview = {
  year: number;
  /** The statuses of `year` alone, as the full read will decide them. */
  runs: StatusRun[];
  today: PartitionKey;
  latest: PartitionKey;
  listShape: ListShape;
  pagesRead: number;
  pageCount: number;
};
