import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Every module that holds or reads a credential (CAN auth-values, AUTH_SECRET, DATABASE_URL: all come
// through process.env, the tenants registry or the CAN client) starts with `import "server-only"`,
// so a client component that imports it, even indirectly, fails the lint (eslint-rules/boundaries.mjs)
// and the build. Found by content, so a new module of that kind is covered without being listed here.
const CREDENTIAL_MARKERS = /\bauthValue\b|process\.env|\bAUTH_SECRET\b|\bDATABASE_URL\b|\bgetEnv\(|\breadSecretEnv\b|["']auth-value["']/;
const ROOTS = ["lib", "app", "components"];

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|tsx)$/.test(path) && !/\.test\.tsx?$/.test(path)) yield path;
  }
}

const files = ROOTS.flatMap((root) => [...sources(root)]).map((path) => ({ path, text: readFileSync(path, "utf8") }));

describe("server-only on credential holders", () => {
  it("every module that touches a credential imports server-only first", () => {
    // The demo tenants' sandbox-only credentials are read outside Next too (sandbox, browser tests),
    // where server-only cannot load; the linter keeps client modules away from them instead.
    const holders = files.filter((f) => CREDENTIAL_MARKERS.test(f.text) && f.path !== "lib/demo-tenants.ts");
    expect(holders.map((f) => f.path)).toEqual(
      expect.arrayContaining(["lib/tenants.ts", "lib/env.ts", "lib/can/client.ts", "lib/auth/secret.ts", "lib/db/client.ts"]),
    );
    const missing = holders.filter((f) => !/^import "server-only";$/m.test(f.text.split("\n").find((l) => l.startsWith("import")) ?? ""));
    expect(missing.map((f) => f.path)).toEqual([]);
  });
});
