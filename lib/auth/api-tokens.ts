import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { recordAdminEvent, type AuditActor } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { apiToken } from "@/lib/db/schema";
import type { RequestMeta } from "./roles";

// API tokens for schedulers and scripts: one tenant, one role (viewer or operator, never admin),
// an optional expiry. The secret is shown once; only its SHA-256 is stored (the secret is 32 random
// bytes, so a fast hash is enough: there is nothing to guess). Shared by the admin page, the users
// CLI and the `/can` API.

export const API_TOKEN_ROLES = ["viewer", "operator"] as const;
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];
export const TOKEN_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** The token's public id: not secret, so its small modulo bias does not matter. */
const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const TOKEN_PATTERN = /^cpc_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
/** Writing "last used" on every request would serialize a busy scheduler on one row. */
const LAST_USED_RESOLUTION_MS = 30_000;

export class ApiTokenError extends Error {
  override name = "ApiTokenError";
}

export type ApiTokenView = {
  id: string;
  tenantId: string;
  name: string;
  role: ApiTokenRole;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  /** As of the read. */
  status: "active" | "expired" | "revoked";
};

export type TokenChange = { by: AuditActor; meta: RequestMeta | null };

const hashSecret = (secret: string) => createHash("sha256").update(secret).digest();

function viewOf(row: typeof apiToken.$inferSelect): ApiTokenView {
  return {
    id: row.id,
    tenantId: row.tenantId,
    name: row.name,
    role: row.role as ApiTokenRole,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: row.lastUsedIp,
    status: row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt.getTime() <= Date.now() ? "expired" : "active",
  };
}

/** Creates a token and returns its secret: the only time anyone sees it. Audited on the tenant's chain. */
export async function createApiToken(
  input: { tenantId: string; name: string; role: ApiTokenRole; expiresAt: Date | null },
  change: TokenChange,
): Promise<{ token: string; view: ApiTokenView }> {
  if (!TOKEN_NAME_PATTERN.test(input.name))
    throw new ApiTokenError("A token name is 1–64 of: letters, digits, '.', '_' or '-', starting with a letter or digit.");
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw new ApiTokenError("The expiry must be in the future.");
  const db = await getDb();
  const [live] = await db
    .select({ id: apiToken.id })
    .from(apiToken)
    .where(and(eq(apiToken.tenantId, input.tenantId), eq(apiToken.name, input.name), isNull(apiToken.revokedAt)));
  if (live) throw new ApiTokenError(`A token named ${input.name} already exists in this tenant: revoke it first, or choose another name.`);
  const id = Array.from(randomBytes(12), (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("");
  const secret = randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(apiToken)
    .values({
      id,
      tenantId: input.tenantId,
      name: input.name,
      role: input.role,
      secretHash: hashSecret(secret).toString("hex"),
      createdBy: change.by.username,
      expiresAt: input.expiresAt,
    })
    .returning();
  await recordAdminEvent({
    action: "token.create",
    tenantId: input.tenantId,
    actor: change.by,
    meta: change.meta,
    details: { tokenId: id, name: input.name, role: input.role, expiresAt: input.expiresAt?.toISOString() ?? null },
  });
  return { token: `cpc_${id}_${secret}`, view: viewOf(row!) };
}

export async function listApiTokens(tenantId: string): Promise<ApiTokenView[]> {
  const db = await getDb();
  const rows = await db.select().from(apiToken).where(eq(apiToken.tenantId, tenantId)).orderBy(desc(apiToken.createdAt));
  return rows.map(viewOf);
}

/** Revokes a live token of the tenant; takes effect at the next request on every instance. */
export async function revokeApiToken(tenantId: string, tokenId: string, change: TokenChange): Promise<ApiTokenView> {
  const db = await getDb();
  const [row] = await db
    .update(apiToken)
    .set({ revokedAt: new Date(), revokedBy: change.by.username })
    .where(and(eq(apiToken.id, tokenId), eq(apiToken.tenantId, tenantId), isNull(apiToken.revokedAt)))
    .returning();
  if (!row) throw new ApiTokenError("No live token with that id in this tenant.");
  await recordAdminEvent({ action: "token.revoke", tenantId, actor: change.by, meta: change.meta, details: { tokenId: row.id, name: row.name } });
  return viewOf(row);
}

export type TokenCheck = { ok: true; token: ApiTokenView } | { ok: false; why: "malformed" | "unknown" | "revoked" | "expired" };

/**
 * Who a presented token is: looked up by its public id, the secret compared in constant time, then
 * revocation and expiry. Nothing is cached, so a revocation holds at the next request everywhere.
 */
export async function authenticateApiToken(presented: string, ip: string | null): Promise<TokenCheck> {
  const m = TOKEN_PATTERN.exec(presented);
  if (!m) return { ok: false, why: "malformed" };
  const db = await getDb();
  const [row] = await db.select().from(apiToken).where(eq(apiToken.id, m[1]!));
  const expected = row ? Buffer.from(row.secretHash, "hex") : Buffer.alloc(32);
  const matches = timingSafeEqual(hashSecret(m[2]!), expected.length === 32 ? expected : Buffer.alloc(32));
  if (!row || !matches) return { ok: false, why: "unknown" };
  if (row.revokedAt) return { ok: false, why: "revoked" };
  const now = Date.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now) return { ok: false, why: "expired" };
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS || row.lastUsedIp !== ip) {
    await db
      .update(apiToken)
      .set({ lastUsedAt: new Date(now), lastUsedIp: ip })
      .where(eq(apiToken.id, row.id));
  }
  return { ok: true, token: viewOf(row) };
}
