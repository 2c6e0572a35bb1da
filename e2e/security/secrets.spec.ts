import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEMO_TENANTS, demoSecrets } from "../../lib/demo-tenants";
import { E2E_APP_DATA_DIR, E2E_METRICS_TOKEN } from "../../playwright.config";
import { expect, test } from "../fixtures";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";
import { OIDC_TEST_CLIENT } from "../../tests/support/oidc-control";

// Everything a user can see (pages, route handlers, exports) and every server log line must be
// free of: CAN credentials (API keys, app secrets and the tokens CAN issued to the console), the
// company sign-in's client secret, password hashes (scrypt "salt:key" hex), and session tokens.
const SCRYPT_HASH = /[0-9a-f]{32}:[0-9a-f]{128}/;

test("no password hash, session token or CAN credential in responses, exports or the server log", async ({ page, context }) => {
  const seen: string[] = [];
  page.on("response", (r) => {
    void r.text().then(
      (t) => seen.push(t),
      () => undefined,
    );
  });
  const plan = await planByName("acme", "orders_daily");
  const globexPlan = await planByName("globex", "shipments_daily");
  // globex signs in with app credentials: a token already held is ended, so this run sees a renewal.
  await sandbox.expireTokens();
  for (const path of [
    "/",
    "/t/acme/plans",
    `/t/acme/plans/${plan.uuid}`,
    "/t/acme/audit",
    "/admin",
    "/settings",
    "/t/globex/plans",
    `/t/globex/plans/${globexPlan.uuid}`,
    "/t/globex/audit",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  for (const path of [
    "/api/t/acme/plans",
    `/api/t/acme/plans/${plan.uuid}`,
    `/api/t/acme/plans/${plan.uuid}/history`,
    `/api/t/acme/plans/health?uuid=${plan.uuid}`,
    "/api/t/acme/audit/export?format=csv",
    "/api/t/acme/audit/export?format=json",
    "/api/t/globex/plans",
    `/api/t/globex/plans/${globexPlan.uuid}`,
    "/api/t/globex/audit/export?format=json",
  ]) {
    seen.push(await (await page.request.get(path)).text());
  }
  seen.push(await (await page.request.get("/api/metrics", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } })).text());
  const issued = (await sandbox.issuedTokens()).filter((t) => t.tenant === "globex").map((t) => t.token);
  expect(issued.length).toBeGreaterThan(0);
  // A failed sign-in, so the log has one to show too.
  await page.request.get("/api/health");

  const tokens = (await context.cookies())
    .filter((c) => c.name.includes("session_token"))
    .map((c) => decodeURIComponent(c.value).split(".")[0] ?? "")
    .filter((t) => t.length >= 16);
  expect(tokens.length).toBeGreaterThan(0);

  const logPath = join(E2E_APP_DATA_DIR, "server.log");
  expect(existsSync(logPath)).toBe(true);
  const log = readFileSync(logPath, "utf8");
  expect(log).toContain("server.ready");
  seen.push(...log.split("\n"));

  expect(seen.length).toBeGreaterThan(20);
  for (const text of seen) {
    for (const secret of [...DEMO_TENANTS.flatMap(demoSecrets), ...issued, OIDC_TEST_CLIENT.clientSecret]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(SCRYPT_HASH);
    for (const token of tokens) expect(text).not.toContain(token);
  }
});
