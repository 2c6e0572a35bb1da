import { expect, test } from "../fixtures";
import { planByName } from "../../tests/support/e2e-sandbox";

// The demo viewer holds a role in acme only. globex must look exactly like a tenant that does not exist.
test.use({ user: "viewer" });

test("globex's plans page, a globex plan and globex's audit answer 404 and reveal nothing", async ({ page }) => {
  const plan = await planByName("globex", "shipments_daily");
  for (const path of ["/t/globex/plans", `/t/globex/plans/${plan.uuid}`, "/t/globex/audit", "/t/initech/plans"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    const body = await page.locator("body").innerText();
    expect(body).not.toContain("Globex");
    expect(body).not.toContain("shipments");
  }
});

test("globex's route handlers answer 404 like an unknown tenant's", async ({ page }) => {
  const plan = await planByName("globex", "shipments_daily");
  const answer = async (path: string) => {
    const r = await page.request.get(path);
    return { status: r.status(), body: await r.text() };
  };
  const unknown = await answer("/api/t/initech/plans");
  expect(unknown.status).toBe(404);
  for (const path of [
    "/api/t/globex/plans",
    `/api/t/globex/plans/${plan.uuid}`,
    `/api/t/globex/plans/${plan.uuid}/history`,
    "/api/t/globex/audit/export?format=csv",
  ]) {
    const a = await answer(path);
    expect(a, path).toEqual(unknown);
  }
});

test("the tenant switcher lists only tenants with a role; acme's audit is not a viewer's (403, not 404)", async ({ page }) => {
  await page.goto("/t/acme/plans");
  const options = await page.getByLabel("Tenant").locator("option").allInnerTexts();
  expect(options).toEqual(["Acme Retail"]);
  await expect(page.getByRole("link", { name: "Audit" })).toHaveCount(0);
  // Their own tenant: the page exists, their role does not reach it (403, said in words), unlike globex's.
  expect((await page.goto("/t/acme/audit"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Your role does not allow this" })).toBeVisible();
  const exp = await page.request.get("/api/t/acme/audit/export?format=json");
  expect(exp.status()).toBe(403);
  expect((await page.goto("/admin"))?.status()).toBe(404);
});
