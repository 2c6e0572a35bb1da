import "server-only";
import { and, asc, eq, gt, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { outcomeOfIntent, outcomeRow as o } from "./outcome-join";
import { PARTITION_MARK_ACTIONS } from "@/lib/marks/kinds";
import type { LaterMark, LaterOutside } from "@/lib/marks/revert-stretches";
import type { KeyRange } from "@/lib/partitions";
import { mayHaveApplied } from "./marks";
import { OBSERVED_ACTION } from "./observed";
import type { OutcomeName } from "./types";

// What the audit log says about a mark someone wants to revert: the mark itself, what was recorded
// on its plan after it, and the reverts that name it (docs/decisions/0029-revert-a-mark.md).

export type MarkToRevert = {
  id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  planUuid: string;
  planName: string | null;
  granularity: string | null;
  ranges: { start: string; end: string; status?: string }[];
  partitionCount: number | null;
  details: unknown;
  /** `unknown` also when the intent has no outcome row. */
  outcome: OutcomeName;
};

/** A partition mark's intent row of this tenant, with its outcome; null for any other id. */
export async function readMarkToRevert(tenantId: string, intentId: string): Promise<MarkToRevert | null> {
  const db = await getDb();
  const [r] = await db
    .select({
      id: auditLog.id,
      seq: auditLog.seq,
      at: auditLog.at,
      actor: auditLog.actorUsername,
      action: auditLog.action,
      planUuid: auditLog.planUuid,
      planName: auditLog.planName,
      granularity: auditLog.granularity,
      ranges: auditLog.ranges,
      partitionCount: auditLog.partitionCount,
      details: auditLog.details,
      outcome: o.outcome,
    })
    .from(auditLog)
    .leftJoin(o, outcomeOfIntent)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.id, intentId), eq(auditLog.phase, "intent"), inArray(auditLog.action, [...PARTITION_MARK_ACTIONS])))
    .limit(1);
  if (!r || !r.planUuid) return null;
  return {
    ...r,
    planUuid: r.planUuid,
    at: r.at.toISOString(),
    ranges: (r.ranges as MarkToRevert["ranges"] | null) ?? [],
    outcome: (r.outcome as OutcomeName | null) ?? "unknown",
  };
}

/**
 * The plan's console marks (that may have applied: ok, unknown, or still without an outcome) and
 * changes seen from outside, recorded after audit position `afterSeq`, oldest first.
 */
export async function changesAfter(tenantId: string, planUuid: string, afterSeq: number): Promise<{ marks: LaterMark[]; outside: LaterOutside[] }> {
  const db = await getDb();
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actorUsername,
      action: auditLog.action,
      ranges: auditLog.ranges,
      phase: auditLog.phase,
      outcome: o.outcome,
    })
    .from(auditLog)
    .leftJoin(o, outcomeOfIntent)
    .where(
      and(
        eq(auditLog.tenantId, tenantId),
        eq(auditLog.planUuid, planUuid),
        gt(auditLog.seq, afterSeq),
        or(and(eq(auditLog.phase, "intent"), inArray(auditLog.action, [...PARTITION_MARK_ACTIONS])), eq(auditLog.action, OBSERVED_ACTION)),
      ),
    )
    .orderBy(asc(auditLog.seq));
  const marks: LaterMark[] = [];
  const outside: LaterOutside[] = [];
  for (const r of rows) {
    const ranges = ((r.ranges as KeyRange[] | null) ?? []).map(({ start, end }) => ({ start, end }));
    if (r.action === OBSERVED_ACTION) outside.push({ at: r.at.toISOString(), ranges });
    else if (mayHaveApplied(r.outcome)) marks.push({ intentId: r.id, actor: r.actor, at: r.at.toISOString(), ranges });
  }
  return { marks, outside };
}

export type RevertLink = { id: string; at: string; actor: string; outcome: OutcomeName; pending: boolean };

/**
 * The reverts recorded for each of these intents (by `details.revertOf`), oldest first: those that
 * may have applied (ok, unknown, in flight); a revert CAN refused reverted nothing.
 */
export async function revertsOf(tenantId: string, intentIds: readonly string[]): Promise<Map<string, RevertLink[]>> {
  const out = new Map<string, RevertLink[]>();
  if (intentIds.length === 0) return out;
  const db = await getDb();
  const revertOf = sql<string>`(${auditLog.details}->>'revertOf')`;
  const rows = await db
    .select({ id: auditLog.id, at: auditLog.at, actor: auditLog.actorUsername, of: revertOf, outcome: o.outcome, outcomeId: o.id })
    .from(auditLog)
    .leftJoin(o, outcomeOfIntent)
    // Spelled as the index is (lib/db/schema/audit.ts), so the planner can use it.
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.phase, "intent"), sql`${auditLog.details} ? 'revertOf'`, inArray(revertOf, [...intentIds])))
    .orderBy(asc(auditLog.seq));
  for (const r of rows) {
    if (!mayHaveApplied(r.outcome)) continue;
    const list = out.get(r.of) ?? [];
    list.push({ id: r.id, at: r.at.toISOString(), actor: r.actor, outcome: (r.outcome as OutcomeName | null) ?? "unknown", pending: r.outcomeId === null });
    out.set(r.of, list);
  }
  return out;
}

/** When and by whom each of these intents was recorded (the marks that reverts name). */
export async function markSummaries(tenantId: string, intentIds: readonly string[]): Promise<Map<string, { id: string; at: string; actor: string }>> {
  if (intentIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ id: auditLog.id, at: auditLog.at, actor: auditLog.actorUsername })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), inArray(auditLog.id, [...intentIds])));
  return new Map(rows.map((r) => [r.id, { id: r.id, at: r.at.toISOString(), actor: r.actor }]));
}
