// The demo tenants the sandbox serves and the app's default registry names: the one list both read.
// It stays free of imports (and of `server-only`): the sandbox, the scripts and the browser tests run
// it outside Next. Its credentials guard nothing but the local sandbox; the linter still keeps it out
// of client modules (eslint-rules/boundaries.mjs).

/** A tenant whose callers send one fixed credential (CAN's API keys). */
export type DemoKeyTenant = {
  id: string;
  name: string;
  authType: "APIKEY";
  authValue: string;
};

/**
 * A tenant whose callers first trade an app id and secret for a short-lived token
 * (`POST /anymetrics/api/v1/token/create`), then send it as `auth-type: TOKEN`.
 */
export type DemoAppTenant = {
  id: string;
  name: string;
  authType: "TOKEN";
  appId: string;
  appSecret: string;
};

export type DemoTenant = DemoKeyTenant | DemoAppTenant;

/** Demo-only credentials: they guard nothing but the local sandbox. */
export const DEMO_TENANTS: readonly DemoTenant[] = [
  { id: "acme", name: "Acme Retail", authType: "APIKEY", authValue: "sk-sandbox-acme-7d41c9e2b8" },
  { id: "globex", name: "Globex Logistics", authType: "TOKEN", appId: "app-sandbox-globex-3c8e", appSecret: "as-sandbox-globex-91d7f04b6a" },
];

/** Every secret a demo tenant holds (for scans that must find none of them). */
export function demoSecrets(t: DemoTenant): string[] {
  return t.authType === "APIKEY" ? [t.authValue] : [t.appSecret];
}
