// The supply-chain gate, run as CI runs it, against a fake `npm` on PATH that answers `npm view NAME
// time --json` from fixtures (and fails `npm audit` the way the registry here does), with a fixed
// clock: the verdict depends on the publish dates, never on the day the test runs.
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const run = promisify(execFile);
const script = join(process.cwd(), "scripts", "supply-chain.ts");
const NOW = "2026-12-05T12:00:00Z";
const daysAgo = (n: number) => new Date(Date.parse(NOW) - n * 86_400_000).toISOString();
const dirs: string[] = [];

type Registry = Record<string, Record<string, string>>;

/** A project folder with the given installed versions, a matching SBOM, and a fake npm. */
function project(installed: Record<string, string>, registry: Registry) {
  const root = mkdtempSync(join(tmpdir(), "supply-chain-"));
  dirs.push(root);
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "fixture", dependencies: installed }));
  for (const [name, version] of Object.entries(installed)) {
    mkdirSync(join(root, "node_modules", name), { recursive: true });
    writeFileSync(join(root, "node_modules", name, "package.json"), JSON.stringify({ name, version }));
  }
  mkdirSync(join(root, ".next"));
  const components = Object.entries(installed).map(([name, version]) => ({ name, version }));
  writeFileSync(join(root, ".next", "sbom.cdx.json"), JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.5", components }));
  writeFileSync(join(root, "registry.json"), JSON.stringify(registry));
  const bin = join(root, "bin");
  mkdirSync(bin);
  const fakeNpm = join(bin, "npm");
  writeFileSync(
    fakeNpm,
    `#!/usr/bin/env node
const [cmd, name, field] = process.argv.slice(2);
if (cmd === "audit") { console.error("npm error 405 Method Not Allowed - POST advisories/bulk"); process.exit(1); }
const registry = require(${JSON.stringify(join(root, "registry.json"))});
if (cmd === "view" && field === "time" && registry[name]) { console.log(JSON.stringify(registry[name])); process.exit(0); }
console.error("npm error 404 Not Found: " + name); process.exit(1);
`,
  );
  chmodSync(fakeNpm, 0o755);
  return { root, bin };
}

async function gate(installed: Record<string, string>, registry: Registry) {
  const { root, bin } = project(installed, registry);
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` };
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", script, "--root", root, "--now", NOW], { env });
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? "" };
  }
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("supply-chain gate", () => {
  it("passes when every dependency is on the newest release of its line", async () => {
    const result = await gate({ lib: "5.2.0" }, { lib: { created: daysAgo(900), "5.1.0": daysAgo(60), "5.2.0": daysAgo(30), "6.0.0": daysAgo(20) } });
    expect(result.stdout).toContain("supply chain: ok");
    expect(result.stdout).not.toMatch(/WARNING|FINDING/);
    expect(result.code).toBe(0);
  });

  it("fails on a newer release in the same major published more than 7 days ago", async () => {
    const result = await gate({ lib: "5.2.0" }, { lib: { "5.2.0": daysAgo(30), "5.2.1": daysAgo(8) } });
    expect(result.stdout).toMatch(/FINDING: lib 5\.2\.0 is behind 5\.2\.1 \(published 2026-11-27/);
    expect(result.stdout).toContain("npm install --save-exact lib@5.2.1");
    expect(result.code).toBe(1);
  });

  it("warns, and passes, on a release published yesterday", async () => {
    const result = await gate({ lib: "5.2.0" }, { lib: { "5.2.0": daysAgo(30), "5.3.0": daysAgo(1) } });
    expect(result.stdout).toMatch(/WARNING: lib 5\.2\.0: 5\.3\.0 was published 2026-12-04/);
    expect(result.stdout).not.toContain("FINDING");
    expect(result.stdout).toContain("supply chain: ok");
    expect(result.code).toBe(0);
  });

  it("names the newest overdue release when a younger one is also out", async () => {
    const result = await gate({ lib: "5.2.0" }, { lib: { "5.2.0": daysAgo(30), "5.2.1": daysAgo(10), "5.2.2": daysAgo(2) } });
    expect(result.stdout).toMatch(/behind 5\.2\.1/);
    expect(result.code).toBe(1);
  });

  it("checks a 0.x package within its minor, not within 0.0.x", async () => {
    const behind = await gate({ "@scope/embedded": "0.5.16" }, { "@scope/embedded": { "0.5.16": daysAgo(40), "0.5.17": daysAgo(16), "0.6.0": daysAgo(9) } });
    expect(behind.stdout).toMatch(/@scope\/embedded 0\.5\.16 is behind 0\.5\.17 .* within \^0\.5\.0/);
    expect(behind.code).toBe(1);
    const nextMinorOnly = await gate({ "@scope/embedded": "0.5.17" }, { "@scope/embedded": { "0.5.17": daysAgo(16), "0.6.0": daysAgo(9) } });
    expect(nextMinorOnly.stdout).toContain("supply chain: ok");
    expect(nextMinorOnly.code).toBe(0);
  });

  it("ignores pre-releases and releases dated after the clock", async () => {
    const result = await gate(
      { lib: "5.2.0" },
      { lib: { "5.2.0": daysAgo(30), "5.3.0-rc.1": daysAgo(20), "5.2.1": new Date(Date.parse(NOW) + 3_600_000).toISOString() } },
    );
    expect(result.stdout).toContain("supply chain: ok");
    expect(result.code).toBe(0);
  });

  it("says it could not complete when the registry does not answer", async () => {
    const result = await gate({ unlisted: "1.0.0" }, {});
    expect(result.stdout).toContain("unlisted: could not ask the registry");
    expect(result.code).toBe(2);
  });
});
