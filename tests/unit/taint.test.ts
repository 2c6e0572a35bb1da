import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { CREDENTIAL_TAINT_MESSAGE, taintCredentials, type Tenant } from "@/lib/tenants";

const tenants: Tenant[] = [
  { id: "a", name: "A", baseUrl: "http://a", authType: "APIKEY", authValue: "sk-a" },
  { id: "b", name: "B", baseUrl: "http://b", authType: "TOKEN", authValue: "tok-b" },
];

/** Demo mode (the sandbox's tenants), whatever the calling shell has set. */
function demoEnv(): NodeJS.ProcessEnv {
  const { CAN_TENANTS_FILE: _file, ...rest } = process.env;
  return { ...rest, NODE_ENV: "production" };
}

describe("React taint on CAN credentials", () => {
  it("taints every tenant's credential, for the life of its tenant object", () => {
    const taint = vi.fn();
    expect(taintCredentials(tenants, taint)).toBe(2);
    expect(taint.mock.calls).toEqual(tenants.map((t) => [CREDENTIAL_TAINT_MESSAGE, t, t.authValue]));
  });

  it("is skipped where React has no taint API (stable React: CLIs, unit tests)", () => {
    expect(taintCredentials(tenants, undefined)).toBe(0);
  });

  it("next.config.js turns the taint API on", () => {
    expect(readFileSync("next.config.js", "utf8")).toMatch(/experimental:\s*{[^}]*taint:\s*true/);
  });

  it("React's server renderer refuses to serialize a credential loaded by lib/tenants.ts, and a token lib/can obtained", () => {
    // A separate Node process, set up as next-server is: react-server condition, React's experimental build.
    const child = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "--import", "./tests/support/react-experimental-hooks.mjs", "tests/support/taint-child.ts"],
      {
        encoding: "utf8",
        env: demoEnv(),
        timeout: 60_000,
      },
    );
    expect(child.status, child.stderr).toBe(0);
    const out = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as {
      results: { tenant: string; errors: string[]; leaked: boolean; copyErrors: string[] }[];
      control: { errors: string[]; output: string };
    };
    expect(out.results.map((r) => r.tenant)).toEqual(["acme", "globex", "globex token"]); // globex: its app secret, then a token lib/can obtained
    for (const r of out.results) {
      expect(r.leaked).toBe(false);
      expect(r.errors.join(" ")).toContain(CREDENTIAL_TAINT_MESSAGE);
      expect(r.copyErrors.join(" ")).toContain(CREDENTIAL_TAINT_MESSAGE); // a copied string is the same value
    }
    expect(out.control.errors).toEqual([]); // the rest of a tenant still renders
    expect(out.control.output).toContain("Acme Retail");
  });
});
