import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConfigError, getEnv, resetEnvForTests } from "@/lib/env";
import { resetTenantsForTests } from "@/lib/tenants";
import { discoveryUrlOf, oidcSettings, resetRoleMappingForTests, roleMapping, sameIssuer } from "./settings";

const CLIENT = { OIDC_ISSUER: "https://sso.example.com/realms/acme", OIDC_CLIENT_ID: "can-console", OIDC_CLIENT_SECRET: "s3cret" };

function withEnv(vars: Record<string, string>): void {
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  resetEnvForTests();
  resetRoleMappingForTests();
  resetTenantsForTests();
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return [...e.problems];
    throw e;
  }
  return [];
}

const NAMES = ["CAN_TENANTS_FILE", ...Object.keys(CLIENT), "OIDC_SCOPES", "OIDC_LABEL", "OIDC_GROUPS_CLAIM", "OIDC_ROLES_FILE", "PASSWORD_SIGN_IN_ONLY"];
const saved = new Map<string, string | undefined>();

beforeEach(() => {
  // Demo mode (the demo tenants acme and globex) and no company sign-in, whatever the shell has.
  for (const k of NAMES) {
    saved.set(k, process.env[k]);
    delete process.env[k];
  }
  resetEnvForTests();
});
afterEach(() => {
  vi.unstubAllEnvs();
  for (const [k, v] of saved)
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  resetEnvForTests();
  resetRoleMappingForTests();
  resetTenantsForTests();
});

describe("company sign-in settings", () => {
  it("are off when no OIDC variable is set, and nothing else changes", () => {
    expect(oidcSettings()).toBeNull();
    expect(roleMapping()).toEqual({});
  });

  it("take the documented defaults", () => {
    withEnv(CLIENT);
    expect(oidcSettings()).toEqual({
      ...{ issuer: CLIENT.OIDC_ISSUER, clientId: "can-console", clientSecret: "s3cret" },
      scopes: ["openid", "profile", "email"],
      label: "company account",
      groupsClaim: "groups",
    });
  });

  it("read scopes, label and claim", () => {
    withEnv({ ...CLIENT, OIDC_SCOPES: "openid email groups email", OIDC_LABEL: " Acme SSO ", OIDC_GROUPS_CLAIM: "roles" });
    expect(oidcSettings()).toMatchObject({ scopes: ["openid", "email", "groups"], label: "Acme SSO", groupsClaim: "roles" });
  });

  it("refuse half a configuration, naming each missing variable", () => {
    withEnv({ OIDC_ISSUER: CLIENT.OIDC_ISSUER });
    const problems = problemsOf(() => getEnv());
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^OIDC_CLIENT_ID: not set; company sign-in needs/);
    expect(problems[1]).toMatch(/^OIDC_CLIENT_SECRET: not set/);
  });

  it("refuse an issuer that is not an http(s) URL, and passwords turned off without company sign-in", () => {
    withEnv({ ...CLIENT, OIDC_ISSUER: "sso.example.com" });
    expect(problemsOf(() => getEnv())[0]).toMatch(/^OIDC_ISSUER: not an http\(s\) URL/);
    vi.unstubAllEnvs();
    withEnv({ PASSWORD_SIGN_IN_ONLY: "breakglass" });
    expect(problemsOf(() => getEnv())[0]).toMatch(/^PASSWORD_SIGN_IN_ONLY: turning passwords off needs company sign-in/);
  });

  it("read PASSWORD_SIGN_IN_ONLY as a list of usernames", () => {
    withEnv({ ...CLIENT, PASSWORD_SIGN_IN_ONLY: " BreakGlass , ops.admin ," });
    expect(getEnv().PASSWORD_SIGN_IN_ONLY).toEqual(["breakglass", "ops.admin"]);
    withEnv({ ...CLIENT, PASSWORD_SIGN_IN_ONLY: "no spaces allowed" });
    expect(problemsOf(() => getEnv())[0]).toMatch(/^PASSWORD_SIGN_IN_ONLY/);
  });

  it("compare issuers without a trailing slash and find discovery under the issuer", () => {
    expect(sameIssuer("https://a.example/realms/x/", "https://a.example/realms/x")).toBe(true);
    expect(sameIssuer("https://a.example/realms/x", "https://a.example/realms/y")).toBe(false);
    expect(discoveryUrlOf("https://a.example/realms/x/")).toBe("https://a.example/realms/x/.well-known/openid-configuration");
  });
});

describe("the roles file", () => {
  const file = (content: string) => {
    const path = join(mkdtempSync(join(tmpdir(), "oidc-roles-")), "roles.json");
    writeFileSync(path, content);
    return path;
  };

  it("is read and checked against the tenants", () => {
    withEnv({ ...CLIENT, OIDC_ROLES_FILE: file('{"can-acme-operators": {"acme": "operator"}}') });
    expect(roleMapping()).toEqual({ "can-acme-operators": { acme: "operator" } });
  });

  it("names an unknown tenant, an unknown role, broken JSON and a missing file", () => {
    withEnv({ ...CLIENT, OIDC_ROLES_FILE: file('{"g": {"initech": "viewer"}}') });
    expect(problemsOf(() => roleMapping())[0]).toMatch(/"g" names tenant "initech", which is not configured/);
    withEnv({ ...CLIENT, OIDC_ROLES_FILE: file('{"g": {"acme": "owner"}}') });
    expect(problemsOf(() => roleMapping())[0]).toMatch(/^OIDC_ROLES_FILE: .*g → acme: /);
    withEnv({ ...CLIENT, OIDC_ROLES_FILE: file("{") });
    expect(problemsOf(() => roleMapping())[0]).toMatch(/not valid JSON/);
    withEnv({ ...CLIENT, OIDC_ROLES_FILE: "/nonexistent/roles.json" });
    expect(problemsOf(() => roleMapping())[0]).toMatch(/cannot be read/);
  });

  it("is refused without company sign-in", () => {
    withEnv({ OIDC_ROLES_FILE: "/etc/roles.json" });
    expect(problemsOf(() => getEnv())[0]).toMatch(/^OIDC_ROLES_FILE: applies only to company sign-in/);
  });
});
