import { describe, expect, it } from "vitest";
import { startupWarnings } from "@/lib/server/startup-warnings";
import { parseTenantsFile } from "@/lib/tenants";

const entry = (extra: Record<string, unknown>) =>
  JSON.stringify({ tenants: [{ id: "t1", name: "T1", authType: "APIKEY", authValue: "sk-xyz-123", ...extra }] });

describe("tenants file: plain http", () => {
  it("refuses an http:// baseUrl without allowInsecureHttp, naming the tenant and the field", () => {
    for (const baseUrl of ["http://can.example.internal:8080", "HTTP://can.example.internal"]) {
      expect(() => parseTenantsFile("tenants.json", entry({ baseUrl }))).toThrow(
        /tenant "t1" \(#1\): field "baseUrl": http:\/\/ sends the credential in clear text/,
      );
    }
    expect(() => parseTenantsFile("tenants.json", entry({ baseUrl: "http://can.example.internal", allowInsecureHttp: false }))).toThrow(/allowInsecureHttp/);
  });

  it("accepts http:// when the tenant says allowInsecureHttp: true, and marks the tenant so start-up warns", () => {
    const [t] = parseTenantsFile("tenants.json", entry({ baseUrl: "http://can.example.internal/", allowInsecureHttp: true }));
    expect(t).toMatchObject({ baseUrl: "http://can.example.internal", allowInsecureHttp: true });
  });

  it("accepts https:// as it is, with no flag", () => {
    const [t] = parseTenantsFile("tenants.json", entry({ baseUrl: "https://can.example.internal" }));
    expect(t?.allowInsecureHttp).toBeUndefined();
    const [u] = parseTenantsFile("tenants.json", entry({ baseUrl: "https://can.example.internal", allowInsecureHttp: true }));
    expect(u?.allowInsecureHttp).toBeUndefined();
  });
});

describe("start-up warnings", () => {
  const [insecure] = parseTenantsFile("tenants.json", entry({ baseUrl: "http://can.example.internal", allowInsecureHttp: true }));
  const [secure] = parseTenantsFile("tenants.json", entry({ id: "t2", baseUrl: "https://can.example.internal" }));

  it("names each tenant allowed plain http, and says when no proxy header is trusted, outside demo mode", () => {
    const warnings = startupWarnings({ demoMode: false, tenants: [insecure!, secure!], trustProxyHeader: undefined });
    expect(warnings.map((w) => w.tenant ?? "-")).toEqual(["t1", "-"]);
    expect(warnings[0]?.warning).toMatch(/plain http/);
    expect(warnings[1]?.warning).toMatch(/TRUST_PROXY_HEADER/);
    expect(startupWarnings({ demoMode: false, tenants: [secure!], trustProxyHeader: "x-real-ip" })).toEqual([]);
  });

  it("says nothing in demo mode (the sandbox on loopback)", () => {
    expect(startupWarnings({ demoMode: true, tenants: [insecure!], trustProxyHeader: undefined })).toEqual([]);
  });
});

describe("tenants file: app credentials (authType TOKEN, tokens from token/create)", () => {
  const app = (fields: Record<string, unknown>) =>
    JSON.stringify({
      tenants: [
        { id: "t1", name: "T1", baseUrl: "https://can.example.internal", authType: "TOKEN", appIdEnv: "CAN_APP_ID", appSecretEnv: "CAN_APP_SECRET", ...fields },
      ],
    });
  const env: Record<string, string> = { CAN_APP_ID: "app-123", CAN_APP_SECRET: "as-secret-456" };
  const parse = (text: string) => parseTenantsFile("tenants.json", text, (name) => env[name]);

  it("reads appIdEnv, appSecretEnv and tokenTtlSeconds into the tenant's app credential", () => {
    expect(parse(app({ tokenTtlSeconds: 3600 }))[0]).toEqual({
      id: "t1",
      name: "T1",
      baseUrl: "https://can.example.internal",
      authType: "TOKEN",
      app: { appId: "app-123", appSecret: "as-secret-456", tokenTtlSeconds: 3600 },
    });
    expect(parse(app({ appIdEnv: undefined, appId: "inline-id", appSecretEnv: undefined, appSecret: "inline-secret" }))[0]?.app).toEqual({
      appId: "inline-id",
      appSecret: "inline-secret",
    });
  });

  it.each([
    [{ authType: "APIKEY" }, "authType", /use "authType": "TOKEN"/],
    [{ authValueEnv: "CAN_KEY" }, "authValueEnv", /not both/],
    [{ appSecretEnv: undefined }, "appSecretEnv", /exactly one of appSecretEnv/],
    [{ appId: "also-inline" }, "appIdEnv", /exactly one of appIdEnv/],
    [{ appSecretEnv: "CAN_UNSET" }, "appSecretEnv", /environment variable CAN_UNSET is not set/],
    [{ tokenTtlSeconds: 5 }, "tokenTtlSeconds", /at least 10 seconds/],
    [{ tokenTtlSeconds: "3600" }, "tokenTtlSeconds", /number/],
  ])("refuses %j naming the tenant and the field %s, never a secret", (fields, field, message) => {
    let error: unknown;
    try {
      parse(app(fields));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    const text = (error as Error).message;
    expect(text).toContain(`tenants.json: tenant "t1" (#1): field "${field}": `);
    expect(text).toMatch(message);
    expect(text).not.toContain("as-secret-456");
  });

  it("refuses tokenTtlSeconds on a fixed credential", () => {
    expect(() => parseTenantsFile("tenants.json", entry({ baseUrl: "https://can.example.internal", tokenTtlSeconds: 600 }))).toThrow(
      /field "tokenTtlSeconds": applies only to app credentials/,
    );
  });
});
