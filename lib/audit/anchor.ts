import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { auditChainHead, auditLog } from "@/lib/db/schema";
import { appendAuditRow } from "./chain";
import { eventContent } from "./event-content";
import { signCheckpoint, type Checkpoint } from "./checkpoint";
import { resolveAuditKey } from "./mac";
import { storeCheckpoint } from "./stored-checkpoints";
import type { AuditActor } from "./types";
import { listChains, verifyChain, type ChainReport } from "./verify";

/**
 * Chains whose newest row was written before audit MACs get one MAC'd `audit.mac_start` row: its
 * MAC covers its hash, which covers every row before it through prev_hash. Only a chain that
 * verifies in every other respect is sealed, so a tampered legacy chain is never vouched for.
 */
export async function sealLegacyChains(db: Db, actor: AuditActor): Promise<{ sealed: string[]; broken: ChainReport[] }> {
  const key = await resolveAuditKey(db);
  const sealed: string[] = [];
  const broken: ChainReport[] = [];
  for (const tenantId of await listChains(db)) {
    const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.tenantId, tenantId));
    if (!head || head.seq === 0) continue;
    const [newest] = await db
      .select({ mac: auditLog.mac })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.seq, head.seq)));
    if (newest && newest.mac !== null) continue;
    const report = await verifyChain(db, tenantId, { key });
    if (!report.ok && !report.problem?.unsealed) {
      broken.push(report);
      continue;
    }
    await appendAuditRow(db, tenantId, eventContent("audit.mac_start", actor, { legacyThroughSeq: head.seq, keyId: key.id }));
    sealed.push(tenantId);
  }
  return { sealed, broken };
}

/**
 * Signed checkpoints of every chain's head (or one chain's), after sealing legacy chains and a full
 * verify; each is also stored in the database. A chain that does not verify gets no checkpoint:
 * signing it would vouch for the tampering.
 */
export async function takeCheckpoints(db: Db, actor: AuditActor, tenantId?: string): Promise<{ checkpoints: Checkpoint[]; broken: ChainReport[] }> {
  const key = await resolveAuditKey(db);
  const { broken } = await sealLegacyChains(db, actor);
  const checkpoints: Checkpoint[] = [];
  for (const t of tenantId ? [tenantId] : await listChains(db)) {
    if (broken.some((b) => b.tenantId === t)) continue;
    const report = await verifyChain(db, t, { key });
    if (!report.ok) broken.push(report);
    else if (report.headSeq !== null && report.headHash !== null) {
      const checkpoint = signCheckpoint(key, { tenantId: t, seq: report.headSeq, hash: report.headHash, at: new Date().toISOString() });
      // Kept in the database too: `verify --since-checkpoint` starts after it.
      await storeCheckpoint(db, checkpoint);
      checkpoints.push(checkpoint);
    }
  }
  return { checkpoints, broken: tenantId ? broken.filter((b) => b.tenantId === tenantId) : broken };
}
