import { recordedBeforeOf } from "./before-runs";
import { MARK_KINDS, markKindOfAction } from "./kinds";

// Whether a row of the audit log offers Revert, the same on the plan's history and the audit page.
// Client-safe and pure.

/** A partition mark CAN accepted: revertible when its row kept prior statuses, else recorded before they were kept. */
export type RevertState = "revertible" | "no-before" | null;

export function revertStateOf(action: string, outcome: string | null, pending: boolean, details: unknown): RevertState {
  const kind = markKindOfAction(action);
  if (!kind || !MARK_KINDS[kind].partitionScoped || outcome !== "ok" || pending) return null;
  return recordedBeforeOf(details) ? "revertible" : "no-before";
}

/** A mark's links to reverts: the mark it reverted, and the reverts recorded for it. */
export type RevertLinks = {
  state: RevertState;
  of: { id: string; at: string; actor: string } | null;
  by: { id: string; at: string; actor: string; outcome: string; pending: boolean }[];
};
