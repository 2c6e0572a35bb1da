import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { preparedPerDb } from "@/lib/db/prepared";
import { auditLog } from "@/lib/db/schema";
import { outcomeOfIntent, outcomeRow as o } from "./outcome-join";
import { PARTITION_MARK_ACTIONS } from "@/lib/marks/kinds";
import { isMarkableGranularity, rangesToKeys } from "@/lib/partitions";
import { appendAuditRow, type AuditContent } from "./chain";
import { redactCredentials } from "@/lib/can/redact";
import { actorKindOf, type ActorKind } from "./query";
import type { MarkIntent, MarkOutcome } from "./types";

function markContent(intent: MarkIntent): Omit<AuditContent, "phase" | "outcome" | "outcomeDetail" | "intentId" | "canRequest" | "canEndpoint" | "details"> {
  return {
    actorUserId: intent.actor.userId,
    actorUsername: intent.actor.username,
    actorRole: intent.actor.role,
    action: intent.action,
    planUuid: intent.planUuid,
    planName: intent.planName,
    granularity: intent.granularity,
    ranges: intent.ranges,
    partitionCount: intent.partitionCount,
    statusesBefore: intent.statusesBefore,
    requestId: intent.meta.requestId,
    ip: intent.meta.ip,
    userAgent: intent.meta.userAgent,
  };
}

/** A machine's mark says so on both of its rows, so the people / machines filter finds either; so does a revert. */
function detailsOf(intent: MarkIntent, extra: Record<string, unknown>): Record<string, unknown> | null {
  const details = { ...extra, ...(intent.machine ? { machine: intent.machine } : {}), ...(intent.revertOf ? { revertOf: intent.revertOf } : {}) };
  return Object.keys(details).length > 0 ? details : null;
}

/** Written BEFORE the CAN call. Throws if the write fails: the caller must then not call CAN. */
export async function recordMarkIntent(intent: MarkIntent): Promise<{ intentId: string }> {
  const db = await getDb();
  const body = intent.canRequest.body === undefined ? null : redactCredentials(JSON.stringify(intent.canRequest.body));
  const row = await appendAuditRow(db, intent.actor.tenantId, {
    ...markContent(intent),
    phase: "intent",
    intentId: null,
    canEndpoint: intent.canRequest.endpoint,
    canRequest: body,
    outcome: null,
    outcomeDetail: null,
    details: detailsOf(intent, {
      ...(intent.statusesRead ? { statusesRead: intent.statusesRead } : {}),
      ...(intent.before ? { before: intent.before } : {}),
    }),
  });
  return { intentId: row.id };
}

/** Written after the CAN call; links to its intent. A second outcome for one intent is refused. */
export async function recordMarkOutcome(intentId: string, intent: MarkIntent, outcome: MarkOutcome): Promise<void> {
  const db = await getDb();
  const { outcome: name, ...detail } = outcome;
  await appendAuditRow(db, intent.actor.tenantId, {
    ...markContent(intent),
    phase: "outcome",
    intentId,
    canEndpoint: intent.canRequest.endpoint,
    canRequest: null,
    outcome: name,
    outcomeDetail: Object.keys(detail).length > 0 ? detail : null,
    details: detailsOf(intent, {}),
  });
}

/** Every partition-mark intent of a plan with its outcome, if any. */
export function marksSelect(db: Pick<Db, "select">) {
  return db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      action: auditLog.action,
      granularity: auditLog.granularity,
      ranges: auditLog.ranges,
      actor: auditLog.actorUsername,
      actorUserId: auditLog.actorUserId,
      outcome: o.outcome,
      outcomeAt: o.at,
      outcomeSeq: o.seq,
    })
    .from(auditLog)
    .leftJoin(o, outcomeOfIntent)
    .where(
      and(
        eq(auditLog.tenantId, sql.placeholder("tenantId")),
        eq(auditLog.planUuid, sql.placeholder("planUuid")),
        eq(auditLog.phase, "intent"),
        inArray(auditLog.action, [...PARTITION_MARK_ACTIONS]),
      ),
    );
}

/** Prepared once per database and named on both drivers (ADR 0031): it runs on every calendar read. */
export const marksQuery = preparedPerDb((db) => marksSelect(db).prepare("last_marks_for_plan"));

/** Outcome rows carry their intent's action and plan, so one index range covers both phases. */
function buildThroughQuery(db: Db) {
  return db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, sql.placeholder("tenantId")),
        eq(auditLog.planUuid, sql.placeholder("planUuid")),
        inArray(auditLog.action, [...PARTITION_MARK_ACTIONS]),
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .prepare("plan_marks_through");
}

const throughQuery = preparedPerDb(buildThroughQuery);

export type LastMark = { key: string; status: "success" | "failed" | "cleared"; at: string; actor: string; actorKind: ActorKind; outcome: "ok" | "unknown" };

type StoredRange = { start: string; end: string; status?: "success" | "failed" };

/**
 * The console's last recorded mark per partition key of a plan. Counted: intents whose outcome is
 * ok, and intents whose outcome is unknown or missing (a crash or a timeout: CAN may have applied
 * them), flagged `unknown`. Rejected and error outcomes changed nothing and are skipped. Marks are
 * applied in the order their outcome (else intent) was recorded; later marks win.
 */
export async function lastMarksForPlan(tenantId: string, planUuid: string): Promise<LastMark[]> {
  return (await readPlanMarks(tenantId, planUuid)).marks;
}

/**
 * The plan's last marks, and the highest audit seq among the mark rows read (intents and outcomes):
 * a later mark row of the plan means these marks are no longer the whole story.
 */
export async function readPlanMarks(tenantId: string, planUuid: string): Promise<{ marks: LastMark[]; throughSeq: number }> {
  const rows = await marksQuery(await getDb()).execute({ tenantId, planUuid });
  const throughSeq = rows.reduce((top, r) => Math.max(top, r.seq, r.outcomeSeq ?? 0), 0);
  return { marks: lastMarksOf(rows), throughSeq };
}

/** The highest audit seq among the plan's mark rows now: the same rows readPlanMarks reads. */
export async function planMarksThrough(tenantId: string, planUuid: string): Promise<number> {
  const [row] = await throughQuery(await getDb()).execute({ tenantId, planUuid });
  return row?.seq ?? 0;
}

/** The columns keysOfMark needs from a mark intent row. */
export type MarkRow = { action: string; granularity: string | null; ranges: unknown };

/** Every key a mark intent names, with the status the mark gives it. */
export function* keysOfMark(r: MarkRow): Generator<{ key: string; status: LastMark["status"] }> {
  const g = r.granularity?.toUpperCase();
  if (!g || !isMarkableGranularity(g)) return;
  for (const range of (r.ranges as StoredRange[] | null) ?? []) {
    const status = r.action === "partition.clear" ? "cleared" : (range.status ?? (r.action === "partition.mark_failed" ? "failed" : "success"));
    let keys: string[];
    try {
      keys = rangesToKeys([{ start: range.start, end: range.end }], g);
    } catch {
      continue; // a malformed stored range cannot be drawn; verify still covers the row itself
    }
    for (const key of keys) yield { key, status };
  }
}

/** Rejected and error outcomes changed nothing; ok, unknown and missing ones may have. */
export const mayHaveApplied = (outcome: string | null): boolean => outcome !== "rejected" && outcome !== "error";

function lastMarksOf(rows: Awaited<ReturnType<ReturnType<typeof marksQuery>["execute"]>>): LastMark[] {
  const applied = rows.filter((r) => mayHaveApplied(r.outcome)).sort((a, b) => (a.outcomeSeq ?? a.seq) - (b.outcomeSeq ?? b.seq));
  const byKey = new Map<string, LastMark>();
  for (const r of applied) {
    const outcome = r.outcome === "ok" ? "ok" : "unknown";
    const at = (outcome === "ok" && r.outcomeAt ? r.outcomeAt : r.at).toISOString();
    const actorKind = actorKindOf(r.actorUserId);
    for (const { key, status } of keysOfMark(r)) byKey.set(key, { key, status, at, actor: r.actor, actorKind, outcome });
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
