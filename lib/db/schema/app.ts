import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth";

const tz = { withTimezone: true } as const;

/** A user's role in one tenant. Tenants live in the tenants file, so tenant_id is not a foreign key. */
export const tenantRole = pgTable(
  "tenant_role",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    tenantId: text("tenant_id").notNull(),
    role: text("role").notNull(),
    grantedAt: timestamp("granted_at", tz).defaultNow().notNull(),
    grantedBy: text("granted_by").notNull(),
    /** 'hand' (admin page, users CLI) or 'provider' (the OIDC roles file, replaced at every company sign-in). */
    source: text("source").notNull().default("hand"),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.tenantId] }),
    index("tenant_role_tenant_idx").on(t.tenantId),
    check("tenant_role_role_check", sql`${t.role} in ('viewer', 'operator', 'auditor', 'admin')`),
    check("tenant_role_source_check", sql`${t.source} in ('hand', 'provider')`),
  ],
);

/**
 * Sign-in attempts per bucket ("account:<name>" or "ip:<addr>"), so the limit holds across app
 * instances. Rows older than the window are deleted when their bucket is next checked.
 */
export const signinAttempt = pgTable(
  "signin_attempt",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    bucket: text("bucket").notNull(),
    at: timestamp("at", tz).defaultNow().notNull(),
  },
  (t) => [index("signin_attempt_bucket_at_idx").on(t.bucket, t.at)],
);

/**
 * Sign-in attempts the limiter refused, counted per limiting bucket and fixed window: a flood adds
 * one audit row per bucket and window (written with the first refusal), not one per attempt.
 */
export const signinRefusal = pgTable(
  "signin_refusal",
  {
    bucket: text("bucket").notNull(),
    windowStart: timestamp("window_start", tz).notNull(),
    refused: integer("refused").notNull(),
    lastAt: timestamp("last_at", tz).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), index("signin_refusal_window_idx").on(t.windowStart)],
);

/** TOTP codes already accepted, so a code cannot be used twice within its validity window. */
export const totpCodeUse = pgTable(
  "totp_code_use",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    usedAt: timestamp("used_at", tz).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.code] })],
);

/** Small shared settings, e.g. the demo-mode auth secret generated once for all instances. */
export const appSetting = pgTable("app_setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/**
 * The last full read of each plan's list, as CAN itself listed it (runs of listed statuses), so the
 * next read can tell what changed in between (lib/services/listing-observer.ts). `runs_hash` lets a
 * read that found nothing new move the snapshot forward in one UPDATE; `through_seq` is the plan's
 * audit position when the read began, so marks recorded after it can explain the next change.
 */
export const planListingSnapshot = pgTable(
  "plan_listing_snapshot",
  {
    tenantId: text("tenant_id").notNull(),
    planUuid: text("plan_uuid").notNull(),
    granularity: text("granularity").notNull(),
    runs: jsonb("runs").notNull(),
    runsHash: text("runs_hash").notNull(),
    throughSeq: bigint("through_seq", { mode: "number" }).notNull(),
    readAt: timestamp("read_at", tz).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.planUuid] })],
);
