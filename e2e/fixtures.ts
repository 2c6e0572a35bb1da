import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { signIn as signInAction } from "../tests/support/action-client";
import { LoginPage } from "./pages/login-page";
import { sandbox } from "../tests/support/e2e-sandbox";
import { reportPageState } from "./page-state";

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

/**
 * The test's page starts signed in: through the login page's own server action over HTTP (the same
 * action the form posts, tests/support/action-client.ts), its session cookie put in the browser
 * context. The form itself is tested where it is the subject (auth.spec.ts, the `signIn` fixture);
 * here it only cost two page loads per test.
 */
async function signInOverHttp(context: BrowserContext, baseURL: string, username: DemoUser): Promise<void> {
  const session = await signInAction(process.cwd(), baseURL, username, DEMO_PASSWORD);
  const [name, ...value] = (session.cookie ?? "").split("=");
  if (!session.cookie || !name) throw new Error(`demo sign-in of ${username} failed: HTTP ${session.status} ${session.error ?? ""}`);
  await context.addCookies([{ name, value: value.join("="), url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}

/**
 * Every page of the test's browser context reports Content-Security-Policy violations (the DOM's
 * `securitypolicyviolation` event, and Chromium's console message for each refusal); the test fails
 * if there was any. The listener is an init script, which the page's CSP does not govern.
 */
async function watchCsp(context: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  await context.exposeBinding("__reportCspViolation", (_source, line: string) => {
    seen.push(line);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation?: (line: string) => void }).__reportCspViolation;
      report?.(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  return seen;
}

export const test = base.extend<Options & Fixtures>({
  user: ["admin", { option: true }],
  context: async ({ context }, use) => {
    const violations = await watchCsp(context);
    await use(context);
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  },
  cleanSandbox: [
    async ({}, use) => {
      await sandbox.reset();
      await use(sandbox);
      await sandbox.clearFaults();
    },
    { auto: true },
  ],
  page: async ({ page, context, user, baseURL }, use, testInfo) => {
    if (user) await signInOverHttp(context, baseURL ?? "", user);
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus) await reportPageState(page, testInfo);
  },
  signIn: async ({}, use) => {
    await use(signInThroughForm);
  },
  expectAccessible: async ({}, use) => {
    await use(async (page: Page) => {
      // Only violations are read: axe then skips building selectors for every passing node, which on
      // a year of cells was more than half of the scan's time.
      const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
    });
  },
});

export { expect };
