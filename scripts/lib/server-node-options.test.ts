import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serverEnv, serverNodeArgs, serverNodeOptions } from "./server-node-options";

/** V8's heap limit in MB of a Node process started with `nodeOptions`: old space plus three semi-spaces. */
function heapLimitMB(nodeOptions: string): number {
  const out = execFileSync(process.execPath, ["-e", "console.log(require('v8').getHeapStatistics().heap_size_limit)"], {
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
    encoding: "utf8",
  });
  return Number(out.trim()) / 2 ** 20;
}

// A WebAssembly function called often enough to be optimised: V8's natives (test-only flags, put
// before the server's own) tell which compiler's code it runs. Written to a file at test time
// since `%` is not JavaScript to the formatter.
const TIER_PROBE = `
const bytes = new Uint8Array([0,97,115,109,1,0,0,0,1,7,1,96,2,127,127,1,127,3,2,1,0,7,7,1,3,97,100,100,0,0,10,9,1,7,0,32,0,32,1,106,11]);
const { add } = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
for (let i = 0; i < 200000; i++) add(i, 1);
console.log(JSON.stringify({ turbofan: %IsTurboFanFunction(add), liftoff: %IsLiftoffFunction(add) }));
`;

/** Which code a hot WebAssembly function runs in a Node process started with `args` before the script. */
function hotWasmTier(argsFor: (script: string) => string[]): { turbofan: boolean; liftoff: boolean } {
  const dir = mkdtempSync(join(tmpdir(), "wasm-tier-"));
  try {
    const script = join(dir, "probe.js");
    writeFileSync(script, TIER_PROBE);
    const testFlags = ["--allow-natives-syntax", "--wasm-tiering-budget=100", "--wasm-sync-tier-up"];
    const out = execFileSync(process.execPath, [...testFlags, ...argsFor(script)], { encoding: "utf8" });
    return JSON.parse(out.trim()) as { turbofan: boolean; liftoff: boolean };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("serverNodeOptions", () => {
  it("caps the server's heap (V8 would take about 4 GB on a 24 GB machine) well above the console's live heap", () => {
    const capped = heapLimitMB(serverNodeOptions(undefined));
    expect(capped).toBeGreaterThanOrEqual(256);
    expect(capped).toBeLessThanOrEqual(512);
  });

  it("gives the young generation 32 MB semi-spaces (64 MB left to V8 with the old-space cap)", () => {
    // 256 MB of old space + 3 × 32 MB; with V8's 64 MB semi-spaces it would be 448.
    expect(heapLimitMB(serverNodeOptions(undefined))).toBeLessThanOrEqual(256 + 3 * 32);
  });

  it("keeps the caller's NODE_OPTIONS, after its own flags, so the caller's heap size wins", () => {
    expect(serverNodeOptions("  --enable-source-maps ")).toMatch(/ --enable-source-maps$/);
    expect(heapLimitMB(serverNodeOptions("--max-old-space-size=1024"))).toBeGreaterThanOrEqual(1024);
    expect(heapLimitMB(serverNodeOptions("--max-semi-space-size=64"))).toBeGreaterThanOrEqual(256 + 3 * 64);
  });

  it("limits glibc's malloc arenas unless the caller chose a number", () => {
    expect(serverEnv({ PATH: "/bin" })).toMatchObject({ PATH: "/bin", MALLOC_ARENA_MAX: "2" });
    expect(serverEnv({ MALLOC_ARENA_MAX: "8" }).MALLOC_ARENA_MAX).toBe("8");
    expect(serverEnv({ NODE_OPTIONS: "--trace-warnings" }).NODE_OPTIONS).toMatch(/^--max-old-space-size=\d+ --max-semi-space-size=\d+ --trace-warnings$/);
  });
});

describe("serverNodeArgs", () => {
  it("runs the server's hot WebAssembly (PGlite) in Liftoff's baseline code, never optimised by TurboFan", () => {
    expect(hotWasmTier((script) => [script])).toEqual({ turbofan: true, liftoff: false }); // V8's default, as a control
    expect(hotWasmTier((script) => serverNodeArgs(script, []))).toEqual({ turbofan: false, liftoff: true });
  });

  it("puts V8's flags before the script and next's arguments after it", () => {
    const args = serverNodeArgs("/app/next", ["start", "-p", "3000"]);
    expect(args.slice(-4)).toEqual(["/app/next", "start", "-p", "3000"]);
    expect(args.slice(0, -4).every((a) => a.startsWith("--"))).toBe(true);
  });
});
