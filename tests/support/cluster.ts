import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startService, waitForHttp, type Service } from "./processes";

// Real processes for the multi-instance tests and the soak: one CAN sandbox and several `next start`
// instances of the built app, all on loopback, sharing one PostgreSQL database.

export { freePort };

export const root = process.cwd();

/** Waits until `url` answers with a status `ok` accepts (below 500 by default); throws with what it saw last. */
export async function waitFor(url: string, timeoutMs: number, ok: (status: number) => boolean = (s) => s < 500): Promise<void> {
  const { up, last } = await waitForHttp(url, { timeoutMs, ok });
  if (!up) throw new Error(`${url} not up after ${timeoutMs} ms (${last})`);
}

/** A Node process of ours (tsx, next) and the URL it serves. */
export type Proc = Service & { base: string };

export function startProcess(name: string, base: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  return { ...startService(name, process.execPath, args, { cwd: root, env, show: "quiet" }), base };
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

/** SIGTERM, then SIGKILL after 20 s; nothing when it is not running. */
export async function stop(proc: Proc | undefined): Promise<void> {
  await proc?.stop();
}
