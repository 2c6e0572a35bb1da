import type { PartitionStatus } from "@/lib/partitions";

// Status is never colour alone: each has an icon, a fill pattern and a text label. Colours come from
// the Okabe–Ito palette (tailwind.config.ts `status` tokens), safe for common colour-vision deficiencies.
/** `cell` styles a day cell, a legend swatch and a history-strip cell alike: one look per status. */
export type StatusLook = { label: string; icon: string; description: string; cell: string };

export const STATUS_LOOK: Record<PartitionStatus, StatusLook> = {
  success: {
    label: "Success",
    icon: "✓",
    description: "materialized; queries hit it",
    cell: "bg-status-success text-white",
  },
  failed: {
    label: "Failed",
    icon: "✕",
    description: "marked failed; queries skip it",
    cell: "status-failed text-slate-950",
  },
  cleared: {
    label: "Cleared",
    icon: "○",
    description: "cleared; must be backfilled again",
    cell: "status-cleared text-slate-950",
  },
  missing: {
    label: "Not materialized",
    icon: "·",
    description: "CAN does not list it",
    cell: "bg-status-missing text-slate-700 border border-dashed border-slate-400",
  },
  unknown: {
    label: "Unknown",
    icon: "?",
    description: "CAN and this console's record disagree",
    cell: "status-unknown text-slate-950",
  },
};

export const OUTSIDE_LOOK = { label: "Outside window", icon: "", cell: "bg-white text-slate-600" };
