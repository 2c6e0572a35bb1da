import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DEMO_TENANTS, demoSecrets } from "../../lib/demo-tenants";
import { expect, test } from "../fixtures";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";

// API keys and app secrets; the tokens CAN issued to the console are added where a page has run.
const secrets = DEMO_TENANTS.flatMap(demoSecrets);

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

test("no credential appears in any client bundle", () => {
  let scanned = 0;
  for (const file of files(".next/static")) {
    const text = readFileSync(file, "latin1");
    scanned++;
    for (const secret of secrets) expect(text.includes(secret), `${secret} found in ${file}`).toBe(false);
  }
  expect(scanned).toBeGreaterThan(5);
});

test("no credential appears in any page or route response", async ({ page }) => {
  const bodies: string[] = [];
  page.on("response", (r) => {
    bodies.push(r.url());
    void r.text().then(
      (t) => bodies.push(t),
      () => undefined,
    );
  });
  const plan = await planByName("acme", "orders_daily");
  for (const path of ["/", "/t/acme/plans", `/t/acme/plans/${plan.uuid}`, "/t/globex/plans"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  for (const path of ["/api/health", "/api/t/acme/plans", `/api/t/acme/plans/${plan.uuid}`]) {
    // page.request shares the signed-in page's cookies.
    bodies.push(await (await page.request.get(path)).text());
  }
  const tokens = (await sandbox.issuedTokens()).map((t) => t.token);
  expect(tokens.length).toBeGreaterThan(0);
  expect(bodies.length).toBeGreaterThan(10);
  for (const body of bodies) for (const secret of [...secrets, ...tokens]) expect(body).not.toContain(secret);
});
