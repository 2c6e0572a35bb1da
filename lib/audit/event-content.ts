import type { RequestMeta } from "@/lib/auth/roles";
import type { AuditContent } from "./chain";
import type { AuditActor } from "./types";

/** An event row's content: who did what, with details; none of a mark's columns. */
export function eventContent(action: string, actor: AuditActor, details: Record<string, unknown> | null, meta: RequestMeta | null = null): AuditContent {
  return {
    actorUserId: actor.userId,
    actorUsername: actor.username,
    actorRole: actor.role,
    action,
    phase: "event",
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
    details,
    requestId: meta?.requestId ?? null,
    ip: meta?.ip ?? null,
    userAgent: meta?.userAgent ?? null,
  };
}
