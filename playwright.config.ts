import { defineConfig } from "@playwright/test";
import { e2eChromiumPath } from "./tests/support/chromium-path";
import { OIDC_TEST_CLIENT } from "./tests/support/oidc-control";

// Ports apart from `npm start`'s defaults, so tests can run beside a running console. E2E_PORT_BASE
// moves every port and folder of a run, so two runs (npm test's two shards, a second checkout) never
// share a sandbox, an app or a database.
const portBase = Number(process.env.E2E_PORT_BASE ?? "0");
export const E2E_SANDBOX_PORT = 8788 + portBase;
export const E2E_APP_PORT = 3100 + portBase;
const runSuffix = portBase === 0 ? "" : `-${portBase}`;
export const E2E_APP_DATA_DIR = `.data/e2e-app${runSuffix}`;
/** The test OpenID provider (tests/support/oidc-test-provider.ts): the e2e app's company sign-in. */
export const E2E_OIDC_PORT = 8890 + portBase;
export const E2E_OIDC_ISSUER = `http://127.0.0.1:${E2E_OIDC_PORT}`;
export const E2E_OIDC_LABEL = "Test SSO";
/** The e2e app's scrape token for /api/metrics (a test value, 32+ characters as the setting requires). */
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789abcdef";
/** Short, so the spec that trips the sign-in limit can also see it reset. */
export const E2E_SIGNIN_WINDOW_SECONDS = 20;

export default defineConfig({
  testDir: "./e2e",
  testMatch: /.*\.spec\.ts$/,
  // One sandbox holds a run's state and specs reset it, so they run one at a time; npm test runs two
  // shards side by side instead, each with its own sandbox and app (E2E_PORT_BASE).
  workers: 1,
  fullyParallel: false,
  // A run by hand shows a failure as it is; `npm test` passes --retries=1 and names the tests that
  // passed only on their retry (ADR 0042).
  retries: 0,
  // npm test runs two shards side by side on two cores: a test that takes 15 s alone can take 35 s
  // there (the slowest do a year of cells and an axe scan). Waiting longer costs nothing when it passes.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  outputDir: `test-results/run${runSuffix}`,
  // Dates are calendar dates: the calendar specs run in two browser time zones far apart.
  projects: [
    { name: "los-angeles", use: { timezoneId: "America/Los_Angeles" } },
    // Only what shows or sends a calendar date or a time: tests tagged @zone-free (errors, full refresh, item shape) run in one zone.
    {
      name: "shanghai",
      use: { timezoneId: "Asia/Shanghai" },
      testMatch: /(calendar|time-format|morning-view|plan-preview)\.spec\.ts$/,
      grepInvert: /@zone-free/,
    },
  ],
  use: {
    baseURL: `http://127.0.0.1:${E2E_APP_PORT}`,
    // `npm test` sets E2E_TRACE=off (docs/testing.md); a run by hand keeps a failed test's trace.
    trace: process.env.E2E_TRACE === "off" ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: e2eChromiumPath(),
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      command: `npx tsx sandbox/main.ts --port ${E2E_SANDBOX_PORT} --data-dir .data/e2e${runSuffix} --reset --seed-end 2026-10-31`,
      url: `http://127.0.0.1:${E2E_SANDBOX_PORT}/__sandbox/config`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx tsx tests/support/oidc-test-provider-main.ts --port ${E2E_OIDC_PORT} --redirect-uri http://127.0.0.1:${E2E_APP_PORT}/api/auth/callback/oidc`,
      url: `${E2E_OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Deletes DATA_DIR first (every run starts from an empty database), seeds the audit rows the
      // audit specs read, then `next start`, logging to DATA_DIR/server.log.
      command: "node --import tsx tests/support/start-e2e-app.ts",
      url: `http://127.0.0.1:${E2E_APP_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        E2E_APP_PORT: String(E2E_APP_PORT),
        SANDBOX_URL: `http://127.0.0.1:${E2E_SANDBOX_PORT}`,
        CAN_TIMEOUT_MS: "2000",
        DATA_DIR: E2E_APP_DATA_DIR,
        PUBLIC_URL: `http://127.0.0.1:${E2E_APP_PORT}`,
        // The sign-in limit specs give each test its own client address through this header.
        TRUST_PROXY_HEADER: "x-forwarded-for",
        SIGNIN_MAX_PER_ACCOUNT: "3",
        SIGNIN_WINDOW_SECONDS: String(E2E_SIGNIN_WINDOW_SECONDS),
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_MANUAL_SIG_HANDLE: "true",
        // Low enough for scheduler-api.spec.ts to reach it with one token.
        CAN_API_RATE_PER_MINUTE: "60",
        METRICS_TOKEN: E2E_METRICS_TOKEN,
        // Specs change CAN behind the console's back (faults, a reset between tests) and read at once:
        // share only reads in flight. The window itself is unit-tested (lib/services/shared-listing.test.ts).
        CAN_LIST_CACHE_SECONDS: "0",
        // Company sign-in against the test provider above (e2e/specs/oidc.spec.ts).
        OIDC_ISSUER: E2E_OIDC_ISSUER,
        OIDC_CLIENT_ID: OIDC_TEST_CLIENT.clientId,
        OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.clientSecret,
        OIDC_SCOPES: "openid profile email groups",
        OIDC_LABEL: E2E_OIDC_LABEL,
        OIDC_ROLES_FILE: "tests/support/oidc-roles.json",
      },
    },
  ],
});
