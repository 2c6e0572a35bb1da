import { expect, test } from "../fixtures";

// One header on every signed-in page, and the 404 and 403 pages inside it with a way back.

test.describe("as the demo viewer (a role in acme only)", () => {
  test.use({ user: "viewer" });

  test("an unknown address is a 404 in the console's frame, with a way back", async ({ page, expectAccessible }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(/Signed in as/)).toBeVisible();
    await expect(page.getByLabel("Tenant")).toHaveValue("");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Your tenants" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: "CAN Partition Console" })).toBeVisible();
  });

  test("the audit page of their own tenant says their role does not allow it (403), inside acme's header", async ({ page, expectAccessible }) => {
    const response = await page.goto("/t/acme/audit");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Your role does not allow this" })).toBeVisible();
    await expect(page.getByLabel("Tenant")).toHaveValue("acme");
    await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Audit" })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Back to the plans of Acme Retail" }).click();
    await expect(page).toHaveURL(/\/t\/acme\/plans$/);
  });

  test("another tenant's audit page stays a 404 that names nothing", async ({ page }) => {
    const response = await page.goto("/t/globex/audit");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByLabel("Tenant")).toHaveValue("");
    await expect(page.getByRole("link", { name: /Back to the plans/ })).toHaveCount(0);
    expect(await page.locator("body").innerText()).not.toMatch(/globex/i);
  });
});

test.describe("as the demo admin", () => {
  test.use({ user: "admin" });

  for (const path of ["/admin", "/settings"]) {
    test(`${path} has the tenant pages' header, with no tenant selected`, async ({ page }) => {
      await page.goto(path);
      const sections = page.getByRole("navigation", { name: "Sections" });
      await expect(sections.getByRole("link", { name: "Plans" })).toBeVisible();
      await expect(sections.getByRole("link", { name: "Admin" })).toBeVisible();
      const switcher = page.getByLabel("Tenant");
      await expect(switcher).toHaveValue("");
      await expect(switcher.locator("option:checked")).toHaveText("Choose a tenant");
      await switcher.selectOption({ label: "Acme Retail" });
      await expect(page).toHaveURL(/\/t\/acme\/plans$/);
      await expect(page.getByLabel("Tenant")).toHaveValue("acme");
    });
  }
});
