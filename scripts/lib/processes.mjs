// Small helpers to run and supervise child processes from the start, test and bench scripts.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

export function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", ...options });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

/** Polls `url` until it answers with a status `ok` accepts (any, by default) or `timeoutMs` passes. */
export async function waitForHttp(url, timeoutMs, isAlive = () => true, ok = () => true) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (ok(res.status)) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** True when something already listens on host:port (so a server started there would fail). */
export function portInUse(host, port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (e) => resolve(e.code === "EADDRINUSE" || e.code === "EACCES"));
    probe.listen(Number(port), host, () => probe.close(() => resolve(false)));
  });
}

/**
 * A child whose output is shown with a `[name]` prefix. With `hold`, its lines are kept back until
 * `release()` (the start script shows them only once the app is ready, or its last lines when it
 * is not); `lastLines(n)` is what it printed most recently either way.
 */
export function startService(name, cmd, args, options = {}, { hold = false } = {}) {
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
  const recent = [];
  let held = hold ? [] : undefined;
  const show = (stream, line) => stream.write(`[${name}] ${line}\n`);
  const onData = (stream) => (chunk) => {
    for (const line of chunk.toString().split("\n")) {
      if (line.length === 0) continue;
      recent.push(line);
      if (recent.length > 200) recent.shift();
      if (held) held.push([stream, line]);
      else show(stream, line);
    }
  };
  child.stdout?.on("data", onData(process.stdout));
  child.stderr?.on("data", onData(process.stderr));
  let exited = false;
  let exitCode = null;
  const exit = new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      exited = true;
      exitCode = code ?? signal;
      resolve(exitCode);
    }),
  );
  return {
    child,
    alive: () => !exited,
    exitCode: () => exitCode,
    exit,
    lastLines: (n) => recent.slice(-n),
    release: () => {
      for (const [stream, line] of held ?? []) show(stream, line);
      held = undefined;
    },
  };
}
