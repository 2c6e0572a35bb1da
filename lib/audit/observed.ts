import "server-only";
import { and, desc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Db, type Queryable } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import type { ListingChange, MarkedKey } from "@/lib/partitions";
import { appendAuditRow } from "./chain";
import { PARTITION_MARK_ACTIONS } from "@/lib/marks/kinds";
import { keysOfMark, mayHaveApplied } from "./marks";

// Changes to a plan's partitions that a full read found and no console mark explains: someone
// called CAN directly (the scheduler, a script). See docs/decisions/*-changes-seen-from-outside.md.

export const OBSERVED_ACTION = "partition.observed";
export { OUTSIDE_ACTOR } from "./actors";
import { OUTSIDE_ACTOR } from "./actors";

/** Between these two reads of CAN's list the change happened (ISO times). */
export type ObservedInterval = { from: string; to: string };

export type ObservedChange = {
  tenantId: string;
  planUuid: string;
  planName: string;
  granularity: string;
  changes: ListingChange[];
  partitionCount: number;
  interval: ObservedInterval;
};

/** One `partition.observed` event (returns its id); `db` may be the caller's transaction, so the event commits with its snapshot. */
export async function appendObservedChange(db: Db, c: ObservedChange): Promise<string> {
  const row = await appendAuditRow(db, c.tenantId, {
    actorUserId: null,
    actorUsername: OUTSIDE_ACTOR,
    actorRole: null,
    action: OBSERVED_ACTION,
    phase: "event",
    intentId: null,
    planUuid: c.planUuid,
    planName: c.planName,
    granularity: c.granularity,
    ranges: c.changes,
    partitionCount: c.partitionCount,
    statusesBefore: null,
    canEndpoint: null,
    canRequest: null,
    outcome: null,
    outcomeDetail: null,
    details: { interval: c.interval },
    requestId: null,
    ip: null,
    userAgent: null,
  });
  return row.id;
}

const outcomeRow = alias(auditLog, "o");

/**
 * The keys console marks may have changed since audit position `sinceSeq`: intents whose outcome is
 * ok or unknown, recorded (intent or outcome) after it, and intents still without an outcome (a
 * mark in flight, or one a crash cut off: CAN may have applied it at any time).
 */
export async function markedKeysSince(q: Queryable, tenantId: string, planUuid: string, sinceSeq: number): Promise<MarkedKey[]> {
  const rows = await q
    .select({ action: auditLog.action, granularity: auditLog.granularity, ranges: auditLog.ranges, outcome: outcomeRow.outcome })
    .from(auditLog)
    .leftJoin(outcomeRow, and(eq(outcomeRow.tenantId, auditLog.tenantId), eq(outcomeRow.intentId, auditLog.id), eq(outcomeRow.phase, "outcome")))
    .where(
      and(
        eq(auditLog.tenantId, tenantId),
        eq(auditLog.planUuid, planUuid),
        eq(auditLog.phase, "intent"),
        inArray(auditLog.action, [...PARTITION_MARK_ACTIONS]),
        or(gt(auditLog.seq, sinceSeq), isNull(outcomeRow.id), gt(outcomeRow.seq, sinceSeq)),
      ),
    );
  const out: MarkedKey[] = [];
  for (const r of rows) if (mayHaveApplied(r.outcome)) for (const k of keysOfMark(r)) out.push(k);
  return out;
}

/** A range of an observed event, with the interval of its event: what the cell details show. */
export type OutsideChange = ListingChange & { eventId: string; from: string; to: string };

/** The plan's recent observed changes, newest event first (`limit` events). */
export async function listOutsideChanges(tenantId: string, planUuid: string, limit = 100): Promise<OutsideChange[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: auditLog.id, ranges: auditLog.ranges, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.planUuid, planUuid), eq(auditLog.action, OBSERVED_ACTION)))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  const out: OutsideChange[] = [];
  for (const r of rows) {
    const interval = (r.details as { interval?: ObservedInterval } | null)?.interval;
    if (!interval) continue;
    for (const c of (r.ranges as ListingChange[] | null) ?? []) out.push({ ...c, eventId: r.id, from: interval.from, to: interval.to });
  }
  return out;
}
