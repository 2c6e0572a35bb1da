// Issue 15, finding 4: with no trusted proxy header (the default), a flood of bad sign-ins must
// neither lock everyone out nor grow the undeletable audit log by one row per attempt.
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withAuthEnv } from "@/tests/support/auth-helpers";
import { dbKind, withTestDb } from "@/tests/support/test-db";
import { verifyChain } from "@/lib/audit";
import { auditLog, signinRefusal } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { claimedIpFrom, clientIpFrom } from "./client-ip";
import { DEMO_PASSWORD } from "./demo";
import { signInWithPassword } from "./sign-in";

const testDb = withTestDb();
const ENV = { SIGNIN_MAX_PER_ACCOUNT: "5", SIGNIN_MAX_PER_IP: "20", SIGNIN_WINDOW_SECONDS: "900" };

withAuthEnv(ENV, ["TRUST_PROXY_HEADER"]);

/** A request as `next start` hands it over behind no proxy: the socket address in X-Forwarded-For. */
function fromSocket(address: string, username: string, password: string) {
  const headers = new Headers({ "user-agent": "flood", "x-forwarded-for": address });
  const trusted = getEnv().TRUST_PROXY_HEADER;
  const meta = { ip: clientIpFrom(headers, trusted), claimedIp: claimedIpFrom(headers, trusted), userAgent: "flood", requestId: randomUUID() };
  return signInWithPassword({ username, password, headers, meta });
}

const auditRows = async () => (await testDb.current().db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;

describe(`a sign-in flood with no trusted proxy header (${dbKind})`, () => {
  it("1,000 bad sign-ins add a bounded number of audit rows, and a correct sign-in from another address still works", { timeout: 180_000 }, async () => {
    expect(getEnv().TRUST_PROXY_HEADER).toBeUndefined();
    const before = await auditRows();
    // The limits count in fixed windows of the clock (SIGNIN_WINDOW_SECONDS); a run that crosses a
    // window's end starts a fresh allowance, so the bounds below are per window the run touched.
    const windowMs = Number(ENV.SIGNIN_WINDOW_SECONDS) * 1000;
    const startedWindow = Math.floor(Date.now() / windowMs);
    const outcomes: string[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const tries = Array.from({ length: 50 }, (_, i) => {
        const n = batch * 50 + i;
        return fromSocket("203.0.113.66", n % 2 === 0 ? "admin" : `guess${n}`, `wrong-password-${n}`);
      });
      for (const o of await Promise.all(tries)) outcomes.push(o.kind === "refused" ? o.reason : o.kind);
    }
    const windows = Math.floor(Date.now() / windowMs) - startedWindow + 1;
    expect(outcomes.filter((r) => r === "credentials").length).toBeLessThanOrEqual(20 * windows);
    expect(outcomes.filter((r) => r === "rate-limited").length).toBeGreaterThanOrEqual(1000 - 20 * windows);

    // At most one row per password actually checked (the address allows 20), plus one per limiting
    // bucket and window: the address, and the one account that filled up.
    const added = (await auditRows()) - before;
    expect(added).toBeLessThanOrEqual((20 + 2) * windows);
    const aggregates = await testDb.current().db.select().from(signinRefusal);
    expect(aggregates.reduce((sum, r) => sum + r.refused, 0)).toBe(outcomes.filter((r) => r === "rate-limited").length);

    const ok = await fromSocket("198.51.100.7", "operator", DEMO_PASSWORD);
    expect(ok.kind).toBe("signed-in");
    expect(await verifyChain(testDb.current().db, "_global")).toMatchObject({ ok: true });
  });

  it("records the unverified address only as the limit's bucket, never as the audited client address", async () => {
    const rows = await testDb.current().db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_failed"));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.ip === null)).toBe(true);
    expect(rows.some((r) => JSON.stringify(r.details).includes("ip:unverified:203.0.113.66"))).toBe(true);
  });
});
