import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { sandbox } from "./sandbox-control";

export type DemoUser = "admin" | "operator" | "viewer";
export const DEMO_PASSWORD = "demo-password";

type Options = {
  /** Who the test's page is signed in as (through the real login form); null = signed out. */
  user: DemoUser | null;
};

type Fixtures = {
  /** Resets the sandbox before the test, so each spec starts from the seeded state. */
  cleanSandbox: typeof sandbox;
  expectAccessible: (page: Page) => Promise<void>;
  /** Signs a page in through the login form (for tests that sign in more than one user). */
  signIn: (page: Page, username: string, password?: string) => Promise<void>;
};

async function signInThroughForm(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, password);
  await login.expectSignedIn();
}

export const test = base.extend<Options & Fixtures>({
  user: ["admin", { option: true }],
  cleanSandbox: [
    async ({}, use) => {
      await sandbox.reset();
      await use(sandbox);
      await sandbox.clearFaults();
    },
    { auto: true },
  ],
  page: async ({ page, user }, use) => {
    if (user) await signInThroughForm(page, user);
    await use(page);
  },
  signIn: async ({}, use) => {
    await use(signInThroughForm);
  },
  expectAccessible: async ({}, use) => {
    await use(async (page: Page) => {
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
    });
  },
});

export { expect };
