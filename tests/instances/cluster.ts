import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Real processes for the multi-instance tests: one CAN sandbox and several `next start` instances of
// the built app, all on loopback, sharing one PostgreSQL database.

export const root = process.cwd();

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(url: string, timeoutMs: number, ok: (status: number) => boolean = (s) => s < 500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (ok(res.status)) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not up after ${timeoutMs} ms (${last})`);
}

export type Proc = {
  name: string;
  base: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or signal name) and when it happened. */
  exited: Promise<{ code: number | string; at: number }>;
};

export function startProcess(name: string, base: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | string; at: number }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code: code ?? signal ?? "unknown", at: Date.now() })),
  );
  return { name, base, child, output: () => out, exited };
}

export async function startSandbox(): Promise<Proc & { dir: string }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "instances-sandbox-"));
  const tsx = join(root, "node_modules/tsx/dist/cli.mjs");
  const proc = startProcess(
    "sandbox",
    `http://127.0.0.1:${port}`,
    [tsx, "sandbox/main.ts", "--port", String(port), "--data-dir", dir, "--reset", "--seed-end", "2026-10-31"],
    process.env,
  );
  await waitFor(`${proc.base}/__sandbox/config`, 30_000);
  return { ...proc, dir };
}

export type InstanceOptions = { databaseUrl: string; sandboxUrl: string; env?: Record<string, string> };

/** One app instance: `next start` on its own port; ready when /api/health/ready says so. */
export async function startInstance(name: string, options: InstanceOptions): Promise<Proc> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), `instance-${name}-`));
  const next = join(root, "node_modules/next/dist/bin/next");
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const proc = startProcess(name, base, [next, "start", "-H", "127.0.0.1", "-p", String(port)], {
    ...inherited,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "true",
    DATABASE_URL: options.databaseUrl,
    SANDBOX_URL: options.sandboxUrl,
    DATA_DIR: dataDir,
    PUBLIC_URL: base,
    TRUST_PROXY_HEADER: "x-forwarded-for",
    ...options.env,
  });
  proc.exited.then(
    () => rmSync(dataDir, { recursive: true, force: true }),
    () => undefined,
  );
  try {
    await waitFor(`${base}/api/health/ready`, 60_000, (s) => s === 200);
  } catch (e) {
    proc.child.kill("SIGKILL");
    throw new Error(`${name} did not become ready: ${e instanceof Error ? e.message : String(e)}\n${proc.output()}`);
  }
  return proc;
}

export async function stop(proc: Proc | undefined): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill("SIGTERM");
  const timer = setTimeout(() => proc.child.kill("SIGKILL"), 20_000);
  await proc.exited;
  clearTimeout(timer);
}
