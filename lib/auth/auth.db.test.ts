import { eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cookiesOf, passwordStep, requestFrom, sessionHeaders, totpStep, withAuthEnv } from "@/tests/support/auth-helpers";
import { dbKind, withTestDb } from "@/tests/support/test-db";
import { secretFromUri, totpCode } from "@/tests/support/totp";
import { verifyChain } from "@/lib/audit";
import { auditLog, session as sessionTable, signinAttempt, totpCodeUse, user as userTable } from "@/lib/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { getAuth, resetAuthForTests } from "./auth";
import { cookiesFromHeaders } from "./cookies";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDemoAccounts } from "./demo";
import { resolveSession } from "./session";
import { backupCodesLeft, signOut } from "./sign-in";
import { createUser, grantRole, listUsers, revokeSessions, setDisabled, type Change } from "./users";

const testDb = withTestDb();
const CLI: Change = { by: { userId: null, username: "cli:test", role: null }, meta: null };
const ENV = {
  SIGNIN_MAX_PER_ACCOUNT: "3",
  SIGNIN_MAX_PER_IP: "5",
  SIGNIN_WINDOW_SECONDS: "60",
  TRUST_PROXY_HEADER: "x-forwarded-for",
  SESSION_IDLE_MINUTES: "30",
  SESSION_MAX_HOURS: "12",
};

withAuthEnv(ENV);
beforeEach(async () => {
  await testDb.current().db.delete(signinAttempt); // each test starts with empty limit buckets
});

describe(`demo accounts (${dbKind})`, () => {
  it("exist once, with their roles; viewer has no role in globex", async () => {
    expect(await ensureDemoAccounts()).toEqual([]); // second run creates nothing
    const users = await listUsers();
    for (const demo of DEMO_ACCOUNTS) expect(users.find((u) => u.username === demo.username)?.roles).toEqual(demo.roles);
    expect(users.find((u) => u.username === "viewer")?.roles.globex).toBeUndefined();
  });

  it("store scrypt hashes, never the password", async () => {
    const rows = await testDb.current().db.execute(sql`select password from account`);
    const hashes = (rows as unknown as { rows: { password: string }[] }).rows.map((r) => r.password);
    expect(hashes.length).toBeGreaterThanOrEqual(3);
    for (const h of hashes) {
      expect(h).not.toContain(DEMO_PASSWORD);
      expect(h).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
    }
  });
});

describe(`sign-in and sessions (${dbKind})`, () => {
  it("signs in with the right password: an opaque httpOnly SameSite=Lax cookie, not Secure over http", async () => {
    const out = await passwordStep("Admin", DEMO_PASSWORD);
    expect(out.kind).toBe("signed-in");
    const cookie = cookiesOf(out).find((c) => c.name === "can-console.session_token");
    expect(cookie).toBeDefined();
    expect(cookie!.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    expect(cookie!.options.secure).toBeUndefined();
    expect(cookie!.options.maxAge).toBe(12 * 3600);
    const s = await resolveSession(sessionHeaders(cookiesOf(out)));
    expect(s?.user).toMatchObject({ username: "admin", roles: { acme: "admin", globex: "admin" } });
    expect(s?.mustEnrollTotp).toBe(false); // demo mode
  });

  it("refuses a wrong password and an unknown user alike, and audits both without the password", async () => {
    expect(await passwordStep("operator", "not-the-password")).toEqual({ kind: "refused", reason: "credentials" });
    expect(await passwordStep("nobody", "whatever-password")).toEqual({ kind: "refused", reason: "credentials" });
    const rows = await testDb.current().db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_failed"));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(rows)).not.toContain("not-the-password");
    expect(rows.every((r) => r.tenantId === "_global")).toBe(true);
  });

  it("limits attempts per account, across addresses, and resets when the window has passed", async () => {
    for (const ip of ["10.2.0.1", "10.2.0.2", "10.2.0.3"])
      expect(await passwordStep("operator", "wrong-password", ip)).toMatchObject({ reason: "credentials" });
    const limited = await passwordStep("operator", DEMO_PASSWORD, "10.2.0.4");
    expect(limited).toMatchObject({ kind: "refused", reason: "rate-limited" });
    expect(limited.kind === "refused" && limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.kind === "refused" && limited.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await passwordStep("viewer", DEMO_PASSWORD, "10.2.0.4")).kind).toBe("signed-in"); // other accounts unaffected
    await testDb
      .current()
      .db.update(signinAttempt)
      .set({ at: sql`${signinAttempt.at} - interval '61 seconds'` });
    expect((await passwordStep("operator", DEMO_PASSWORD, "10.2.0.4")).kind).toBe("signed-in");
  });

  it("a completed sign-in clears the account's failures", async () => {
    await passwordStep("viewer", "wrong-password", "10.3.0.1");
    await passwordStep("viewer", "wrong-password", "10.3.0.1");
    expect((await passwordStep("viewer", DEMO_PASSWORD, "10.3.0.1")).kind).toBe("signed-in");
    await passwordStep("viewer", "wrong-password", "10.3.0.1");
    await passwordStep("viewer", "wrong-password", "10.3.0.1");
    expect((await passwordStep("viewer", DEMO_PASSWORD, "10.3.0.1")).kind).toBe("signed-in");
  });

  it("limits attempts per address, across accounts", async () => {
    for (const name of ["a1", "a2", "a3", "a4", "a5"]) await passwordStep(name, "wrong-password", "10.4.0.1");
    expect(await passwordStep("admin", DEMO_PASSWORD, "10.4.0.1")).toMatchObject({ kind: "refused", reason: "rate-limited" });
    expect((await passwordStep("admin", DEMO_PASSWORD, "10.4.0.2")).kind).toBe("signed-in");
  });

  it("requests with no address at all (trusted or claimed) share one address bucket", async () => {
    for (const name of ["b1", "b2", "b3", "b4", "b5"]) await passwordStep(name, "wrong-password", null);
    expect(await passwordStep("admin", DEMO_PASSWORD, null)).toMatchObject({ reason: "rate-limited" });
  });

  it("concurrent attempts cannot overshoot the limit", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => passwordStep("viewer", "wrong-password", `10.5.0.${i + 1}`)));
    const reasons = results.map((r) => (r.kind === "refused" ? r.reason : r.kind)).sort();
    expect(reasons).toEqual(["credentials", "credentials", "credentials", "rate-limited", "rate-limited", "rate-limited", "rate-limited", "rate-limited"]);
  });

  it("ends a session after the idle timeout, and at its absolute expiry", async () => {
    const db = testDb.current().db;
    const idle = cookiesOf(await passwordStep("viewer", DEMO_PASSWORD, "10.6.0.1"));
    const fresh = await resolveSession(sessionHeaders(idle));
    expect(fresh).not.toBeNull();
    await db
      .update(sessionTable)
      .set({ lastActiveAt: sql`now() - interval '31 minutes'` })
      .where(eq(sessionTable.id, fresh!.sessionId));
    expect(await resolveSession(sessionHeaders(idle))).toBeNull();
    expect(await db.select().from(sessionTable).where(eq(sessionTable.id, fresh!.sessionId))).toHaveLength(0);

    const old = cookiesOf(await passwordStep("viewer", DEMO_PASSWORD, "10.6.0.1"));
    const s = await resolveSession(sessionHeaders(old));
    await db
      .update(sessionTable)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessionTable.id, s!.sessionId));
    expect(await resolveSession(sessionHeaders(old))).toBeNull();
  });

  it("activity keeps a session alive past the idle timeout", async () => {
    const db = testDb.current().db;
    const c = cookiesOf(await passwordStep("viewer", DEMO_PASSWORD, "10.6.0.2"));
    const s = await resolveSession(sessionHeaders(c));
    await db
      .update(sessionTable)
      .set({ lastActiveAt: sql`now() - interval '29 minutes'` })
      .where(eq(sessionTable.id, s!.sessionId));
    expect(await resolveSession(sessionHeaders(c))).not.toBeNull(); // touched now
    const [row] = await db.select().from(sessionTable).where(eq(sessionTable.id, s!.sessionId));
    expect(Date.now() - row!.lastActiveAt.getTime()).toBeLessThan(60_000);
  });

  it("signs out, and revokes all of a user's sessions", async () => {
    const a = cookiesOf(await passwordStep("operator", DEMO_PASSWORD, "10.7.0.1"));
    const b = cookiesOf(await passwordStep("operator", DEMO_PASSWORD, "10.7.0.2"));
    const cleared = await signOut(requestFrom("10.7.0.1", a));
    expect(cleared.find((c) => c.name === "can-console.session_token")?.options.maxAge).toBe(0);
    expect(await resolveSession(sessionHeaders(a))).toBeNull();
    expect(await resolveSession(sessionHeaders(b))).not.toBeNull();
    expect(await revokeSessions("operator", CLI)).toBeGreaterThanOrEqual(1);
    expect(await resolveSession(sessionHeaders(b))).toBeNull();
    const events = await testDb.current().db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_out"));
    expect(events.some((e) => e.actorUsername === "operator")).toBe(true);
  });

  it("a disabled account cannot sign in, loses its sessions, and does not reveal that the password was right", async () => {
    await createUser({ username: "dora", password: "dora-password-1" }, CLI);
    await grantRole("dora", "acme", "viewer", CLI);
    const c = cookiesOf(await passwordStep("dora", "dora-password-1", "10.8.0.1"));
    await setDisabled("dora", true, CLI);
    expect(await resolveSession(sessionHeaders(c))).toBeNull();
    // Told exactly as a wrong password (saying "disabled" would confirm the password); audited as disabled.
    expect(await passwordStep("dora", "dora-password-1", "10.8.0.1")).toEqual({ kind: "refused", reason: "credentials" });
    expect(await passwordStep("dora", "not-doras-password", "10.8.0.1")).toEqual({ kind: "refused", reason: "credentials" });
    const failures = await testDb.current().db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_failed"));
    expect(failures.filter((r) => r.actorUsername === "dora").map((r) => (r.details as { reason: string }).reason)).toEqual(["disabled", "credentials"]);
    await setDisabled("dora", false, CLI);
    expect((await passwordStep("dora", "dora-password-1", "10.8.0.1")).kind).toBe("signed-in");
  });

  it("role changes take effect on the next request", async () => {
    await createUser({ username: "rory", password: "rory-password-1" }, CLI);
    const c = cookiesOf(await passwordStep("rory", "rory-password-1", "10.9.0.1"));
    expect((await resolveSession(sessionHeaders(c)))?.user.roles).toEqual({});
    await grantRole("rory", "globex", "auditor", CLI);
    expect((await resolveSession(sessionHeaders(c)))?.user.roles).toEqual({ globex: "auditor" });
    await expect(grantRole("rory", "globex", "owner" as never, CLI)).rejects.toThrow(/Unknown role/);
  });

  it("every sign-in event landed on an intact global chain", async () => {
    expect(await verifyChain(testDb.current().db, "_global")).toMatchObject({ ok: true });
    expect(await verifyChain(testDb.current().db, "acme")).toMatchObject({ ok: true });
  });
});

describe(`TOTP second factor (${dbKind})`, () => {
  const PERIOD_MS = 30_000;
  const used = new Set<string>();
  let secret = "";
  let backupCodes: string[] = [];
  /**
   * A code valid right now (the verifier accepts one period either side) not used before. The code of
   * the period before stays valid only until this period ends, so close to its end this waits for
   * the next period first: a check a few hundred ms later must not fall outside the window.
   */
  const freshCode = async () => {
    const left = PERIOD_MS - (Date.now() % PERIOD_MS);
    if (left < 5_000) await new Promise((r) => setTimeout(r, left + 50));
    for (const offset of [0, PERIOD_MS, -PERIOD_MS]) {
      const c = totpCode(secret, Date.now() + offset);
      if (!used.has(c)) {
        used.add(c);
        return c;
      }
    }
    throw new Error("no unused code in the window");
  };

  it("any user can enable it; the enabling code is single-use too", async () => {
    await createUser({ username: "tina", password: "tina-password-1" }, CLI);
    const auth = await getAuth();
    const c = cookiesOf(await passwordStep("tina", "tina-password-1", "10.10.0.1"));
    const enabled = await auth.api.enableTwoFactor({ body: { password: "tina-password-1" }, headers: sessionHeaders(c) });
    secret = secretFromUri("totpURI" in enabled ? enabled.totpURI : "");
    backupCodes = "backupCodes" in enabled ? enabled.backupCodes : [];
    const code = await freshCode();
    const confirm = await auth.api.verifyTOTP({ body: { code }, headers: sessionHeaders(c), returnHeaders: true });
    const [u] = await testDb.current().db.select().from(userTable).where(eq(userTable.username, "tina"));
    expect(u!.twoFactorEnabled).toBe(true);
    const rotated = cookiesFromHeaders(confirm.headers);
    await expect(auth.api.verifyTOTP({ body: { code }, headers: sessionHeaders(rotated) })).rejects.toMatchObject({ body: { code: "TOTP_CODE_REPLAYED" } });
  });

  it("sign-in then asks for a code; a right code completes it, a wrong one does not", async () => {
    const step1 = await passwordStep("tina", "tina-password-1", "10.10.0.2");
    expect(step1.kind).toBe("totp-required");
    expect(await totpStep(cookiesOf(step1), "000000", "10.10.0.2")).toMatchObject({ kind: "refused", reason: "totp-invalid" });
    const done = await totpStep(cookiesOf(step1), await freshCode(), "10.10.0.2");
    expect(done.kind).toBe("signed-in");
    expect((await resolveSession(sessionHeaders(cookiesOf(done))))?.user.username).toBe("tina");
  });

  it("refuses a code that was already accepted (replay)", async () => {
    const first = await passwordStep("tina", "tina-password-1", "10.10.0.3");
    const code = await freshCode();
    expect((await totpStep(cookiesOf(first), code, "10.10.0.3")).kind).toBe("signed-in");
    const second = await passwordStep("tina", "tina-password-1", "10.10.0.3");
    expect(await totpStep(cookiesOf(second), code, "10.10.0.3")).toEqual({ kind: "refused", reason: "totp-replayed" });
  });

  it("two challenges racing with one code: exactly one wins", async () => {
    // Only three codes are valid at a time and the tests above used them: forget those claims.
    await testDb.current().db.delete(totpCodeUse);
    used.clear();
    process.env.SIGNIN_MAX_PER_ACCOUNT = "10"; // this test is about the code, not the attempt limit
    resetEnvForTests();
    try {
      const code = await freshCode();
      const [a, b] = await Promise.all([passwordStep("tina", "tina-password-1", "10.10.0.4"), passwordStep("tina", "tina-password-1", "10.10.0.5")]);
      const results = await Promise.all([totpStep(cookiesOf(a!), code, "10.10.0.4"), totpStep(cookiesOf(b!), code, "10.10.0.5")]);
      expect(results.map((r) => (r.kind === "refused" ? r.reason : r.kind)).sort()).toEqual(["signed-in", "totp-replayed"]);
    } finally {
      process.env.SIGNIN_MAX_PER_ACCOUNT = ENV.SIGNIN_MAX_PER_ACCOUNT;
      resetEnvForTests();
    }
  });

  it("a code sent again costs no attempt: the limit is for guesses, and the enrolment code is still on the phone", async () => {
    const step1 = await passwordStep("tina", "tina-password-1", "10.10.0.6");
    const code = await freshCode();
    expect((await totpStep(cookiesOf(step1), code, "10.10.0.6")).kind).toBe("signed-in");
    const step2 = await passwordStep("tina", "tina-password-1", "10.10.0.6");
    // Three a window in these tests: the password step took one; five replays take none.
    for (let i = 0; i < 5; i++) expect(await totpStep(cookiesOf(step2), code, "10.10.0.6")).toEqual({ kind: "refused", reason: "totp-replayed" });
    expect((await totpStep(cookiesOf(step2), await freshCode(), "10.10.0.6")).kind).toBe("signed-in");
  });

  it("a backup code signs in once, is audited with the count left, and the count shows", async () => {
    expect(backupCodes).toHaveLength(10);
    const [u] = await testDb.current().db.select().from(userTable).where(eq(userTable.username, "tina"));
    const step1 = await passwordStep("tina", "tina-password-1", "10.10.2.1");
    expect((await totpStep(cookiesOf(step1), backupCodes[0]!, "10.10.2.1")).kind).toBe("signed-in");
    expect(await backupCodesLeft(u!.id)).toBe(9);
    const rows = await testDb.current().db.select().from(auditLog).where(eq(auditLog.action, "auth.backup_code_used"));
    expect(rows.map((r) => [r.actorUsername, r.details])).toEqual([["tina", { left: 9 }]]);
    const step2 = await passwordStep("tina", "tina-password-1", "10.10.2.1");
    expect(await totpStep(cookiesOf(step2), backupCodes[0]!, "10.10.2.1")).toMatchObject({ kind: "refused", reason: "backup-code-invalid" });
    expect((await totpStep(cookiesOf(step2), backupCodes[1]!, "10.10.2.1")).kind).toBe("signed-in");
    expect(await backupCodesLeft(u!.id)).toBe(8);
  });

  it("the TOTP step counts against the account limit too", async () => {
    const step1 = await passwordStep("tina", "tina-password-1", "10.10.1.1");
    // The password step took one slot of three; two wrong codes take the rest.
    await totpStep(cookiesOf(step1), "111111", "10.10.1.1");
    await totpStep(cookiesOf(step1), "222222", "10.10.1.1");
    expect(await totpStep(cookiesOf(step1), "333333", "10.10.1.1")).toMatchObject({ kind: "refused", reason: "rate-limited" });
  });
});

describe(`cookie mode follows PUBLIC_URL (${dbKind})`, () => {
  afterAll(() => {
    delete process.env.PUBLIC_URL;
    resetEnvForTests();
    resetAuthForTests();
  });
  it("https gives a Secure, host-only session cookie with the __Host- prefix, and it is accepted back", async () => {
    process.env.PUBLIC_URL = "https://console.example.com";
    resetEnvForTests();
    resetAuthForTests();
    const out = await passwordStep("viewer", DEMO_PASSWORD, "10.11.0.1");
    const cookie = cookiesOf(out).find((c) => c.name.endsWith("session_token"));
    expect(cookie?.name).toBe("__Host-can-console.session_token");
    expect(cookie?.options).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax", path: "/" });
    const resolved = await resolveSession(sessionHeaders(cookiesOf(out)));
    expect(resolved?.user.username).toBe("viewer");
  });
});

vi.setConfig({ testTimeout: 30_000 });
