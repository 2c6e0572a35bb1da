import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { outcomeOfIntent, outcomeRow as o } from "./outcome-join";
import type { AuditCursor, AuditFilters } from "@/lib/schemas/audit";
import { startOfDayIn } from "@/lib/time/format";
import { revertOfDetails } from "@/lib/marks/before-runs";
import { revertStateOf, type RevertLinks } from "@/lib/marks/revert-state";
import { OBSERVED_ACTION } from "./observed";
import { markSummaries, revertsOf } from "./revert-source";
import { packColumns, unpackColumns } from "./packed-row";
import { tenantPlanNames } from "./plan-names";
import type { OutcomeName } from "./types";

/** One line of the audit page: an intent with its outcome merged in, or a single event. */
export type AuditEntry = {
  id: string;
  seq: number;
  at: string;
  actor: string;
  /** A machine is an API token (its name is the actor); everyone else is a person (or the CLI). */
  actorKind: ActorKind;
  actorRole: string | null;
  action: string;
  phase: "intent" | "event";
  planUuid: string | null;
  planName: string | null;
  granularity: string | null;
  ranges: { start: string; end: string; status?: string }[] | null;
  partitionCount: number | null;
  statusesBefore: Record<string, number> | null;
  canEndpoint: string | null;
  canRequest: string | null;
  /** null for events; `unknown` also when the intent has no outcome row (pending, or a crash). */
  outcome: OutcomeName | null;
  pending: boolean;
  outcomeAt: string | null;
  outcomeDetail: { code?: string; errorMsg?: string; detailErrorMsg?: string; traceId?: string; kind?: string; reason?: string } | null;
  details: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  hash: string;
};

export type ActorKind = "person" | "machine";
/** Rows written by an API token carry `token:<id>` as their actor id (lib/can-api/handle.ts). */
const MACHINE_ACTOR_PREFIX = "token:";
export const actorKindOf = (actorUserId: string | null): ActorKind => (actorUserId?.startsWith(MACHINE_ACTOR_PREFIX) ? "machine" : "person");
const isMachine = () => sql`${auditLog.actorUserId} like ${`${MACHINE_ACTOR_PREFIX}%`}`;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterConditions(tenantId: string, f: AuditFilters): SQL[] {
  const where: SQL[] = [eq(auditLog.tenantId, tenantId), inArray(auditLog.phase, ["intent", "event"])];
  // The plan filter (a uuid, or part of a name) is applied in branches: planBranches.
  if (f.actor) where.push(eq(auditLog.actorUsername, f.actor));
  if (f.by === "machines") where.push(isMachine());
  else if (f.by === "people") where.push(or(isNull(auditLog.actorUserId), sql`not (${isMachine()})`) as SQL);
  if (f.action) {
    where.push(f.action.endsWith(".*") ? sql`${auditLog.action} like ${`${escapeLike(f.action.slice(0, -1))}%`}` : eq(auditLog.action, f.action));
  }
  if (f.outcome === "unknown") {
    where.push(and(eq(auditLog.phase, "intent"), or(isNull(o.id), eq(o.outcome, "unknown"))) as SQL);
  } else if (f.outcome) {
    where.push(eq(o.outcome, f.outcome));
  }
  const { from, to } = dateBounds(f);
  if (from) where.push(gte(auditLog.at, from));
  if (to) where.push(lt(auditLog.at, to));
  return where;
}

/** Up to this many matching names are read one name at a time and merged; more, as one condition. */
const MERGED_NAMES = 8;

/**
 * The plan filter: rows of the plan with this uuid, or whose plan name contains the text in any
 * case. The name search is limited to an indexed field: it runs on the tenant's distinct plan names
 * (a few hundred even after years; lib/audit/plan-names.ts), never on the rows. Returns the
 * branches the page is read in, each answered in seq order by an index: the uuid by (tenant, plan,
 * seq), each matching name by (tenant, plan name, seq); their pages are merged. When many names
 * match, they are one branch: common enough that walking down the seq index finds a page soon.
 */
async function planBranches(db: Db, tenantId: string, f: AuditFilters): Promise<SQL[] | null> {
  if (!f.plan) return null;
  // The same test as ILIKE '%text%', on the few distinct names instead of on every row.
  const needle = f.plan.toLowerCase();
  const names = [...(await tenantPlanNames(db, tenantId))].filter((n) => n.toLowerCase().includes(needle)).sort();
  const byUuid = eq(auditLog.planUuid, f.plan);
  if (names.length > MERGED_NAMES) return [or(byUuid, inArray(auditLog.planName, names)) as SQL];
  return [byUuid, ...names.map((name) => eq(auditLog.planName, name))];
}

/** Whole days in the viewer's zone: from the start of `from` up to the start of the day after `to`. */
function dateBounds(f: AuditFilters): { from: Date | null; to: Date | null } {
  const zone = f.tz ?? "UTC";
  return {
    from: f.from ? startOfDayIn(f.from, zone) : null,
    to: f.to ? startOfDayIn(new Date(Date.parse(`${f.to}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10), zone) : null,
  };
}

/**
 * How far the clocks of two appenders may disagree. A row's time is taken by the instance that
 * appends it, just before the append, so a row appended later than another is never more than
 * this much older than it.
 */
const CLOCK_SLACK_MS = 60 * 60_000;

/**
 * A date range as a range of seq too, so the page walks the (tenant, seq) index only between the
 * two instead of from the newest row back to the range (years of rows for an old range). Each bound
 * is one probe of the (tenant, at) index. Every row appended before the newest row dated more than
 * CLOCK_SLACK_MS before `from` is dated before `from`, so rows in range have a greater seq than it;
 * every row appended after the oldest row dated more than CLOCK_SLACK_MS after `to` is dated after
 * `to`, so rows in range have a smaller seq. The exact time conditions still apply on top.
 */
async function seqWindow(db: Db, tenantId: string, f: AuditFilters): Promise<SQL[]> {
  const { from, to } = dateBounds(f);
  const out: SQL[] = [];
  if (from) {
    const [below] = await db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), lt(auditLog.at, new Date(from.getTime() - CLOCK_SLACK_MS))))
      .orderBy(desc(auditLog.at))
      .limit(1);
    if (below) out.push(gt(auditLog.seq, below.seq));
  }
  if (to) {
    const [above] = await db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), gte(auditLog.at, new Date(to.getTime() + CLOCK_SLACK_MS))))
      .orderBy(asc(auditLog.at))
      .limit(1);
    if (above) out.push(lt(auditLog.seq, above.seq));
  }
  return out;
}

const columns = {
  id: auditLog.id,
  seq: auditLog.seq,
  at: auditLog.at,
  actor: auditLog.actorUsername,
  actorUserId: auditLog.actorUserId,
  actorRole: auditLog.actorRole,
  action: auditLog.action,
  phase: auditLog.phase,
  planUuid: auditLog.planUuid,
  planName: auditLog.planName,
  granularity: auditLog.granularity,
  ranges: auditLog.ranges,
  partitionCount: auditLog.partitionCount,
  statusesBefore: auditLog.statusesBefore,
  canEndpoint: auditLog.canEndpoint,
  canRequest: auditLog.canRequest,
  details: auditLog.details,
  requestId: auditLog.requestId,
  ip: auditLog.ip,
  userAgent: auditLog.userAgent,
  hash: auditLog.hash,
  outcomeId: o.id,
  outcome: o.outcome,
  outcomeAt: o.at,
  outcomeDetail: o.outcomeDetail,
};

const packedRow = packColumns(columns);
const unpackRow = unpackColumns(columns);

type Selected = {
  [K in keyof typeof columns]: (typeof columns)[K]["_"]["notNull"] extends true ? (typeof columns)[K]["_"]["data"] : (typeof columns)[K]["_"]["data"] | null;
};

/** One row of the export: every column of `columns` packed into one JSON array in the database. */
const readPacked: ReadBranch<Selected> = async (db, where, goingNewer, limit) => {
  const rows = await db
    .select({ packed: packedRow })
    .from(auditLog)
    .leftJoin(o, outcomeOfIntent)
    .where(where)
    .orderBy(goingNewer ? asc(auditLog.seq) : desc(auditLog.seq))
    .limit(limit);
  return rows.map((r) => unpackRow(r.packed) as Selected);
};

function toEntry(r: Selected): AuditEntry {
  const isIntent = r.phase === "intent";
  return {
    id: r.id,
    seq: r.seq,
    at: r.at.toISOString(),
    actor: r.actor,
    actorKind: actorKindOf(r.actorUserId),
    actorRole: r.actorRole,
    action: r.action,
    phase: isIntent ? "intent" : "event",
    planUuid: r.planUuid,
    planName: r.planName,
    granularity: r.granularity,
    ranges: r.ranges as AuditEntry["ranges"],
    partitionCount: r.partitionCount,
    statusesBefore: r.statusesBefore as AuditEntry["statusesBefore"],
    canEndpoint: r.canEndpoint,
    canRequest: r.canRequest,
    outcome: isIntent ? ((r.outcome as OutcomeName | null) ?? "unknown") : null,
    pending: isIntent && r.outcomeId === null,
    outcomeAt: r.outcomeAt ? r.outcomeAt.toISOString() : null,
    outcomeDetail: r.outcomeDetail as AuditEntry["outcomeDetail"],
    details: r.details as AuditEntry["details"],
    requestId: r.requestId,
    ip: r.ip,
    userAgent: r.userAgent,
    hash: r.hash,
  };
}

export type AuditPage = { entries: AuditEntry[]; olderCursor: number | null; newerCursor: number | null };

/** Reads up to `limit` rows of one branch of the filtered log, in the page's seq order. */
type ReadBranch<R> = (db: Db, where: SQL | undefined, goingNewer: boolean, limit: number) => Promise<R[]>;

/**
 * The rows of one page, however they are selected: every filter's conditions, the date range's
 * seq window, the cursor, and the plan filter's branches merged in seq order. Returns up to
 * `limit` + 1 rows (one more tells whether there are more).
 */
async function pageRows<R extends { seq: number }>(
  tenantId: string,
  filters: AuditFilters,
  cursor: AuditCursor,
  limit: number,
  read: ReadBranch<R>,
): Promise<{ rows: R[]; goingNewer: boolean }> {
  const db = await getDb();
  const where = [...filterConditions(tenantId, filters), ...(await seqWindow(db, tenantId, filters))];
  const goingNewer = cursor.after !== undefined && cursor.before === undefined;
  if (cursor.before !== undefined) where.push(lt(auditLog.seq, cursor.before));
  if (goingNewer) where.push(gt(auditLog.seq, cursor.after ?? 0));
  const branches = (await planBranches(db, tenantId, filters)) ?? [undefined];
  // Each branch's first limit+1 rows hold the page's: merge them in seq order (a row in two
  // branches, its plan's uuid and its name, counts once).
  let rows: R[] = [];
  for (const branch of branches) rows.push(...(await read(db, and(...where, branch), goingNewer, limit + 1)));
  if (branches.length > 1) {
    rows = [...new Map(rows.map((r) => [r.seq, r])).values()].sort((a, b) => (goingNewer ? a.seq - b.seq : b.seq - a.seq)).slice(0, limit + 1);
  }
  return { rows, goingNewer };
}

/** The page's rows with every column drizzle maps: the audit page's 50 entries. */
const readColumns: ReadBranch<Selected> = (db, where, goingNewer, limit) =>
  db
    .select(columns)
    .from(auditLog)
    .leftJoin(o, outcomeOfIntent)
    .where(where)
    .orderBy(goingNewer ? asc(auditLog.seq) : desc(auditLog.seq))
    .limit(limit) as Promise<Selected[]>;

/**
 * Keyset paging on the chain's seq, newest first: `before` pages older, `after` pages newer. The
 * cost of a page does not grow with how far back it is.
 */
export async function listAudit(tenantId: string, filters: AuditFilters, cursor: AuditCursor, limit: number): Promise<AuditPage> {
  const { rows, goingNewer } = await pageRows(tenantId, filters, cursor, limit, readColumns);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (goingNewer) page.reverse();
  const entries = page.map(toEntry);
  const first = entries[0];
  const last = entries.at(-1);
  const hasOlder = goingNewer ? true : more;
  const hasNewer = goingNewer ? more : cursor.before !== undefined;
  return {
    entries,
    olderCursor: hasOlder && last ? last.seq : null,
    newerCursor: hasNewer && first ? first.seq : null,
  };
}

/** The export's page size: a page of 5,000 entries is a few MB of CSV, and fewer, larger queries. */
export const EXPORT_PAGE = 5000;

/**
 * Every entry matching the filters, newest first, fetched page by page: never all in memory. The
 * same rows as listAudit's pages, read as one JSON text per row (lib/audit/packed-row.ts): on
 * PGlite, decoding 25 columns a row in JS cost far more than the query.
 */
export async function* iterateAudit(tenantId: string, filters: AuditFilters, pageSize = EXPORT_PAGE): AsyncGenerator<AuditEntry[]> {
  let before: number | undefined;
  for (;;) {
    const { rows } = await pageRows(tenantId, filters, { before }, pageSize, readPacked);
    const page = rows.slice(0, pageSize);
    if (page.length > 0) yield page.map(toEntry);
    const last = page.at(-1);
    if (rows.length <= pageSize || !last) return;
    before = last.seq;
  }
}

export type PlanHistoryEntry = Pick<
  AuditEntry,
  "id" | "at" | "actor" | "actorKind" | "action" | "ranges" | "partitionCount" | "outcome" | "pending" | "outcomeAt" | "outcomeDetail" | "requestId"
> & {
  /** For changes seen from outside the console: between which two reads of CAN's list it happened. */
  interval: { from: string; to: string } | null;
  /** Whether it can be reverted, which mark it reverted, and its reverts (docs/decisions/0029-revert-a-mark.md). */
  revert: RevertLinks;
};

/** The revert links of a page of entries: one indexed query for the reverts that name them. */
export async function revertLinksFor(
  tenantId: string,
  entries: readonly Pick<AuditEntry, "id" | "action" | "outcome" | "pending" | "details">[],
): Promise<Map<string, RevertLinks>> {
  const states = entries.map((e) => ({ id: e.id, state: revertStateOf(e.action, e.outcome, e.pending, e.details), of: revertOfDetails(e.details) }));
  const [by, of] = await Promise.all([
    revertsOf(
      tenantId,
      states.filter((s) => s.state !== null).map((s) => s.id),
    ),
    markSummaries(tenantId, [...new Set(states.flatMap((s) => (s.of ? [s.of] : [])))]),
  ]);
  return new Map(states.map((s) => [s.id, { state: s.state, of: s.of ? (of.get(s.of) ?? null) : null, by: by.get(s.id) ?? [] }]));
}

/** A plan's marks and the changes seen from outside the console, newest first, for the plan page's History tab (no IPs or user agents). */
export async function listAuditForPlan(tenantId: string, planUuid: string, limit = 50): Promise<PlanHistoryEntry[]> {
  const db = await getDb();
  const rows = (await db
    .select(columns)
    .from(auditLog)
    .leftJoin(o, outcomeOfIntent)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.planUuid, planUuid), or(eq(auditLog.phase, "intent"), eq(auditLog.action, OBSERVED_ACTION))))
    .orderBy(desc(auditLog.seq))
    .limit(Math.max(1, Math.min(limit, 500)))) as Selected[];
  const entries = rows.map(toEntry);
  const links = await revertLinksFor(tenantId, entries);
  return entries.map(({ id, at, actor, actorKind, action, ranges, partitionCount, outcome, pending, outcomeAt, outcomeDetail, requestId, details }) => ({
    id,
    at,
    actor,
    actorKind,
    action,
    ranges,
    partitionCount,
    outcome,
    pending,
    outcomeAt,
    outcomeDetail,
    requestId,
    interval: action === OBSERVED_ACTION ? ((details?.interval as PlanHistoryEntry["interval"] | undefined) ?? null) : null,
    revert: links.get(id) ?? { state: null, of: null, by: [] },
  }));
}
