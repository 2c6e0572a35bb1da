import type { Actor, RequestMeta, Role } from "@/lib/auth/roles";

import type { RecordedBefore } from "@/lib/marks/before-runs";
import type { MarkAction } from "@/lib/marks/kinds";

export type { MarkAction };

export type MarkIntent = {
  actor: Actor;
  meta: RequestMeta;
  action: MarkAction;
  planUuid: string;
  planName: string;
  granularity: string | null;
  ranges: { start: string; end: string; status?: "success" | "failed" }[];
  partitionCount: number;
  statusesBefore: Record<string, number>; // status -> count
  /** Where statusesBefore was counted from: the page's sealed listing, or a read made for this mark. */
  statusesRead?: { from: "page listing" | "fresh read"; readAt: string };
  /** Each partition's status before the mark, as runs over its ranges (kept in `details.before`); absent for whole-plan marks. */
  before?: RecordedBefore;
  /** The intent id of the mark this one reverts (kept in `details.revertOf`). */
  revertOf?: string;
  canRequest: { endpoint: string; body: unknown };
  /** Set when a machine (an API token) made the mark: the audit row says so. */
  machine?: { tokenId: string; tokenName: string };
};

export type MarkOutcome =
  | { outcome: "ok" }
  | { outcome: "rejected"; code?: string; errorMsg?: string; detailErrorMsg?: string; traceId?: string }
  | { outcome: "error"; kind: string; errorMsg?: string }
  | { outcome: "unknown"; reason: string };

export type OutcomeName = MarkOutcome["outcome"];

/** Auth events belong to no tenant: they go to this chain. */
export const GLOBAL_CHAIN = "_global";

export type AuthEventAction = "auth.sign_in" | "auth.sign_in_failed" | "auth.sign_out" | "auth.totp_enabled" | "auth.totp_disabled" | "auth.backup_code_used";
export type AdminEventAction = `user.${string}` | `role.${string}` | `token.${string}`;

/** Who did it: a signed-in user, or the operator CLI (userId null). */
export type AuditActor = { userId: string | null; username: string; role: Role | null };

/** A row as the database holds it, minus nothing: the input of hashing and of verify. */
export type AuditRow = {
  id: string;
  tenantId: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorUsername: string;
  actorRole: string | null;
  action: string;
  phase: string;
  intentId: string | null;
  planUuid: string | null;
  planName: string | null;
  granularity: string | null;
  ranges: unknown;
  partitionCount: number | null;
  statusesBefore: unknown;
  canEndpoint: string | null;
  canRequest: string | null;
  outcome: string | null;
  outcomeDetail: unknown;
  details: unknown;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  prevHash: string;
  hash: string;
  mac: string | null;
};
