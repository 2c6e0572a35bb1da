import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "../fixtures";
import { APP_BASE, sessionCookie } from "../../tests/support/http-client";

// The audit export is a GET that writes an `audit.export` row. The session cookie is SameSite=Lax,
// so it rides along on a top-level navigation from another site: a link on that site must not make
// a signed-in admin export (and log an export). The attacker's page is served by a real server on
// `localhost`, another site than the console's 127.0.0.1.

let attacker: Server;
let attackerUrl: string;

test.beforeAll(async () => {
  attacker = createServer((_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<!doctype html><title>win a prize</title><a id="go" href="${APP_BASE}/api/t/acme/audit/export?format=json">claim</a>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve));
});

async function exportRows(cookie: string): Promise<number> {
  const response = await fetch(`${APP_BASE}/api/t/acme/audit/export?format=json&action=audit.export`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as unknown[]).length;
}

test("a link on another site does not export the audit log or write an export row", async ({ page }) => {
  const counter = await sessionCookie("admin", "10.77.0.1");
  const before = await exportRows(counter);
  await page.goto(attackerUrl);
  const answer = page.waitForResponse((r) => r.url().startsWith(`${APP_BASE}/api/t/acme/audit/export`));
  await page.locator("#go").click();
  const response = await answer;
  expect(response.status()).toBe(403);
  // Only the counting request itself was logged since.
  expect(await exportRows(counter)).toBe(before + 1);
});

test("the audit page's own export still downloads", async ({ page }) => {
  await page.goto("/t/acme/audit");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export JSON" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-acme-.*\.json$/);
});
