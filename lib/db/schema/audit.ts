import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const tz = { withTimezone: true } as const;

/**
 * The audit log: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE; see the custom
 * migration), hash-chained per tenant: `hash` = sha256(canonical(row without hash)), and the row's
 * `prev_hash` is the hash of the row before it in the same tenant (seq - 1). Nothing references
 * users by foreign key: a row must outlive the account it names.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: timestamp("at", tz).notNull(),
    actorUserId: text("actor_user_id"),
    actorUsername: text("actor_username").notNull(),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    phase: text("phase").notNull(),
    intentId: text("intent_id"),
    planUuid: text("plan_uuid"),
    planName: text("plan_name"),
    granularity: text("granularity"),
    ranges: jsonb("ranges"),
    partitionCount: integer("partition_count"),
    statusesBefore: jsonb("statuses_before"),
    canEndpoint: text("can_endpoint"),
    /** The exact JSON text sent to CAN (text, not jsonb, so key order and spelling are kept). */
    canRequest: text("can_request"),
    outcome: text("outcome"),
    outcomeDetail: jsonb("outcome_detail"),
    details: jsonb("details"),
    requestId: text("request_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    /**
     * HMAC of (tenant, seq, hash) under the audit key, which the database never holds (outside demo
     * mode). Null only on rows written before MACs existed; a later MAC'd row covers them.
     */
    mac: text("mac"),
  },
  (t) => [
    uniqueIndex("audit_log_tenant_seq_idx").on(t.tenantId, t.seq),
    index("audit_log_tenant_plan_idx").on(t.tenantId, t.planUuid, t.seq),
    index("audit_log_tenant_at_idx").on(t.tenantId, t.at),
    // The audit page's filters, each answering its first page from an index at millions of rows
    // (docs/decisions/0025-audit-log-at-scale.md).
    index("audit_log_tenant_actor_idx").on(t.tenantId, t.actorUsername, t.seq),
    index("audit_log_tenant_action_idx").on(t.tenantId, t.action, t.seq),
    index("audit_log_tenant_outcome_idx")
      .on(t.tenantId, t.outcome, t.seq)
      .where(sql`${t.phase} = 'outcome'`),
    // The plan filter's name search: the tenant's distinct names are read by skipping through this
    // index, matched, and each matching name's rows come from it in seq order.
    index("audit_log_tenant_plan_name_idx").on(t.tenantId, t.planName, t.seq),
    // A mark's reverts (intents whose details name it in `revertOf`), found per page of history
    // without reading the tenant's rows (docs/decisions/0029-revert-a-mark.md).
    index("audit_log_revert_of_idx")
      .on(t.tenantId, sql`(${t.details}->>'revertOf')`)
      .where(sql`${t.phase} = 'intent' and ${t.details} ? 'revertOf'`),
    // Exactly one outcome per intent, whichever instance writes it.
    uniqueIndex("audit_log_outcome_of_intent_idx")
      .on(t.intentId)
      .where(sql`${t.phase} = 'outcome'`),
    check("audit_log_phase_check", sql`${t.phase} in ('intent', 'outcome', 'event')`),
    check("audit_log_outcome_check", sql`${t.outcome} is null or ${t.outcome} in ('ok', 'rejected', 'error', 'unknown')`),
  ],
);

/**
 * One row per chain: the last appended seq and hash. An append moves it only from the head it
 * chained its rows onto, in the statement that inserts them (lib/audit/append-statement.ts), which
 * serializes appends per tenant across connections and instances.
 * `verify` also compares it with the last row, so deleting the newest rows is caught too.
 */
export const auditChainHead = pgTable("audit_chain_head", {
  tenantId: text("tenant_id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
  updatedAt: timestamp("updated_at", tz).defaultNow().notNull(),
});

/**
 * Signed checkpoints kept in the database: "tenant T's chain verified whole through row `seq`, whose
 * hash is `hash`", signed with the audit key (lib/audit/checkpoint.ts), which the database does not
 * hold. `npm run audit -- verify --since-checkpoint` walks only the rows after the newest one whose
 * signature holds (docs/decisions/0025-audit-log-at-scale.md says what that proves and what not).
 */
export const auditCheckpoint = pgTable(
  "audit_checkpoint",
  {
    tenantId: text("tenant_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
    at: timestamp("at", tz).notNull(),
    keyId: text("key_id").notNull(),
    sig: text("sig").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.seq] })],
);
