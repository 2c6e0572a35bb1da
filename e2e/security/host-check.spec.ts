import { E2E_APP_PORT } from "../../playwright.config";
import { DEMO_PASSWORD, expect, test } from "../fixtures";
import { LoginPage } from "../pages/login-page";
import { e2eChromiumPath } from "../../tests/support/chromium-path";
import { rawRequest } from "../../tests/support/raw-http";

// DNS rebinding: a site the user visits re-points its own name at 127.0.0.1, so the browser sends
// `Host: rebind.test:<port>` with a matching Origin to the console on the loopback address. Chromium
// is told to resolve rebind.test to 127.0.0.1, which is exactly what the attacker's DNS would do.
// Only PUBLIC_URL's host is served (docs/decisions/0012-web-hardening-review.md).
const REBOUND = `rebind.test:${E2E_APP_PORT}`;

test.use({
  user: null,
  launchOptions: {
    executablePath: e2eChromiumPath(),
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-quic", "--host-resolver-rules=MAP rebind.test 127.0.0.1"],
  },
});

test("a browser reaching the console under a rebound name gets no page and cannot sign in with the demo password", async ({ page }) => {
  const response = await page.goto(`http://${REBOUND}/login`);
  expect(response?.status()).toBe(421);
  await expect(page.getByLabel("Password")).toHaveCount(0);
  // The same browser on PUBLIC_URL's host is served as always.
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn("viewer", DEMO_PASSWORD);
  await login.expectSignedIn();
});

test("every kind of path refuses a foreign Host, whatever X-Forwarded-Host says; health probes answer by address", async () => {
  const foreign: Record<string, string>[] = [
    { host: REBOUND },
    { host: REBOUND, "x-forwarded-host": `127.0.0.1:${E2E_APP_PORT}` },
    { host: `localhost:${E2E_APP_PORT}` },
  ];
  for (const path of [
    "/login",
    "/",
    "/t/acme/plans",
    "/api/t/acme/plans",
    "/api/t/acme/audit/export?format=json",
    "/can/anymetrics/api/v1/anything",
    // The scheduler API's endpoints skip the proxy and check the host themselves.
    "/can/anymetrics/api/v1/accelerate/plan/updatePartition",
    "/can/anymetrics/api/v1/accelerate/plan/queryMtPartitionList?uuid=x",
    "/robots.txt.x",
  ]) {
    for (const headers of foreign) {
      const answer = await rawRequest(path, { headers });
      expect(answer.status, `${path} with ${JSON.stringify(headers)}`).toBe(421);
      expect(answer.body).not.toMatch(/acme|Acme Retail|Sign in/);
    }
  }
  // A sign-in posted the way the rebound page's form would post it.
  const form = new URLSearchParams({ username: "admin", password: DEMO_PASSWORD }).toString();
  const signIn = await rawRequest("/login", {
    method: "POST",
    headers: { host: REBOUND, origin: `http://${REBOUND}`, "content-type": "application/x-www-form-urlencoded", "content-length": String(form.length) },
    body: form,
  });
  expect(signIn.status).toBe(421);
  expect(signIn.headers["set-cookie"]).toBeUndefined();
  // Load balancers probe an instance by its address.
  for (const path of ["/api/health", "/api/health/ready"]) {
    expect((await rawRequest(path, { headers: { host: `10.0.0.5:${E2E_APP_PORT}` } })).status, path).toBe(200);
  }
  expect((await rawRequest("/login", { headers: { host: `127.0.0.1:${E2E_APP_PORT}` } })).status).toBe(200);
});
