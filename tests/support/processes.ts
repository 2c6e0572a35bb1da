// Child processes for every tool that starts servers: `npm start`, `npm test`, the bench, the soak,
// the multi-instance tests and the e2e app server. One copy of port finding, readiness polling and
// start/stop, so a fix to one (a drained stop, a group kill) reaches them all.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readdirSync } from "node:fs";
import { createServer } from "node:net";
import { readProcStat } from "@/lib/proc-stat";

/** Runs a command to its end with inherited output; resolves with its exit code (127 when it cannot start). */
export function run(cmd: string, args: readonly string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", ...options });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

/** `run`, with every line of its output prefixed, so runs side by side stay readable in one log. */
export function runPrefixed(prefix: string, cmd: string, args: readonly string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    for (const [stream, sink] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      let rest = "";
      stream.on("data", (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) sink.write(`${prefix} ${line}\n`);
      });
      stream.on("end", () => rest && sink.write(`${prefix} ${rest}\n`));
    }
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
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

/** True when something already listens on host:port (so a server started there would fail). */
export function portInUse(host: string, port: number | string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "EADDRINUSE" || e.code === "EACCES"));
    probe.listen(Number(port), host, () => probe.close(() => resolve(false)));
  });
}

export type WaitOptions = {
  timeoutMs: number;
  /** Stop waiting as soon as this says the server's process is gone. */
  alive?: () => boolean;
  /** Which HTTP status counts as up; any answer by default. */
  ok?: (status: number) => boolean;
};

/** Polls `url` until it answers with a status `ok` accepts. `up: false` carries the last thing seen. */
export async function waitForHttp(url: string, { timeoutMs, alive = () => true, ok = () => true }: WaitOptions): Promise<{ up: boolean; last: string }> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (!alive()) return { up: false, last: `the process stopped (${last})` };
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (ok(res.status)) return { up: true, last: `HTTP ${res.status}` };
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { up: false, last };
}

export type Exit = { code: number | string; at: number };

export type Service = {
  name: string;
  child: ChildProcess;
  alive: () => boolean;
  /** The exit code (or signal name) once it exited, else null. */
  exitCode: () => number | string | null;
  exited: Promise<Exit>;
  /** What it printed (stdout and stderr interleaved), its last 256 KiB. */
  output: () => string;
  lastLines: (n: number) => string[];
  /** Shows the lines held back so far (`show: "held"`) and every later one as it comes. */
  release: () => void;
  /** SIGTERM (to the group, with `group`), then waits for it to drain; SIGKILL after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
  /** Synchronous last resort, for process exit: SIGKILL. */
  kill: () => void;
};

export type ServiceOptions = SpawnOptions & {
  /** "prefixed": each line shown as `[name] line`; "held": kept until `release()`; "quiet": kept only. */
  show?: "prefixed" | "held" | "quiet";
  /** Own process group: a stop reaches what it started too (npx → next → next-server). */
  group?: boolean;
};

const KEPT_OUTPUT_CHARS = 256 * 1024;

/** Starts a long-running child; its output is kept (the tail), and shown as `show` says. */
export function startService(
  name: string,
  cmd: string,
  args: readonly string[],
  { show = "prefixed", group = false, ...options }: ServiceOptions = {},
): Service {
  const child = spawn(cmd, args, { ...options, stdio: ["ignore", "pipe", "pipe"], detached: group });
  let text = "";
  let held: [NodeJS.WriteStream, string][] | undefined = show === "held" ? [] : undefined;
  const display = (stream: NodeJS.WriteStream, line: string) => stream.write(`[${name}] ${line}\n`);
  const onData = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
    // Bounded: `npm start` may run for weeks; what is kept is for failure messages.
    text = (text + chunk.toString()).slice(-KEPT_OUTPUT_CHARS);
    if (show === "quiet") return;
    for (const line of chunk.toString().split("\n")) {
      if (line.length === 0) continue;
      if (held) held.push([stream, line]);
      else display(stream, line);
    }
  };
  child.stdout?.on("data", onData(process.stdout));
  child.stderr?.on("data", onData(process.stderr));
  let exit: Exit | null = null;
  const exited = new Promise<Exit>((resolve) =>
    child.on("exit", (code, signal) => {
      exit = { code: code ?? signal ?? "unknown", at: Date.now() };
      resolve(exit);
    }),
  );
  const signal = (s: NodeJS.Signals) => {
    try {
      if (group && child.pid !== undefined) process.kill(-child.pid, s);
      else child.kill(s);
    } catch {
      // already gone
    }
  };
  const stop = async (graceMs = 20_000) => {
    if (exit !== null || child.pid === undefined) return;
    signal("SIGTERM");
    const timer = setTimeout(() => signal("SIGKILL"), graceMs);
    await exited;
    if (group) {
      // npx exits at once on SIGTERM while next-server drains (finishes marks, closes the database):
      // wait for the group's running members before making sure with SIGKILL.
      const deadline = Date.now() + graceMs;
      while (groupRunning(child.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      signal("SIGKILL");
    }
    clearTimeout(timer);
  };
  return {
    name,
    child,
    alive: () => exit === null,
    exitCode: () => (exit as Exit | null)?.code ?? null,
    exited,
    output: () => text,
    lastLines: (n) =>
      text
        .split("\n")
        .filter((l) => l.length > 0)
        .slice(-n),
    release: () => {
      for (const [stream, line] of held ?? []) display(stream, line);
      held = undefined;
    },
    stop,
    kill: () => signal("SIGKILL"),
  };
}

/** Whether a process of group `pgid` still runs (zombies, which nobody reaps here, do not count). */
function groupRunning(pgid: number): boolean {
  return readdirSync("/proc").some((d) => {
    if (!/^\d+$/.test(d)) return false;
    const stat = readProcStat(d);
    return stat !== null && stat.pgrp === pgid && stat.state !== "Z";
  });
}
