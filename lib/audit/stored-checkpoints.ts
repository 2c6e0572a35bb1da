import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { auditCheckpoint } from "@/lib/db/schema";
import { readCheckpoints, type Checkpoint } from "./checkpoint";
import type { AuditKey } from "./mac";

/**
 * Signed checkpoints kept in the database, so `verify --since-checkpoint` can start at the newest
 * one instead of at row 1 (docs/decisions/0025-audit-log-at-scale.md). The signature is the one of
 * checkpoint files (lib/audit/checkpoint.ts): made with the audit key, which the database does not
 * hold, so a row here cannot be forged or moved by someone who can only write the database.
 */
export async function storeCheckpoint(db: Db, c: Checkpoint): Promise<void> {
  await db
    .insert(auditCheckpoint)
    .values({ tenantId: c.tenantId, seq: c.seq, hash: c.hash, at: new Date(c.at), keyId: c.keyId, sig: c.sig })
    .onConflictDoNothing();
}

export type StoredCheckpoint = { ok: true; checkpoint: Checkpoint } | { ok: false; seq: number; why: string } | null;

/** The tenant's newest stored checkpoint, refused (not skipped) when its signature does not hold. */
export async function newestStoredCheckpoint(db: Db, key: AuditKey, tenantId: string): Promise<StoredCheckpoint> {
  const [row] = await db.select().from(auditCheckpoint).where(eq(auditCheckpoint.tenantId, tenantId)).orderBy(desc(auditCheckpoint.seq)).limit(1);
  if (!row) return null;
  const line = JSON.stringify({ v: 1, tenantId: row.tenantId, seq: row.seq, hash: row.hash, at: row.at.toISOString(), keyId: row.keyId, sig: row.sig });
  const read = readCheckpoints(key, line);
  if (!read.ok) return { ok: false, seq: row.seq, why: read.why };
  const [checkpoint] = read.checkpoints;
  return checkpoint ? { ok: true, checkpoint } : { ok: false, seq: row.seq, why: "unreadable" };
}
