import { spawn } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCliOptions } from "./cli-options";
import { stateFilePath } from "./state-store";
import { ACME, authHeaders, canUrl } from "./test-support";

describe("parseCliOptions", () => {
  it("has the documented defaults", () => {
    expect(parseCliOptions([], {})).toEqual({
      ok: true,
      options: {
        host: "127.0.0.1",
        port: 8787,
        dataDir: ".data",
        reset: false,
        seedEnd: undefined,
        config: { shape: "documented", maxPageSize: 100, latencyMs: 0, readEnvelope: "envelope", tokenTtlSeconds: 21_600, listOrder: "newest-first" },
      },
    });
  });

  it("reads the environment and lets flags win", () => {
    const env = {
      SANDBOX_HOST: "0.0.0.0",
      SANDBOX_PORT: "9000",
      DATA_DIR: "/tmp/x",
      SANDBOX_SHAPE: "detailed",
      SANDBOX_MAX_PAGE_SIZE: "20",
      SANDBOX_LATENCY_MS: "",
      SANDBOX_SEED_END: "2025-01-31",
      SANDBOX_READ_ENVELOPE: "bare",
    };
    const parsed = parseCliOptions(["--port", "9100", "--shape=documented", "--reset", "--latency-ms", "15", "--token-ttl-seconds", "3"], env);
    expect(parsed).toEqual({
      ok: true,
      options: {
        host: "0.0.0.0",
        port: 9100,
        dataDir: "/tmp/x",
        reset: true,
        seedEnd: "2025-01-31",
        config: { shape: "documented", maxPageSize: 20, latencyMs: 15, readEnvelope: "bare", tokenTtlSeconds: 3, listOrder: "newest-first" },
      },
    });
  });

  it.each([[["--shape", "fancy"]], [["--port", "-1"]], [["--max-page-size", "0"]], [["--seed-end", "31/01/2025"]], [["--bogus"]], [["--port"]]])(
    "refuses %j",
    (argv) => {
      expect(parseCliOptions(argv, {}).ok).toBe(false);
    },
  );
});

describe("sandbox/main.ts", () => {
  it("prints the listening line, serves, and exits cleanly on SIGTERM", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "can-sandbox-cli-"));
    const root = path.resolve(__dirname, "..");
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["sandbox/main.ts", "--port", "0", "--data-dir", dataDir, "--reset"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /^CAN sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`exited early with ${code}: ${out}`)));
      });
      const res = await fetch(canUrl(url, "queryAccelerateResultPlanList"), {
        method: "POST",
        headers: authHeaders(ACME),
        body: JSON.stringify({ pager: { pageNumber: 1, pageSize: 1 } }),
      });
      expect(await res.json()).toMatchObject({ success: true, total: 8 });
      expect((await stat(stateFilePath(dataDir))).isFile()).toBe(true);
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
