// API tokens, the idempotency ledger and the per-token rate limit, on the real database (PGlite here,
// PostgreSQL in npm test's second pass): what the `/can` API relies on across instances.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimIdempotencyKey, IDEMPOTENCY_WINDOW_MS, recordIdempotentAnswer } from "@/lib/can-api/idempotency";
import { countApiRequest } from "@/lib/can-api/rate-limit";
import { queryRows } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { withTestDb } from "@/tests/support/test-db";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken, type TokenChange } from "./api-tokens";

const testDb = withTestDb();
const by: TokenChange = { by: { userId: "u-admin", username: "admin", role: "admin" }, meta: { ip: "10.0.0.1", userAgent: "test", requestId: "r-1" } };

describe("API tokens", () => {
  it("shows the secret once, stores only its hash, and authenticates it", async () => {
    const { token, view } = await createApiToken({ tenantId: "acme", name: "airflow-prod", role: "operator", expiresAt: null }, by);
    expect(token).toMatch(/^cpc_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    const secret = token.split("_").slice(2).join("_");
    const rows = await queryRows<Record<string, unknown>>(testDb.current().db, sql`select * from api_token where id = ${view.id}`);
    expect(JSON.stringify(rows)).not.toContain(secret);
    const check = await authenticateApiToken(token, "10.1.2.3");
    expect(check).toMatchObject({ ok: true, token: { id: view.id, tenantId: "acme", role: "operator", name: "airflow-prod" } });
    const [listed] = (await listApiTokens("acme")).filter((t) => t.id === view.id);
    expect(listed).toMatchObject({ lastUsedIp: "10.1.2.3", status: "active", createdBy: "admin" });
    expect(listed?.lastUsedAt).not.toBeNull();
  });

  it("refuses a malformed token, a wrong secret for a real id, a revoked and an expired token", async () => {
    const { token, view } = await createApiToken({ tenantId: "acme", name: "cron-1", role: "viewer", expiresAt: null }, by);
    expect(await authenticateApiToken("sk-sandbox-acme-7d41c9e2b8", null)).toEqual({ ok: false, why: "malformed" });
    const wrong = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await authenticateApiToken(wrong, null)).toEqual({ ok: false, why: "unknown" });
    await revokeApiToken("acme", view.id, by);
    expect(await authenticateApiToken(token, null)).toEqual({ ok: false, why: "revoked" });

    const soon = await createApiToken({ tenantId: "acme", name: "short-lived", role: "operator", expiresAt: new Date(Date.now() + 1_000) }, by);
    expect((await authenticateApiToken(soon.token, null)).ok).toBe(true);
    await testDb.current().db.execute(sql`update api_token set expires_at = now() - interval '1 second' where id = ${soon.view.id}`);
    expect(await authenticateApiToken(soon.token, null)).toEqual({ ok: false, why: "expired" });
  });

  it("keeps names unique among a tenant's live tokens, scopes revoking to the tenant, and audits both", async () => {
    const first = await createApiToken({ tenantId: "acme", name: "dolphin", role: "operator", expiresAt: null }, by);
    await expect(createApiToken({ tenantId: "acme", name: "dolphin", role: "operator", expiresAt: null }, by)).rejects.toThrow(/already exists/);
    await createApiToken({ tenantId: "globex", name: "dolphin", role: "operator", expiresAt: null }, by);
    await expect(revokeApiToken("globex", first.view.id, by)).rejects.toThrow(/No live token/);
    await revokeApiToken("acme", first.view.id, by);
    await createApiToken({ tenantId: "acme", name: "dolphin", role: "operator", expiresAt: null }, by);
    const events = await queryRows<{ action: string; details: { tokenId: string } }>(
      testDb.current().db,
      sql`select action, details from audit_log where tenant_id = 'acme' and action like 'token.%' order by seq`,
    );
    expect(events.filter((e) => e.details.tokenId === first.view.id).map((e) => e.action)).toEqual(["token.create", "token.revoke"]);
  });

  it("refuses names that are not identifiers and expiries in the past", async () => {
    await expect(createApiToken({ tenantId: "acme", name: "has space", role: "operator", expiresAt: null }, by)).rejects.toThrow(/name/);
    await expect(createApiToken({ tenantId: "acme", name: "past", role: "operator", expiresAt: new Date(Date.now() - 1) }, by)).rejects.toThrow(/future/);
  });
});

describe("Idempotency-Key ledger", () => {
  it("claims a key once, replays its answer for the same body, refuses another body", async () => {
    expect(await claimIdempotencyKey("tok1", "k-1", "hash-a")).toEqual({ state: "new" });
    expect(await claimIdempotencyKey("tok1", "k-1", "hash-a")).toEqual({ state: "in-progress" });
    await recordIdempotentAnswer("tok1", "k-1", 200, '{"success":true}');
    expect(await claimIdempotencyKey("tok1", "k-1", "hash-a")).toEqual({ state: "replay", httpStatus: 200, answer: '{"success":true}' });
    expect(await claimIdempotencyKey("tok1", "k-1", "hash-b")).toEqual({ state: "other-body" });
    // Keys belong to their token.
    expect(await claimIdempotencyKey("tok2", "k-1", "hash-b")).toEqual({ state: "new" });
  });

  it("lets exactly one of many concurrent claims win", async () => {
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimIdempotencyKey("tok1", "race", "h")));
    expect(claims.filter((c) => c.state === "new")).toHaveLength(1);
  });

  it("forgets a key after 24 hours", async () => {
    const long = new Date(Date.now() - IDEMPOTENCY_WINDOW_MS - 1_000);
    expect(await claimIdempotencyKey("tok1", "old", "h1", long)).toEqual({ state: "new" });
    await recordIdempotentAnswer("tok1", "old", 200, "{}");
    expect(await claimIdempotencyKey("tok1", "old", "h2")).toEqual({ state: "new" });
  });
});

describe("per-token rate limit", () => {
  it("counts a token's requests per minute in the database and answers when the next window opens", async () => {
    process.env.CAN_API_RATE_PER_MINUTE = "3";
    resetEnvForTests();
    try {
      const at = new Date("2026-12-05T10:00:15Z");
      const verdicts = [];
      for (let i = 0; i < 4; i++) verdicts.push(await countApiRequest("tok-rate", at));
      expect(verdicts.slice(0, 3).every((v) => v.ok)).toBe(true);
      expect(verdicts[3]).toEqual({ ok: false, limit: 3, retryAfterSeconds: 45 });
      expect(await countApiRequest("another-token", at)).toEqual({ ok: true });
      // A new minute opens a new window and drops the old one.
      expect(await countApiRequest("tok-rate", new Date("2026-12-05T10:01:00Z"))).toEqual({ ok: true });
      const windows = await queryRows<{ n: number }>(testDb.current().db, sql`select count(*)::int as n from api_rate_window where token_id = 'tok-rate'`);
      expect(windows[0]?.n).toBe(1);
    } finally {
      delete process.env.CAN_API_RATE_PER_MINUTE;
      resetEnvForTests();
    }
  });
});
