import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { getTableColumns, sql } from "drizzle-orm";
import { queryRows } from "@/lib/db";
import { auditChainHead, auditLog } from "@/lib/db/schema";
import { readHead, type ChainHead } from "./append-statement";
import { GENESIS_HASH } from "./canonical";
import { chainContents, type AuditContent } from "./chain";
import type { AuditRow } from "./types";
import { resolveAuditKey } from "./mac";
import { NO_MARK_COLUMNS } from "./event-content";

/**
 * Years of a busy tenant's audit log in minutes, for the bench and for sizing: marks (an intent and
 * its outcome), machine marks, outside changes and admin events, spread evenly over the `days`
 * before `endAt` (now). The rows are chained and MAC'd exactly as the app appends them (chainContents, then the
 * append statement that moves the chain head), so `npm run audit -- verify` accepts the result.
 * Deterministic for a seed, so two runs make the same plans, actors and mix.
 */
export type GenerateOptions = { rows: number; days?: number; endAt?: Date; batch?: number; seed?: number; onProgress?: (written: number) => void };

export const GENERATED_PLANS = 300;
export const GENERATED_PEOPLE = 40;
export const GENERATED_MACHINES = 5;

const WORDS = ["orders", "revenue", "clickstream", "events", "users", "payments", "inventory", "sessions", "ads", "refunds", "shipments", "search"];
const SUFFIXES = ["daily", "monthly", "hourly", "10y", "backfill", "rollup"];

export function generatedPlan(i: number): { uuid: string; name: string } {
  const hex = (i + 1).toString(16).padStart(12, "0");
  const name = `${WORDS[i % WORDS.length]}_${WORDS[Math.floor(i / WORDS.length) % WORDS.length]}_${SUFFIXES[i % SUFFIXES.length]}_${i}`;
  return { uuid: `00000000-0000-4000-8000-${hex}`, name };
}

export const generatedPerson = (i: number) => `user${String(i + 1).padStart(2, "0")}`;

/** mulberry32: a small, fast, seedable generator; good enough to mix rows. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Draft = { content: AuditContent; outcomeOf?: number };

const base = { ...NO_MARK_COLUMNS, details: null, requestId: null, ip: null, userAgent: null } satisfies Partial<AuditContent>;

function drafts(rand: () => number, count: number): Draft[] {
  const out: Draft[] = [];
  const pick = (n: number) => Math.floor(rand() * n);
  while (out.length < count) {
    const roll = rand();
    const machine = rand() < 0.2;
    const m = pick(GENERATED_MACHINES);
    const actor = machine
      ? { actorUserId: `token:tok${m}`, actorUsername: `scheduler-${m}`, actorRole: "operator" }
      : { actorUserId: `u${pick(GENERATED_PEOPLE)}`, actorUsername: generatedPerson(pick(GENERATED_PEOPLE)), actorRole: "operator" };
    const plan = generatedPlan(pick(GENERATED_PLANS));
    if (roll < 0.9 || count - out.length < 2) {
      // A mark: its intent, then (almost always) its outcome right after it.
      const day = `2024-${String(1 + pick(12)).padStart(2, "0")}-${String(1 + pick(28)).padStart(2, "0")}`;
      const clear = rand() < 0.1;
      const mark = {
        ...base,
        ...actor,
        action: clear ? "partition.clear" : "partition.mark_success",
        planUuid: plan.uuid,
        planName: plan.name,
        granularity: "DAY",
        ranges: [{ start: day, end: day }],
        partitionCount: 1,
        statusesBefore: { failed: 1 },
        canEndpoint: clear ? "clearPartition" : "updatePartition",
        requestId: `req-${out.length}`,
        ip: "10.0.0.1",
        userAgent: machine ? "scheduler/1.0" : "Mozilla/5.0",
        details: machine ? { machine: { tokenId: `tok${m}`, tokenName: `scheduler-${m}` } } : null,
      };
      const intentAt = out.length;
      out.push({ content: { ...mark, phase: "intent", canRequest: `{"planUuid":"${plan.uuid}"}` } });
      const o = rand();
      if (o < 0.02 || out.length >= count) continue; // no outcome: a crash between the call and its record
      const outcome = o < 0.92 ? "ok" : o < 0.96 ? "rejected" : o < 0.98 ? "error" : "unknown";
      const outcomeDetail =
        outcome === "rejected"
          ? { code: "400", errorMsg: "partition locked" }
          : outcome === "error"
            ? { kind: "timeout" }
            : outcome === "unknown"
              ? { reason: "timeout" }
              : null;
      out.push({ content: { ...mark, phase: "outcome", outcome, outcomeDetail }, outcomeOf: intentAt });
    } else if (roll < 0.97) {
      out.push({
        content: {
          ...base,
          actorUserId: null,
          actorUsername: "outside CAN",
          actorRole: null,
          action: "partition.observed",
          phase: "event",
          planUuid: plan.uuid,
          planName: plan.name,
          details: { interval: { from: "2024-01-01T00:00:00.000Z", to: "2024-01-01T00:05:00.000Z" } },
        },
      });
    } else {
      const action = ["role.grant", "role.revoke", "token.create", "audit.export"][pick(4)]!;
      out.push({ content: { ...base, ...actor, action, phase: "event", details: { note: "generated" } } });
    }
  }
  return out;
}

/** Appends `rows` generated rows to the tenant's chain, `batch` rows per statement; returns the head. */
export async function generateAuditRows(db: Db, tenantId: string, options: GenerateOptions): Promise<{ seq: number; hash: string }> {
  const key = await resolveAuditKey(db);
  const batch = Math.max(2, Math.min(options.batch ?? 1000, 2000)); // 27 parameters a row: under the 65,535 limit
  const rand = random(options.seed ?? 1);
  const spanMs = (options.days ?? 5 * 365) * 86_400_000;
  const start = (options.endAt?.getTime() ?? Date.now()) - spanMs;
  const step = spanMs / Math.max(1, options.rows);
  let head = await readHead(db, tenantId, { seq: 0, hash: GENESIS_HASH });
  let written = 0;
  while (written < options.rows) {
    const n = Math.min(batch, options.rows - written);
    const list = drafts(rand, n);
    const first = written;
    // Ids first: an outcome's content names its intent's id, which its hash covers.
    const ids = list.map(() => randomUUID());
    const contents = list.map((d) => (d.outcomeOf === undefined ? d.content : { ...d.content, intentId: ids[d.outcomeOf]! }));
    const rows = chainContents(
      tenantId,
      head,
      contents,
      key,
      (i) => new Date(Math.floor(start + (first + i) * step)),
      (i) => ids[i]!,
    );
    if (!(await appendUnnested(db, tenantId, head, rows))) throw new Error(`audit chain ${tenantId}: another writer appended during generation`);
    const last = rows.at(-1)!;
    head = { seq: last.seq, hash: last.hash };
    written += n;
    options.onProgress?.(written);
  }
  return head;
}

const COLUMNS = Object.entries(getTableColumns(auditLog));

/**
 * The append statement of lib/audit/append-statement.ts (the head moves from `from` or nothing is
 * written), with the rows passed as one text array per column and unnested: 27 parameters a batch
 * instead of 27 a row, which the database parses and plans once. About 4× faster for bulk rows.
 */
async function appendUnnested(db: Db, tenantId: string, from: ChainHead, rows: readonly AuditRow[]): Promise<boolean> {
  const last = rows.at(-1);
  if (!last) return true;
  const arrays = COLUMNS.map(([key, column]) =>
    rows.map((row) => {
      const value = (row as Record<string, unknown>)[key];
      if (value === null || value === undefined) return null;
      const driverValue = column.mapToDriverValue(value);
      return typeof driverValue === "string" ? driverValue : JSON.stringify(driverValue);
    }),
  );
  const names = sql.join(
    COLUMNS.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const aliases = COLUMNS.map((_, i) => `c${i}`);
  const selected = sql.join(
    COLUMNS.map(([, column], i) => sql.raw(`u.c${i}::${column.getSQLType()}`)),
    sql`, `,
  );
  const unnested = sql.join(
    arrays.map((values) => sql`${sql.param(values)}::text[]`),
    sql`, `,
  );
  const inserted = await queryRows<{ n: number }>(
    db,
    sql`with moved as (
      update ${auditChainHead} set "seq" = ${last.seq}, "hash" = ${last.hash}, "updated_at" = ${last.at.toISOString()}::timestamptz
      where "tenant_id" = ${tenantId} and "seq" = ${from.seq} and "hash" = ${from.hash}
      returning 1
    ), ins as (
      insert into ${auditLog} (${names})
      select ${selected} from unnest(${unnested}) as u(${sql.raw(aliases.join(", "))})
      where exists (select 1 from moved)
      returning 1
    )
    select count(*)::int as n from ins`,
  );
  return inserted[0]?.n === rows.length;
}
