import { mkdtempSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordStep } from "@/tests/support/auth-helpers";
import { oidcControl, OIDC_TEST_CLIENT } from "@/tests/support/oidc-control";
import { startTestProvider } from "@/tests/support/oidc-test-provider";
import { dbKind, withTestDb } from "@/tests/support/test-db";
import { auditLog, signinAttempt, tenantRole, user as userTable } from "@/lib/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { resetAuthForTests } from "@/lib/auth/auth";
import { cookieHeader } from "@/lib/auth/cookies";
import type { RequestMeta } from "@/lib/auth/roles";
import { DEMO_PASSWORD, ensureDemoAccounts } from "@/lib/auth/demo";
import { resolveSession } from "@/lib/auth/session";
import { grantRole } from "@/lib/auth/users";
import { resetTenantsForTests } from "@/lib/tenants";
import { completeOidcSignIn } from "./complete";
import { resetRoleMappingForTests } from "./settings";
import { startOidcSignIn } from "./start";

// The company sign-in's server half over real HTTP against a real OpenID provider (oidc-provider,
// in this process on a free loopback port) and a real database: what the browser specs cannot see,
// the audit rows on the global chain and the sign-in limit's buckets.

const testDb = withTestDb();
const PUBLIC_URL = "http://127.0.0.1:3999";
const IP = "198.51.100.23";
let provider: { server: Server; issuer: string };
const ENV_NAMES = [
  "CAN_TENANTS_FILE",
  "AUTH_SECRET",
  "PUBLIC_URL",
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_SCOPES",
  "OIDC_ROLES_FILE",
  "TRUST_PROXY_HEADER",
];

function configure(issuer: string): void {
  Object.assign(process.env, {
    PUBLIC_URL,
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: OIDC_TEST_CLIENT.clientId,
    OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.clientSecret,
    OIDC_SCOPES: "openid profile email groups",
    OIDC_ROLES_FILE: "tests/support/oidc-roles.json",
  });
  resetEnvForTests();
  resetAuthForTests();
  resetRoleMappingForTests();
}

beforeAll(async () => {
  provider = await startTestProvider({ port: 0, redirectUri: `${PUBLIC_URL}/api/auth/callback/oidc`, ...OIDC_TEST_CLIENT });
  configure(provider.issuer);
});
afterAll(async () => {
  for (const k of ENV_NAMES) delete process.env[k];
  resetEnvForTests();
  resetAuthForTests();
  await new Promise((resolve) => provider.server.close(resolve));
});

const meta = (): RequestMeta => ({ ip: IP, userAgent: "db-test", requestId: randomUUID() });

/** The browser's part: the console's start, the provider's login as `username`, up to (not into) the callback. */
async function answerFromProvider(username: string): Promise<{ callback: URL; appCookie: string }> {
  const started = await startOidcSignIn({ next: "/t/acme/plans", headers: new Headers() });
  if (!started.ok) throw new Error(`start refused: ${started.code}`);
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return new URL(res.headers.get("location") ?? "", provider.issuer);
  };
  const interaction = await send(started.url);
  let next = await send(`${interaction.toString()}/login`, {
    method: "POST",
    body: new URLSearchParams({ username }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  for (let hop = 0; hop < 5 && next.pathname !== "/api/auth/callback/oidc"; hop++) next = await send(next.toString());
  return { callback: next, appCookie: cookieHeader(started.cookies) };
}

const deliver = (callback: URL, appCookie: string) => completeOidcSignIn(new Request(callback, { headers: { cookie: appCookie } }), meta());

async function lastGlobalRow() {
  const [row] = await testDb.current().db.select().from(auditLog).where(eq(auditLog.tenantId, "_global")).orderBy(desc(auditLog.seq)).limit(1);
  return row;
}

async function rolesOf(username: string) {
  const db = testDb.current().db;
  const [u] = await db.select({ id: userTable.id }).from(userTable).where(eq(userTable.username, username));
  if (!u) return {};
  const rows = await db.select().from(tenantRole).where(eq(tenantRole.userId, u.id));
  return Object.fromEntries(rows.map((r) => [r.tenantId, `${r.role} (${r.source})`]));
}

describe(`company sign-in against a real provider (${dbKind})`, () => {
  const control = () => oidcControl(provider.issuer);

  it("signs in, gives the roles of the groups, and writes the audit row a password sign-in writes", async () => {
    await control().setGroups("olga", ["can-acme-operators", "can-globex-viewers"]);
    const { callback, appCookie } = await answerFromProvider("olga");
    expect(callback.searchParams.get("iss")).toBe(provider.issuer);
    const response = await deliver(callback, appCookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${PUBLIC_URL}/t/acme/plans`);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("can-console.session_token="))).toBe(true);
    expect(await rolesOf("olga")).toEqual({ acme: "operator (provider)", globex: "viewer (provider)" });
    expect(await lastGlobalRow()).toMatchObject({ action: "auth.sign_in", actorUsername: "olga", details: { method: "oidc", rolesChanged: 2 } });
    // A success takes back its charge on the address, like a password sign-in.
    expect(
      await testDb
        .current()
        .db.select()
        .from(signinAttempt)
        .where(eq(signinAttempt.bucket, `ip:${IP}`)),
    ).toEqual([]);
  });

  it("follows the groups at the next sign-in and leaves a hand-granted role alone", async () => {
    await grantRole("olga", "globex", "auditor", { by: { userId: null, username: "cli:test", role: null }, meta: null });
    await control().setGroups("olga", ["staff"]);
    const { callback, appCookie } = await answerFromProvider("olga");
    const response = await deliver(callback, appCookie);
    expect(await rolesOf("olga")).toEqual({ globex: "auditor (hand)" });
    expect(response.headers.get("location")).toBe(`${PUBLIC_URL}/t/acme/plans`);
    const [revoked] = await testDb
      .current()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, "acme"), eq(auditLog.action, "role.revoke")))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(revoked).toMatchObject({ actorUsername: "identity provider", details: { user: "olga", previous: "operator", source: "provider" } });
  });

  it("sends someone with no role anywhere to the home page's no-access answer", async () => {
    const { callback, appCookie } = await answerFromProvider("nina");
    const response = await deliver(callback, appCookie);
    expect(response.headers.get("location")).toBe(`${PUBLIC_URL}/`);
    expect(await rolesOf("nina")).toEqual({});
  });

  it("audits a refused callback (tampered state) and counts it against the address", async () => {
    const { callback, appCookie } = await answerFromProvider("olga");
    callback.searchParams.set("state", "tampered");
    const response = await deliver(callback, appCookie);
    expect(response.headers.get("location")).toMatch(new RegExp(`^${PUBLIC_URL}/login\\?.*error=state_`));
    expect(response.headers.getSetCookie().some((c) => c.startsWith("can-console.session_token="))).toBe(false);
    expect(await lastGlobalRow()).toMatchObject({ action: "auth.sign_in_failed", details: { method: "oidc", reason: "state" } });
    expect(
      await testDb
        .current()
        .db.select()
        .from(signinAttempt)
        .where(eq(signinAttempt.bucket, `ip:${IP}`)),
    ).toHaveLength(1);
  });

  it("outside demo mode, a company admin is not held at TOTP enrolment: the provider owns their second factor", async () => {
    const dir = mkdtempSync(join(tmpdir(), "oidc-tenants-"));
    const tenants = {
      tenants: [{ id: "retail", name: "Retail", baseUrl: "http://127.0.0.1:9", allowInsecureHttp: true, authType: "APIKEY", authValue: "sk-test" }],
    };
    writeFileSync(join(dir, "tenants.json"), JSON.stringify(tenants));
    writeFileSync(join(dir, "roles.json"), JSON.stringify({ "can-root": { retail: "admin" } }));
    Object.assign(process.env, { CAN_TENANTS_FILE: join(dir, "tenants.json"), AUTH_SECRET: "a-test-secret-that-is-long-enough-0123456789" });
    configure(provider.issuer);
    process.env.OIDC_ROLES_FILE = join(dir, "roles.json");
    resetEnvForTests();
    resetTenantsForTests();
    try {
      await control().setGroups("gus", ["can-root"]);
      const { callback, appCookie } = await answerFromProvider("gus");
      const response = await deliver(callback, appCookie);
      const cookie =
        response.headers
          .getSetCookie()
          .find((c) => c.startsWith("can-console.session_token="))
          ?.split(";")[0] ?? "";
      const session = await resolveSession(new Headers({ cookie }));
      expect(session?.user.roles).toEqual({ retail: "admin" });
      expect(session?.mustEnrollTotp).toBe(false);
    } finally {
      delete process.env.CAN_TENANTS_FILE;
      delete process.env.AUTH_SECRET;
      resetTenantsForTests();
      configure(provider.issuer);
    }
  });

  it("with PASSWORD_SIGN_IN_ONLY, only the break-glass account signs in with a password; the rest are told 'wrong password' and audited why", async () => {
    await ensureDemoAccounts();
    process.env.PASSWORD_SIGN_IN_ONLY = "admin";
    resetEnvForTests();
    try {
      expect(await passwordStep("operator", DEMO_PASSWORD, "10.9.9.9")).toEqual({ kind: "refused", reason: "credentials" });
      expect(await lastGlobalRow()).toMatchObject({ action: "auth.sign_in_failed", actorUsername: "operator", details: { reason: "password-off" } });
      expect((await passwordStep("admin", DEMO_PASSWORD, "10.9.9.9")).kind).toBe("signed-in");
    } finally {
      delete process.env.PASSWORD_SIGN_IN_ONLY;
      resetEnvForTests();
    }
  });

  it("refuses to start when discovery names another issuer than the configured one", async () => {
    // Same provider, reached under another name: its discovery document names 127.0.0.1.
    configure(provider.issuer.replace("127.0.0.1", "localhost"));
    expect(await startOidcSignIn({ next: "/", headers: new Headers() })).toEqual({ ok: false, code: "issuer_mismatch" });
    configure(provider.issuer);
  });
});
