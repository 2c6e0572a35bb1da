import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { auditChainHead, auditLog } from "@/lib/db/schema";
import { canonicalJson, GENESIS_HASH, sha256Hex } from "./canonical";
import { resolveAuditKey, rowMac } from "./mac";
import type { AuditRow } from "./types";

/** What a caller supplies; the chain fills in id, seq, time and hashes. */
export type AuditContent = Omit<AuditRow, "id" | "tenantId" | "seq" | "at" | "prevHash" | "hash" | "mac">;

const HASH_VERSION = 1;

/** sha256 over the canonical form of every column but `hash` and `mac` (prev_hash included). */
export function hashRow(row: Omit<AuditRow, "hash" | "mac">): string {
  return sha256Hex(
    canonicalJson({
      v: HASH_VERSION,
      id: row.id,
      tenantId: row.tenantId,
      seq: row.seq,
      at: row.at.toISOString(),
      actorUserId: row.actorUserId,
      actorUsername: row.actorUsername,
      actorRole: row.actorRole,
      action: row.action,
      phase: row.phase,
      intentId: row.intentId,
      planUuid: row.planUuid,
      planName: row.planName,
      granularity: row.granularity,
      ranges: row.ranges,
      partitionCount: row.partitionCount,
      statusesBefore: row.statusesBefore,
      canEndpoint: row.canEndpoint,
      canRequest: row.canRequest,
      outcome: row.outcome,
      outcomeDetail: row.outcomeDetail,
      details: row.details,
      requestId: row.requestId,
      ip: row.ip,
      userAgent: row.userAgent,
      prevHash: row.prevHash,
    }),
  );
}

/**
 * Appends one row to a tenant's chain. The chain head row is locked (FOR UPDATE) inside the
 * transaction, so appends to one tenant are serialized by the database across connections and app
 * instances; different tenants never wait for each other. Throws when the write fails, and when
 * there is no audit key to MAC the row with (no row is written then).
 */
export async function appendAuditRow(db: Db, tenantId: string, content: AuditContent): Promise<AuditRow> {
  const key = await resolveAuditKey(db);
  return db.transaction(async (tx) => {
    await tx.insert(auditChainHead).values({ tenantId, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
    const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.tenantId, tenantId)).for("update");
    if (!head) throw new Error(`audit chain head for ${tenantId} is missing`);
    // jsonb keeps no `undefined`: normalise now so the hash covers exactly what is stored.
    const normalized = JSON.parse(JSON.stringify(content)) as AuditContent;
    const base: Omit<AuditRow, "hash" | "mac"> = {
      ...nullFilled(normalized),
      id: randomUUID(),
      tenantId,
      seq: head.seq + 1,
      at: new Date(),
      prevHash: head.hash,
    };
    const hash = hashRow(base);
    const row: AuditRow = { ...base, hash, mac: rowMac(key, { tenantId, seq: base.seq, hash }) };
    await tx.insert(auditLog).values(row);
    await tx.update(auditChainHead).set({ seq: row.seq, hash: row.hash, updatedAt: row.at }).where(eq(auditChainHead.tenantId, tenantId));
    return row;
  });
}

const NULLABLE = [
  "actorUserId", "actorRole", "intentId", "planUuid", "planName", "granularity", "ranges", "partitionCount", "statusesBefore",
  "canEndpoint", "canRequest", "outcome", "outcomeDetail", "details", "requestId", "ip", "userAgent",
] as const;

function nullFilled(content: AuditContent): AuditContent {
  const out = { ...content } as Record<string, unknown>;
  for (const key of NULLABLE) if (out[key] === undefined) out[key] = null;
  return out as AuditContent;
}
