// Client-safe: the actor name the audit log records for changes seen in CAN's list that no console
// mark explains (lib/audit/observed.ts writes it; the audit pages word it in the reader's language).
export const OUTSIDE_ACTOR = "outside the console";
