import { E2E_SIGNIN_WINDOW_SECONDS } from "../../playwright.config";
import { DEMO_PASSWORD, expect, test } from "../fixtures";
import { LoginPage } from "../pages/login-page";

test.use({ user: null });

test.describe("sign-in", () => {
  test("a signed-out visitor is sent to sign in, comes back, and signs out", async ({ page }) => {
    await page.goto("/t/acme/plans?q=orders");
    await expect(page).toHaveURL(/\/login\?next=%2Ft%2Facme%2Fplans%3Fq%3Dorders/);
    const login = new LoginPage(page);
    await login.signIn("operator", "a-wrong-password");
    await expect(login.error).toHaveText("Wrong username or password.");
    await login.signIn("operator", DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/t\/acme\/plans\?q=orders$/);
    await expect(page.getByText("Signed in as")).toContainText("operator");
    await expect(page.getByRole("link", { name: "Audit" })).toHaveCount(0); // operators do not read the audit log
    await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/t/acme/plans");
    await expect(page).toHaveURL(/\/login/);
    const api = await page.request.get("/api/t/acme/plans");
    expect(api.status()).toBe(401);
    expect(await api.json()).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  test("the session cookie is httpOnly, SameSite=Lax, and not Secure over http", async ({ page, context }) => {
    await new LoginPage(page).goto();
    await new LoginPage(page).signIn("viewer", DEMO_PASSWORD);
    await new LoginPage(page).expectSignedIn();
    const cookie = (await context.cookies()).find((c) => c.name === "can-console.session_token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  });

  test("a wrong password says so, and keeps the username", async ({ page, expectAccessible }) => {
    const login = new LoginPage(page);
    await login.goto();
    await expectAccessible(page);
    // An unknown account gets the same answer as a wrong password (and leaves the demo accounts'
    // failure counts alone for the limit test below).
    await login.signIn("nobody", "not-the-password");
    await expect(login.error).toHaveText("Wrong username or password.");
    await expect(login.username).toHaveValue("nobody");
    await expect(page).toHaveURL(/\/login/);
    await expectAccessible(page);
  });

  test.describe("the limit", () => {
    // This test's own client address, so its failures do not count against the other specs'.
    test.use({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });

    test("trips after three failures for an account and resets after the window", async ({ page }) => {
      test.setTimeout((E2E_SIGNIN_WINDOW_SECONDS + 60) * 1000);
      const login = new LoginPage(page);
      await login.goto();
      for (let i = 0; i < 3; i++) {
        await login.signIn("viewer", `wrong-${i}-password`);
        await expect(login.error).toHaveText("Wrong username or password.");
        await expect(login.submit).toBeEnabled();
      }
      await login.signIn("viewer", DEMO_PASSWORD);
      await expect(login.error).toHaveText("Too many attempts, try again in 1 minute.");

      // The window is short in the e2e server: the right password works again once it has passed.
      await expect(async () => {
        await login.goto();
        await login.signIn("viewer", DEMO_PASSWORD);
        await expect(page).not.toHaveURL(/\/login/, { timeout: 1_000 });
      }).toPass({ timeout: (E2E_SIGNIN_WINDOW_SECONDS + 10) * 1000 });
      await expect(page.getByText("Signed in as")).toContainText("viewer");
    });
  });
});
