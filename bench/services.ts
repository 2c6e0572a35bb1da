// The bench's own sandbox and app, on loopback ports of their own, each in its own process group so
// stopping one stops everything it started (npx → next → next-server).
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { readProcStat } from "@/lib/proc-stat";

export type Service = {
  name: string;
  url: string;
  child: ChildProcess;
  alive: () => boolean;
  stop: () => Promise<void>;
  /** Synchronous last resort, for process exit: SIGKILL to the whole group. */
  kill: () => void;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs: number, alive: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) return false;
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return false;
}

/** Starts `cmd` in a new process group; its output is kept (last 200 lines) and shown when `verbose`. */
export function startService(
  name: string,
  url: string,
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  verbose: boolean,
): Service & { log: () => string } {
  const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line) continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      if (verbose) process.stderr.write(`[${name}] ${line}\n`);
    }
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(-(child.pid as number), s);
      } catch {
        // the group is gone already
      }
    };
    signal("SIGTERM");
    const timer = setTimeout(() => signal("SIGKILL"), 20_000);
    await exitedPromise;
    // npx exits at once on SIGTERM while next-server drains (finishes marks, closes the database):
    // wait for the group's running members before making sure with SIGKILL.
    const deadline = Date.now() + 20_000;
    while (groupRunning(child.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    clearTimeout(timer);
    signal("SIGKILL");
  };
  const kill = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // the group is gone already
    }
  };
  return { name, url, child, alive: () => !exited, stop, kill, log: () => lines.join("\n") };
}

type ProcInfo = { pid: number; ppid: number; name: string; rssKiB: number };

/** Whether a process of group `pgid` still runs (zombies, which nobody reaps here, do not count). */
function groupRunning(pgid: number): boolean {
  return readdirSync("/proc").some((d) => {
    if (!/^\d+$/.test(d)) return false;
    const stat = readProcStat(d);
    return stat !== null && stat.pgrp === pgid && stat.state !== "Z";
  });
}

function readProc(pid: number): ProcInfo | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (k: string) => new RegExp(`^${k}:\\s*(.*)$`, "m").exec(status)?.[1]?.trim() ?? "";
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
    return { pid, ppid: Number(field("PPid")), name: cmdline || field("Name"), rssKiB: Number.parseInt(field("VmRSS") || "0", 10) };
  } catch {
    return null;
  }
}

/** VmRSS of every process under `rootPid` (inclusive), from /proc. */
export function processTree(rootPid: number): ProcInfo[] {
  const all = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readProc(Number(d)))
    .filter((p): p is ProcInfo => p !== null);
  const out: ProcInfo[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    const p = all.find((x) => x.pid === pid);
    if (p) out.push(p);
    for (const c of all) if (c.ppid === pid) queue.push(c.pid);
  }
  return out;
}

/** The sandbox's loopback control endpoint. */
export class SandboxControl {
  constructor(readonly url: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/__sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  reset = () => this.call<unknown>("POST", "reset");
  setLatency = (latencyMs: number) => this.call<unknown>("POST", "config", { latencyMs });
  requests = () => this.call<{ total: number; byTenantAndEndpoint: Record<string, Record<string, number>> }>("GET", "requests");
}
