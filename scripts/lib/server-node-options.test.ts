import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { serverEnv, serverNodeOptions } from "./server-node-options";

/** V8's heap limit in MB of a Node process started with `nodeOptions`. */
function heapLimitMB(nodeOptions: string): number {
  const out = execFileSync(process.execPath, ["-e", "console.log(require('v8').getHeapStatistics().heap_size_limit)"], {
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
    encoding: "utf8",
  });
  return Number(out.trim()) / 2 ** 20;
}

describe("serverNodeOptions", () => {
  it("caps the server's heap (V8 would take about 4 GB on a 24 GB machine) well above the console's live heap", () => {
    const capped = heapLimitMB(serverNodeOptions(undefined));
    expect(capped).toBeGreaterThanOrEqual(256);
    expect(capped).toBeLessThanOrEqual(512);
  });

  it("keeps the caller's NODE_OPTIONS, after its own flags, so the caller's heap size wins", () => {
    expect(serverNodeOptions("  --enable-source-maps ")).toMatch(/ --enable-source-maps$/);
    expect(heapLimitMB(serverNodeOptions("--max-old-space-size=1024"))).toBeGreaterThanOrEqual(1024);
  });

  it("limits glibc's malloc arenas unless the caller chose a number", () => {
    expect(serverEnv({ PATH: "/bin" })).toMatchObject({ PATH: "/bin", MALLOC_ARENA_MAX: "2" });
    expect(serverEnv({ MALLOC_ARENA_MAX: "8" }).MALLOC_ARENA_MAX).toBe("8");
    expect(serverEnv({ NODE_OPTIONS: "--trace-warnings" }).NODE_OPTIONS).toMatch(/^--max-old-space-size=\d+ --trace-warnings$/);
  });
});
