import type { PartitionStatus } from "@/lib/partitions";
import type { ListShape } from "@/lib/services/plan-calendar-types";

// What each status means depends on what CAN's list can say (docs/decisions/0002-can-ambiguities.md):
// CAN's documented list holds materialized partitions only, with no status, so a partition that is
// absent may have failed, been cleared or never run; a list whose items carry a status says more.
// The legend and the cell details read these, so they never claim more than the list tells.

export const SHAPE_NOTE: Record<ListShape, string> = {
  "materialized-only":
    "CAN's list for this plan carries no statuses: it holds materialized partitions only, so the console adds failed and cleared from its own marks.",
  "with-status": "CAN's list for this plan carries a status for each partition it holds.",
};

export const STATUS_MEANING: Record<ListShape, Record<PartitionStatus, string>> = {
  "materialized-only": {
    success: "CAN lists it as materialized; queries hit it.",
    failed: "This console marked it failed and CAN does not list it; queries skip it.",
    cleared: "This console cleared it and CAN does not list it; it must be backfilled again.",
    missing: "CAN does not list it. CAN lists materialized partitions only, so it may have failed, been cleared outside this console, or never run.",
    unknown: "CAN's list and this console's marks disagree; the details say how.",
  },
  "with-status": {
    success: "CAN lists it as success; queries hit it.",
    failed: "CAN lists it as failed (or this console's newer mark says so); queries skip it.",
    cleared: "CAN lists it as cleared (or this console's newer mark says so); it must be backfilled again.",
    missing: "CAN does not list it: CAN holds no record of it (never run, or removed).",
    unknown: "CAN's status and this console's marks disagree, or CAN sent a status the console does not know; the details say how.",
  },
};
