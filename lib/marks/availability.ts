import { futureRefusal, type FutureRefusal, type ServerToday } from "./future";
import { selectionSize, type Granularity, type Selection } from "@/lib/partitions";

/** The marks a selection in the calendar can be given (a full refresh has its own panel). */
export type GridMarkKind = "success" | "failed" | "clear";

/** The keys that open each mark for the selection, shown on its button and announced (aria-keyshortcuts). */
export const MARK_SHORTCUTS: Record<GridMarkKind, string> = { success: "S", failed: "F", clear: "C" };

export type MarkAvailability = { enabled: Record<GridMarkKind, boolean>; future: FutureRefusal | null };

/**
 * Which marks the selection allows now: the buttons and their keyboard shortcuts read this one rule.
 * Success and failed are refused for future partitions (lib/marks/future.ts); nothing is allowed
 * without a selection, on a read-only plan, or for a role that cannot mark.
 */
export function markAvailability(args: {
  g: Granularity;
  selection: Selection;
  readOnly: boolean;
  canMark: boolean;
  today: ServerToday | null;
}): MarkAvailability {
  const size = selectionSize(args.selection, args.g);
  const future =
    args.today && size > 0 ? futureRefusal({ kind: "update", granularity: args.g, success: args.selection, failed: [] }, args.today, args.g) : null;
  const open = args.canMark && size > 0 && !args.readOnly;
  return { enabled: { success: open && !future, failed: open && !future, clear: open }, future };
}

/** The mark a key press asks for, or null: a plain letter, no modifier, not while typing in a field. */
export function shortcutMark(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; repeat: boolean; target: unknown }): GridMarkKind | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return null;
  // Structural, not `instanceof HTMLElement`: any element (or a test's stand-in) that is or sits in a field.
  const t = e.target as { isContentEditable?: boolean; closest?: (selector: string) => unknown } | null;
  if (t && (t.isContentEditable === true || (typeof t.closest === "function" && t.closest("input, textarea, select") !== null))) return null;
  const k = e.key.toUpperCase();
  return (Object.keys(MARK_SHORTCUTS) as GridMarkKind[]).find((kind) => MARK_SHORTCUTS[kind] === k) ?? null;
}
