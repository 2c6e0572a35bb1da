import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cookiesOf, passwordStep, sessionHeaders } from "@/tests/support/auth-helpers";
import { dbKind, withTestDb } from "@/tests/support/test-db";
import { resetEnvForTests } from "@/lib/env";
import { resetTenantsForTests } from "@/lib/tenants";
import { resetAuthForTests } from "./auth";
import { DEMO_PASSWORD, ensureDemoAccounts } from "./demo";
import { PERMISSIONS, type Permission } from "./roles";
import { createUser, grantRole } from "./users";

// The data-access layer reads the request through next/headers: here the test supplies it.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

const { authorizeTenant, getRequestMeta, getSessionUser, requirePageAccess, visibleTenantsFor } = await import("./dal");

withTestDb();

async function actAs(username: string | null, password = DEMO_PASSWORD): Promise<void> {
  if (!username) {
    request.headers = new Headers();
    return;
  }
  const out = await passwordStep(username, password, null);
  request.headers = sessionHeaders(cookiesOf(out));
}

/** What each demo user gets, per tenant and permission (ok, or the refusal code). */
const MATRIX: Record<string, Record<string, Record<Permission, string>>> = {
  admin: {
    acme: { "plans:read": "ok", "partitions:mark": "ok", "audit:read": "ok", "users:manage": "ok" },
    globex: { "plans:read": "ok", "partitions:mark": "ok", "audit:read": "ok", "users:manage": "ok" },
  },
  operator: {
    acme: { "plans:read": "ok", "partitions:mark": "ok", "audit:read": "FORBIDDEN", "users:manage": "FORBIDDEN" },
    globex: { "plans:read": "ok", "partitions:mark": "FORBIDDEN", "audit:read": "FORBIDDEN", "users:manage": "FORBIDDEN" },
  },
  viewer: {
    acme: { "plans:read": "ok", "partitions:mark": "FORBIDDEN", "audit:read": "FORBIDDEN", "users:manage": "FORBIDDEN" },
    globex: { "plans:read": "NOT_FOUND", "partitions:mark": "NOT_FOUND", "audit:read": "NOT_FOUND", "users:manage": "NOT_FOUND" },
  },
};

describe(`data-access layer, demo mode (${dbKind})`, () => {
  beforeAll(async () => {
    await ensureDemoAccounts();
  });

  for (const [user, tenants] of Object.entries(MATRIX)) {
    it(`${user}: every tenant × permission answers as the role matrix says`, async () => {
      await actAs(user);
      for (const [tenant, perms] of Object.entries(tenants)) {
        for (const p of PERMISSIONS) {
          const r = await authorizeTenant(tenant, p);
          expect(r.ok ? "ok" : r.code, `${user} ${tenant} ${p}`).toBe(perms[p]);
          if (r.ok) expect(r.actor).toMatchObject({ username: user, tenantId: tenant });
        }
      }
      expect(await authorizeTenant("initech", "plans:read")).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await authorizeTenant("../acme", "plans:read")).toEqual({ ok: false, code: "NOT_FOUND" });
    });
  }

  it("signed out: UNAUTHENTICATED, and pages redirect to /login with the return path", async () => {
    await actAs(null);
    expect(await getSessionUser()).toBeNull();
    expect(await authorizeTenant("acme", "plans:read")).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    request.headers = new Headers({ "x-console-path": "/t/acme/plans?q=x" });
    await expect(requirePageAccess("acme", "plans:read")).rejects.toMatchObject({ digest: expect.stringContaining("/login?next=%2Ft%2Facme%2Fplans%3Fq%3Dx") });
  });

  it("pages answer 404 for a tenant without a role (its existence stays unknown) and 403 for a role without the permission", async () => {
    await actAs("viewer");
    // What `next build` sets from next.config.js's experimental.authInterrupts, which forbidden() needs.
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
    await expect(requirePageAccess("globex", "plans:read")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await expect(requirePageAccess("acme", "audit:read")).rejects.toMatchObject({ digest: expect.stringContaining("403") });
    delete process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS;
    await expect(requirePageAccess("acme", "plans:read")).resolves.toMatchObject({ tenant: { id: "acme" }, actor: { role: "viewer" } });
  });

  it("lists only the tenants a user holds a role in", async () => {
    await actAs("viewer");
    expect(await visibleTenantsFor((await getSessionUser())!)).toEqual([{ id: "acme", name: "Acme Retail" }]);
    await actAs("operator");
    expect((await visibleTenantsFor((await getSessionUser())!)).map((t) => t.id)).toEqual(["acme", "globex"]);
  });

  it("request meta: a fresh request id each time; the address only from a trusted header", async () => {
    request.headers = new Headers({ "x-forwarded-for": "198.51.100.7", "user-agent": "UA" });
    const a = await getRequestMeta();
    const b = await getRequestMeta();
    expect(a.requestId).not.toBe(b.requestId);
    expect(a).toMatchObject({ ip: null, userAgent: "UA" }); // TRUST_PROXY_HEADER unset
    process.env.TRUST_PROXY_HEADER = "x-forwarded-for";
    resetEnvForTests();
    request.headers = new Headers({ "x-forwarded-for": "203.0.113.1, 198.51.100.7" });
    expect((await getRequestMeta()).ip).toBe("198.51.100.7");
    delete process.env.TRUST_PROXY_HEADER;
    resetEnvForTests();
  });
});

describe(`outside demo mode (${dbKind})`, () => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "tenants-"));
    const file = join(dir, "tenants.json");
    writeFileSync(
      file,
      JSON.stringify({
        tenants: [{ id: "retail", name: "Retail", baseUrl: "http://127.0.0.1:9", allowInsecureHttp: true, authType: "APIKEY", authValue: "sk-test-secret" }],
      }),
    );
    process.env.CAN_TENANTS_FILE = file;
    process.env.AUTH_SECRET = "a-test-secret-that-is-long-enough-0123456789";
    resetEnvForTests();
    resetTenantsForTests();
    resetAuthForTests();
  });
  afterAll(() => {
    delete process.env.CAN_TENANTS_FILE;
    delete process.env.AUTH_SECRET;
    resetEnvForTests();
    resetTenantsForTests();
    resetAuthForTests();
  });

  it("creates no demo account", async () => {
    expect(await ensureDemoAccounts()).toEqual([]);
  });

  it("an admin without a second factor may do nothing until they enrol", async () => {
    const cli = { by: { userId: null, username: "cli:test", role: null }, meta: null };
    await createUser({ username: "root_admin", password: "root_admin-password" }, cli);
    await grantRole("root_admin", "retail", "admin", cli);
    await actAs("root_admin", "root_admin-password");
    expect(await authorizeTenant("retail", "plans:read")).toEqual({ ok: false, code: "FORBIDDEN" });
    await expect(requirePageAccess("retail", "plans:read")).rejects.toMatchObject({ digest: expect.stringContaining("/settings?enroll=required") });

    await createUser({ username: "plain_operator", password: "plain_operator-pw" }, cli);
    await grantRole("plain_operator", "retail", "operator", cli);
    await actAs("plain_operator", "plain_operator-pw");
    expect((await authorizeTenant("retail", "partitions:mark")).ok).toBe(true); // only admins must
  });
});
