import { defineConfig } from "@playwright/test";

// Ports apart from `npm start`'s defaults, so tests can run beside a running console.
export const E2E_SANDBOX_PORT = 8788;
export const E2E_APP_PORT = 3100;

export default defineConfig({
  testDir: "./e2e",
  testMatch: /.*\.spec\.ts$/,
  // One sandbox holds the state; specs reset it, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${E2E_APP_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: [
    {
      command: `npx tsx sandbox/main.ts --port ${E2E_SANDBOX_PORT} --data-dir .data/e2e --reset --seed-end 2026-10-31`,
      url: `http://127.0.0.1:${E2E_SANDBOX_PORT}/__sandbox/config`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx next start -H 127.0.0.1 -p ${E2E_APP_PORT}`,
      url: `http://127.0.0.1:${E2E_APP_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        SANDBOX_URL: `http://127.0.0.1:${E2E_SANDBOX_PORT}`,
        CAN_TIMEOUT_MS: "2000",
        DATA_DIR: ".data/e2e-app",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
