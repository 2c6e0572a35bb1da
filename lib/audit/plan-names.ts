import "server-only";
import { and, eq, gt, isNotNull, max, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";

type Known = { names: Set<string>; throughSeq: number };

/** Past this many new rows since the last look, the names are read whole again (skip scan) rather than from the new rows. */
const REREAD_AFTER_ROWS = 20_000;
const known = new WeakMap<Db, Map<string, Known>>();

/**
 * Every plan name a tenant's audit rows carry (a few hundred even after years). The log is append
 * only, so the set only grows: it is kept per process with the seq it was read through, and a
 * later call adds the names of the rows appended since (one range of the (tenant, seq) index),
 * which also brings in names another instance appended. The first call reads them by skipping
 * through the (tenant, plan name, seq) index, one probe per distinct name.
 */
export async function tenantPlanNames(db: Db, tenantId: string): Promise<ReadonlySet<string>> {
  let byTenant = known.get(db);
  if (!byTenant) known.set(db, (byTenant = new Map()));
  const [head] = await db
    .select({ seq: max(auditLog.seq) })
    .from(auditLog)
    .where(eq(auditLog.tenantId, tenantId));
  const headSeq = Number(head?.seq ?? 0);
  const cached = byTenant.get(tenantId);
  if (cached && cached.throughSeq >= headSeq) return cached.names;
  if (cached && headSeq - cached.throughSeq <= REREAD_AFTER_ROWS) {
    const added = await db
      .selectDistinct({ name: auditLog.planName })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), gt(auditLog.seq, cached.throughSeq), isNotNull(auditLog.planName)));
    for (const { name } of added) if (name !== null) cached.names.add(name);
    cached.throughSeq = headSeq;
    return cached.names;
  }
  // Rows appended between reading the head and this scan are read again next time: the set dedups.
  const rows = await queryRows<{ name: string }>(
    db,
    sql`with recursive names(name) as (
      (select ${auditLog.planName} from ${auditLog} where ${auditLog.tenantId} = ${tenantId} and ${auditLog.planName} is not null order by ${auditLog.planName} limit 1)
      union all
      select (select ${auditLog.planName} from ${auditLog} where ${auditLog.tenantId} = ${tenantId} and ${auditLog.planName} > names.name order by ${auditLog.planName} limit 1)
      from names where names.name is not null
    )
    select name from names where name is not null`,
  );
  const fresh = { names: new Set(rows.map((r) => r.name)), throughSeq: headSeq };
  byTenant.set(tenantId, fresh);
  return fresh.names;
}
