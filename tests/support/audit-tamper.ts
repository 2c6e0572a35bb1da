import { eq, sql, type SQL } from "drizzle-orm";
import { GENESIS_HASH } from "@/lib/audit/canonical";
import { hashRow } from "@/lib/audit/chain";
import type { AuditRow } from "@/lib/audit/types";
import type { Db } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { asSuperuserBypassingTriggers } from "./test-db";

export const rowsOf = async (db: Db, tenant: string): Promise<AuditRow[]> =>
  (await db.select().from(auditLog).where(eq(auditLog.tenantId, tenant)).orderBy(auditLog.seq)) as AuditRow[];

/**
 * The attack the unkeyed chain cannot see, done as the database owner behind the trigger: edit row
 * `seq`, recompute its hash and every later row's prev_hash and hash with the public algorithm,
 * move the head. MACs stay as they were (or are stripped): forging one needs the key.
 */
export async function rewriteAsOwner(db: Db, tenant: string, seq: number, opts: { stripMacs?: boolean; disableTrigger?: boolean } = {}): Promise<void> {
  const rows = await rowsOf(db, tenant);
  let prev = rows[seq - 2]?.hash ?? GENESIS_HASH;
  const statements: SQL[] = [];
  for (const r of rows.filter((x) => x.seq >= seq)) {
    const next = { ...r, actorUsername: r.seq === seq ? "mallory" : r.actorUsername, prevHash: prev };
    const hash = hashRow(next);
    statements.push(sql`update audit_log set actor_username = ${next.actorUsername}, prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`);
    prev = hash;
  }
  if (opts.stripMacs) statements.push(sql`update audit_log set mac = null where tenant_id = ${tenant}`);
  statements.push(sql`update audit_chain_head set hash = ${prev} where tenant_id = ${tenant}`);
  if (!opts.disableTrigger) return asSuperuserBypassingTriggers(db, statements);
  // What the tables' owner (no superuser) can do: switch the trigger off around the edit.
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    for (const s of statements) await tx.execute(s);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}
