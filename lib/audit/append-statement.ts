import "server-only";
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/lib/db";
import { auditChainHead, auditLog } from "@/lib/db/schema";
import type { AuditRow } from "./types";

export type ChainHead = { seq: number; hash: string };

const COLUMNS = Object.entries(getTableColumns(auditLog));

/** One row as a VALUES tuple, each value cast to its column's type (VALUES alone would type them text). */
function tuple(row: AuditRow): SQL {
  const values = COLUMNS.map(([key, column]) => {
    const value = (row as Record<string, unknown>)[key];
    const driverValue = value === null || value === undefined ? null : column.mapToDriverValue(value);
    return sql`${driverValue}::${sql.raw(column.getSQLType())}`;
  });
  return sql`(${sql.join(values, sql`, `)})`;
}

/**
 * Appends rows already chained onto `from` in one statement: the head moves from `from` to the last
 * row only if it is still at `from`, and the rows go in only if it moved. The UPDATE's row lock is
 * held for this one statement, so appends to one tenant wait on each other for one round trip, not
 * for a whole transaction. False when the head was elsewhere (another instance appended): nothing
 * was written.
 */
export async function appendChained(db: Db, tenantId: string, from: ChainHead, rows: readonly AuditRow[]): Promise<boolean> {
  const last = rows.at(-1);
  if (!last) return true;
  const names = sql.join(
    COLUMNS.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const inserted = await queryRows<{ id: string }>(
    db,
    sql`with moved as (
      update ${auditChainHead} set "seq" = ${last.seq}, "hash" = ${last.hash}, "updated_at" = ${last.at.toISOString()}::timestamptz
      where "tenant_id" = ${tenantId} and "seq" = ${from.seq} and "hash" = ${from.hash}
      returning 1
    )
    insert into ${auditLog} (${names})
    select * from (values ${sql.join(rows.map(tuple), sql`, `)}) as v
    where exists (select 1 from moved)
    returning "id"`,
  );
  return inserted.length === rows.length;
}

/** The chain's head as stored, created at genesis when the tenant has none yet. */
export async function readHead(db: Db, tenantId: string, genesis: ChainHead): Promise<ChainHead> {
  await db.insert(auditChainHead).values({ tenantId, seq: genesis.seq, hash: genesis.hash }).onConflictDoNothing();
  const [head] = await db
    .select({ seq: auditChainHead.seq, hash: auditChainHead.hash })
    .from(auditChainHead)
    .where(sql`${auditChainHead.tenantId} = ${tenantId}`);
  if (!head) throw new Error(`audit chain head for ${tenantId} is missing`);
  return head;
}
