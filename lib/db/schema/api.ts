import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const tz = { withTimezone: true } as const;

/**
 * API tokens for schedulers and scripts, one tenant each. Only a hash of the secret is kept; `id` is
 * the public part of the token (`cpc_<id>_<secret>`), so a lookup never compares secrets in SQL.
 * Revoked tokens stay, so the audit log's token ids keep pointing at a name.
 */
export const apiToken = pgTable(
  "api_token",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: timestamp("created_at", tz).defaultNow().notNull(),
    createdBy: text("created_by").notNull(),
    expiresAt: timestamp("expires_at", tz),
    revokedAt: timestamp("revoked_at", tz),
    revokedBy: text("revoked_by"),
    lastUsedAt: timestamp("last_used_at", tz),
    lastUsedIp: text("last_used_ip"),
  },
  (t) => [
    // A name means one live token per tenant (a revoked name may be reused).
    uniqueIndex("api_token_tenant_live_name_idx")
      .on(t.tenantId, t.name)
      .where(sql`${t.revokedAt} is null`),
    index("api_token_tenant_idx").on(t.tenantId),
    check("api_token_role_check", sql`${t.role} in ('viewer', 'operator')`),
  ],
);

/**
 * A machine's mark under an Idempotency-Key: the first request claims the key (state `pending`),
 * its answer is stored (`done`); the same key and body within 24 h gets that answer again.
 */
export const apiIdempotency = pgTable(
  "api_idempotency",
  {
    tokenId: text("token_id").notNull(),
    key: text("key").notNull(),
    bodyHash: text("body_hash").notNull(),
    state: text("state").notNull(),
    httpStatus: integer("http_status"),
    answer: text("answer"),
    createdAt: timestamp("created_at", tz).defaultNow().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tokenId, t.key] }),
    index("api_idempotency_created_idx").on(t.createdAt),
    check("api_idempotency_state_check", sql`${t.state} in ('pending', 'done')`),
  ],
);

/** Requests per token per fixed one-minute window, shared by every instance. */
export const apiRateWindow = pgTable(
  "api_rate_window",
  {
    tokenId: text("token_id").notNull(),
    windowStart: timestamp("window_start", tz).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.windowStart] })],
);
