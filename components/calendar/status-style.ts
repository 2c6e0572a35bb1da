import type { PartitionStatus } from "@/lib/partitions";

// Status is never colour alone: each has an icon, a fill pattern and a text label. Colours come from
// the Okabe–Ito palette (tailwind.config.ts `status` tokens), safe for common colour-vision deficiencies.
/** `cell` styles a day cell, a legend swatch and a history-strip cell alike: one look per status. Its
 * words (label, meaning) are in the message files under `status`, one per language. */
export type StatusLook = { icon: string; cell: string };

export const STATUS_LOOK: Record<PartitionStatus, StatusLook> = {
  success: {
    icon: "✓",
    cell: "bg-status-success text-white",
  },
  failed: {
    icon: "✕",
    cell: "status-failed text-slate-950",
  },
  cleared: {
    icon: "○",
    cell: "status-cleared text-slate-950",
  },
  missing: {
    icon: "·",
    cell: "bg-status-missing text-slate-700 border border-dashed border-slate-400",
  },
  unknown: {
    icon: "?",
    cell: "status-unknown text-slate-950",
  },
};

export const OUTSIDE_LOOK = { icon: "", cell: "bg-white text-slate-600" };
