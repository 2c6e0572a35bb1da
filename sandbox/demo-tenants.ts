// The app imports this file for its default tenant registry, so it must stay free of imports.

export type DemoTenant = {
  id: string;
  name: string;
  authType: "APIKEY" | "TOKEN";
  authValue: string;
};

/** Demo-only credentials: they guard nothing but the local sandbox. */
export const DEMO_TENANTS: readonly DemoTenant[] = [
  { id: "acme", name: "Acme Retail", authType: "APIKEY", authValue: "sk-sandbox-acme-7d41c9e2b8" },
  { id: "globex", name: "Globex Logistics", authType: "TOKEN", authValue: "tok-sandbox-globex-52af0e19" },
];
