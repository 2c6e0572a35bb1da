import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { resolveAuthSecret } from "@/lib/auth/secret";
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";

/**
 * The key that MACs audit rows and signs checkpoints (docs/decisions/0010-audit-keyed-chain.md):
 * AUDIT_KEY, else AUTH_SECRET; never a value the database holds, except in demo mode, where
 * AUTH_SECRET itself is generated and kept in the database (`source: "demo"`).
 */
export type AuditKey = { key: Buffer; id: string; source: "AUDIT_KEY" | "AUTH_SECRET" | "demo" };

const derived = new Map<string, AuditKey>();
const demoSecrets = new WeakMap<Db, Promise<string>>();

export function deriveAuditKey(secret: string, source: AuditKey["source"]): AuditKey {
  const cached = derived.get(`${source}:${secret}`);
  if (cached) return cached;
  const key = createHmac("sha256", secret).update("can-console audit mac v1").digest();
  // Names the key in checkpoint files without revealing anything about it.
  const id = createHash("sha256").update("can-console audit key id").update(key).digest("hex").slice(0, 16);
  const made: AuditKey = { key, id, source };
  derived.set(`${source}:${secret}`, made);
  return made;
}

export async function resolveAuditKey(db: Db): Promise<AuditKey> {
  const env = getEnv();
  if (env.AUDIT_KEY) return deriveAuditKey(env.AUDIT_KEY, "AUDIT_KEY");
  if (env.AUTH_SECRET) return deriveAuditKey(env.AUTH_SECRET, "AUTH_SECRET");
  // resolveAuthSecret refuses outside demo mode; in demo mode it reads the database once per handle.
  let secret = demoSecrets.get(db);
  if (!secret) {
    secret = resolveAuthSecret(db);
    demoSecrets.set(db, secret);
    secret.catch(() => demoSecrets.delete(db));
  }
  return deriveAuditKey(await secret, "demo");
}

type MacInput = { tenantId: string; seq: number; hash: string };

/** The row hash covers the row and, through prev_hash, every row before it: a MAC of it covers them all. */
export function rowMac(k: AuditKey, r: MacInput): string {
  return createHmac("sha256", k.key)
    .update(JSON.stringify(["audit-row-v1", r.tenantId, r.seq, r.hash]))
    .digest("hex");
}

export function rowMacMatches(k: AuditKey, r: MacInput & { mac: string }): boolean {
  return hexEqual(r.mac, rowMac(k, r));
}

export function hexEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export function describeKey(k: AuditKey): string {
  if (k.source === "demo") {
    return `audit key ${k.id} from the demo AUTH_SECRET kept in this database: whoever can write the database can also forge MACs (set AUDIT_KEY or AUTH_SECRET)`;
  }
  return `audit key ${k.id} from ${k.source}`;
}
