import type { RequestMeta } from "@/lib/auth/roles";
import type { AuditContent } from "./chain";
import type { AuditActor } from "./types";

/** The columns only a mark fills, empty: an event row's, and the starting point of generated rows (generate.ts). */
export const NO_MARK_COLUMNS = {
  intentId: null,
  planUuid: null,
  planName: null,
  granularity: null,
  ranges: null,
  partitionCount: null,
  statusesBefore: null,
  canEndpoint: null,
  canRequest: null,
  outcome: null,
  outcomeDetail: null,
} satisfies Partial<AuditContent>;

/** An event row's content: who did what, with details; none of a mark's columns. */
export function eventContent(action: string, actor: AuditActor, details: Record<string, unknown> | null, meta: RequestMeta | null = null): AuditContent {
  return {
    actorUserId: actor.userId,
    actorUsername: actor.username,
    actorRole: actor.role,
    action,
    phase: "event",
    ...NO_MARK_COLUMNS,
    details,
    requestId: meta?.requestId ?? null,
    ip: meta?.ip ?? null,
    userAgent: meta?.userAgent ?? null,
  };
}
