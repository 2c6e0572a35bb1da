import type { Page } from "@playwright/test";
import { E2E_OIDC_ISSUER } from "../../playwright.config";
import { oidcControl } from "../../tests/support/oidc-control";
import { expect, test } from "../fixtures";
import { AuditPage } from "../pages/audit-page";
import { LoginPage } from "../pages/login-page";

// Company sign-in against a real OpenID provider (oidc-provider on loopback, started by
// playwright.config.ts): PKCE, state, nonce and the code exchange are the library's and Better
// Auth's own; the test provider's accounts and their `groups` claim are in
// tests/support/oidc-test-provider.ts, the roles file in tests/support/oidc-roles.json.

test.use({ user: null });
const provider = oidcControl(E2E_OIDC_ISSUER);

/** From the console's login page through the provider's: stops at the provider's answer (the callback URL). */
async function signInAtProvider(page: Page, username: string, next?: string): Promise<void> {
  const login = new LoginPage(page);
  await login.goto(next);
  await login.companySignIn.click();
  await expect(page).toHaveURL(new RegExp(`^${E2E_OIDC_ISSUER}/interaction/`));
  await page.getByLabel("Username").fill(username);
  await page.getByRole("button", { name: "Continue" }).click();
}

/**
 * Starts a company sign-in in the browser, then answers the provider's login page through the
 * context's own request client (same cookies) without following the last redirect: returns the
 * provider's answer for the console (code, state, iss), not yet delivered.
 */
async function callbackUrlFor(page: Page, username: string): Promise<URL> {
  const login = new LoginPage(page);
  await login.goto();
  await login.companySignIn.click();
  await expect(page).toHaveURL(new RegExp(`^${E2E_OIDC_ISSUER}/interaction/`));
  let answer = await page.request.post(`${page.url()}/login`, { form: { username }, maxRedirects: 0 });
  for (let hop = 0; hop < 5; hop++) {
    const location = answer.headers().location;
    if (!location) break;
    const next = new URL(location, E2E_OIDC_ISSUER);
    if (next.pathname === "/api/auth/callback/oidc") return next;
    answer = await page.request.get(next.toString(), { maxRedirects: 0 });
  }
  throw new Error(`the provider did not answer with the console's callback (HTTP ${answer.status()})`);
}

test.describe("company sign-in", () => {
  test("signs in with PKCE and lands in the console with the roles of the person's groups", async ({ page, expectAccessible }) => {
    await provider.setGroups("olga", ["can-acme-operators", "can-globex-viewers"]);
    const login = new LoginPage(page);
    await login.goto("/t/acme/plans");
    await expect(login.companySignIn).toHaveText("Sign in with Test SSO");
    await expectAccessible(page);
    // The authorization request carries PKCE (S256), state and nonce.
    const authorize = page.waitForRequest((r) => r.url().startsWith(`${E2E_OIDC_ISSUER}/auth?`));
    await login.companySignIn.focus();
    await page.keyboard.press("Enter");
    const params = new URL((await authorize).url()).searchParams;
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(params.get("state")).toBeTruthy();
    expect(params.get("nonce")).toBeTruthy();
    await page.getByLabel("Username").fill("olga");
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(page).toHaveURL(/\/t\/acme\/plans$/);
    await expect(page.getByText("Signed in as")).toContainText("olga");
    await page.goto("/");
    await expect(page.getByRole("link", { name: /Acme Retail.*operator/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /Globex Logistics.*viewer/ })).toBeVisible();
  });

  test("a group change takes effect at the next sign-in: the role removed, another added", async ({ page }) => {
    await provider.setGroups("gus", ["can-acme-operators"]);
    await signInAtProvider(page, "gus");
    await expect(page.getByRole("link", { name: /Acme Retail.*operator/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /Globex Logistics/ })).toHaveCount(0);

    await provider.setGroups("gus", ["can-globex-viewers"]);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    // The provider still knows gus (its session cookie): the button alone signs him in again.
    await new LoginPage(page).companySignIn.click();
    await expect(page.getByRole("link", { name: /Globex Logistics.*viewer/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /Acme Retail/ })).toHaveCount(0);
    expect((await page.request.get("/api/t/acme/plans")).status()).toBe(404);
  });

  test.describe("seen by an admin", () => {
    test.use({ user: "admin" });

    test("provider roles are audited as the identity provider's and shown apart from hand-granted ones", async ({ page, browser }) => {
      await provider.setGroups("olga", ["can-acme-operators"]);
      const olga = await browser.newPage();
      await signInAtProvider(olga, "olga");
      await expect(olga.getByText("Signed in as")).toContainText("olga");
      await olga.close();

      const audit = new AuditPage(page);
      await audit.goto("acme", "?actor=identity%20provider");
      await expect(audit.rows().filter({ hasText: "Role granted" }).filter({ hasText: "olga" }).first()).toBeVisible();
      await page.goto("/admin");
      const acme = page.getByRole("table", { name: "People in Acme Retail" });
      await expect(acme.getByRole("row").filter({ hasText: "olga" })).toContainText("identity provider");
      // The demo operator's role was granted by hand (the demo seed), and says so.
      await expect(acme.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^operator/ }) })).toContainText("by hand");
    });
  });

  test.describe("before the page's JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the button still takes the browser to the provider (the CSP lets the form go there)", async ({ page }) => {
      const login = new LoginPage(page);
      await login.goto();
      await login.companySignIn.click();
      await expect(page).toHaveURL(new RegExp(`^${E2E_OIDC_ISSUER}/interaction/`));
      await expect(page.getByLabel("Username")).toBeVisible();
    });
  });

  test("a person whose groups map to no role sees the no-access page", async ({ page, expectAccessible }) => {
    await signInAtProvider(page, "nina", "/t/acme/plans");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
    await expect(page.getByText("Roles come from your groups at Test SSO")).toBeVisible();
    await expectAccessible(page);
  });

  test("Deny at the provider comes back as a clear message on the login page", async ({ page, expectAccessible }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.companySignIn.click();
    await page.getByRole("button", { name: "Deny" }).click();
    await expect(page).toHaveURL(/\/login\?.*error=access_denied/);
    await expect(login.companyError).toHaveText("Sign-in with Test SSO was cancelled or refused by Test SSO. Nothing was signed in.");
    await expectAccessible(page);
  });

  test("a tampered state is refused", async ({ page }) => {
    const callback = await callbackUrlFor(page, "olga");
    callback.searchParams.set("state", `${callback.searchParams.get("state") ?? ""}x`);
    await page.goto(callback.toString());
    await expect(new LoginPage(page).companyError).toContainText("could not be matched to this browser");
    await expect(page.getByText("Signed in as")).toHaveCount(0);
  });

  test("an answer naming another issuer is refused", async ({ page }) => {
    const callback = await callbackUrlFor(page, "olga");
    expect(callback.searchParams.get("iss")).toBe(E2E_OIDC_ISSUER);
    callback.searchParams.set("iss", "http://127.0.0.1:1/evil");
    await page.goto(callback.toString());
    await expect(new LoginPage(page).companyError).toContainText("did not come from the configured Test SSO provider");
  });

  test("an expired code is refused, and a callback used twice signs in once", async ({ page }) => {
    const stale = await callbackUrlFor(page, "olga");
    await provider.expireCodes();
    await page.goto(stale.toString());
    await expect(new LoginPage(page).companyError).toContainText("had expired or was already used");

    // The provider remembers olga now: the button alone signs her in; the callback it delivered is kept.
    const delivered = page.waitForRequest((r) => r.url().includes("/api/auth/callback/oidc?"));
    await new LoginPage(page).goto();
    await new LoginPage(page).companySignIn.click();
    const fresh = (await delivered).url();
    await expect(page.getByText("Signed in as")).toContainText("olga");
    await page.getByRole("button", { name: "Sign out" }).click();
    // The sign-out is a server action: going on before it lands would race it with the next navigation.
    await expect(page).toHaveURL(/\/login/);
    await page.goto(fresh);
    await expect(new LoginPage(page).companyError).toContainText("could not be matched to this browser");
  });
});
