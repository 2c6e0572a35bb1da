// `npm start`: the sandbox (unless CAN_TENANTS_FILE points at real CAN tenants), a build if the
// sources changed, and the app on 127.0.0.1:$PORT. Ctrl-C stops everything. It says "ready" only
// once the app's readiness probe answers 200; when the app stops or never gets there, it shows the
// app's last lines and exits non-zero (docs/decisions/0015-startup-config-check.md).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "../tests/support/build-stamp";
import { portInUse, startService, waitForHttp, type Service } from "../tests/support/processes";
import { serverEnv, serverNodeArgs } from "./lib/server-node-options";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
const sandboxPort = process.env.SANDBOX_PORT ?? "8787";
const useSandbox = !process.env.CAN_TENANTS_FILE;
// Migrations on a large database, and the app's wait for the sandbox, fit well within this.
const READY_TIMEOUT_MS = 180_000;
// NEXT_MANUAL_SIG_HANDLE: the app drains itself on a stop signal (lib/server/shutdown.ts).
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "true" };
// Cookies follow the public URL (https = Secure cookies): default it to where the app listens.
env.PUBLIC_URL = env.PUBLIC_URL ?? `http://${host}:${port}`;
const services: Service[] = [];

let stopping = false;
/** Asks every service to stop and waits for them (the app finishes in-flight marks first). */
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const s of services) if (s.alive()) s.child.kill("SIGTERM");
  const waitMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 15_000) + 2_000;
  const check = setInterval(() => {
    if (services.every((s) => !s.alive())) process.exit(code);
  }, 100);
  setTimeout(() => {
    clearInterval(check);
    process.exit(code);
  }, waitMs).unref();
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

/** Next's own start banner says "Ready" before the app has checked its settings: not shown. */
const NEXT_BANNER = /^(▲ Next\.js|- (Local|Network):|✓ (Starting|Ready in|Running next\.config))/;

function failStart(what: string, service: Service): void {
  const lines = service.lastLines(30).filter((l) => !NEXT_BANNER.test(l.trim()));
  const code = service.exitCode();
  console.error(`${what}${code === null ? "" : ` (exit code ${code})`}. Its last lines:`);
  for (const line of lines) console.error(`  ${line}`);
  stopAll(1);
}

console.log(`Node ${process.version}`);
// Before the build: a busy port is a one-line answer, not a minute of building and a stack trace.
for (const [name, value, wanted] of [
  ["PORT", port, true],
  ["SANDBOX_PORT", sandboxPort, useSandbox],
] as const) {
  if (wanted && (await portInUse(host, value))) {
    console.error(`${name}: ${host}:${value} is already in use (another console running?); stop that process or set ${name} to a free port.`);
    process.exit(1);
  }
}

const buildCode = await buildIfStale(root, env);
if (buildCode !== 0) process.exit(buildCode);

const started = await startAll();
if (started) {
  const url = `http://${host}:${port}`;
  console.log("");
  console.log(`CAN Partition Console is ready: ${url}`);
  if (useSandbox) {
    console.log(`CAN sandbox (demo tenants acme, globex): ${env.SANDBOX_URL}`);
    console.log("Demo sign-ins (password demo-password):");
    console.log("  admin     admin in acme and globex");
    console.log("  operator  operator in acme, viewer in globex");
    console.log("  viewer    viewer in acme (no role in globex)");
  } else {
    console.log(`Tenants from ${process.env.CAN_TENANTS_FILE}`);
    console.log("Accounts: npm run users -- add <username>, then npm run users -- grant <username> <tenant> <role>");
  }
  console.log("Press Ctrl-C to stop.");
}

/** Starts the sandbox (demo mode) and the app; true once the app's readiness probe answers 200. */
async function startAll(): Promise<boolean> {
  if (useSandbox) {
    env.SANDBOX_URL = env.SANDBOX_URL ?? `http://127.0.0.1:${sandboxPort}`;
    // One process (tsx as a loader, no npx or tsx CLI in between), so a stop signal reaches it.
    const sandbox = startService("sandbox", process.execPath, ["--import", "tsx", "sandbox/main.ts", "--port", sandboxPort], { cwd: root, env });
    services.push(sandbox);
    if (!(await waitForHttp(`${env.SANDBOX_URL}/__sandbox/config`, { timeoutMs: 30_000, alive: sandbox.alive })).up) {
      failStart(`The CAN sandbox did not start on port ${sandboxPort}`, sandbox);
      return false;
    }
  }
  // Node runs next directly (no npx in between): the stop signal reaches the server, and this
  // script waits for it to finish its in-flight marks. The heap, WebAssembly and malloc settings are the server's
  // alone (not the build's or the sandbox's): docs/decisions/0036-a-lighter-server.md, 0039.
  const app = startService("app", process.execPath, serverNodeArgs(join(root, "node_modules/next/dist/bin/next"), ["start", "-H", host, "-p", port]), {
    cwd: root,
    env: serverEnv(env),
    show: "held",
  });
  services.push(app);
  const { up: ready } = await waitForHttp(`http://${host}:${port}/api/health/ready`, {
    timeoutMs: READY_TIMEOUT_MS,
    alive: app.alive,
    ok: (status) => status === 200,
  });
  if (!ready) {
    // Let a dying app finish printing, so its own last lines are the ones shown.
    await Promise.race([app.exited, new Promise((r) => setTimeout(r, 500))]);
    failStart(app.alive() ? `The app did not become ready within ${READY_TIMEOUT_MS / 1000} s` : "The app stopped during start-up", app);
    return false;
  }
  app.release();
  // From here on, the app stopping (by itself or on Ctrl-C) ends `npm start` with its exit code.
  void app.exited.then(({ code }) => stopAll(stopping ? 0 : typeof code === "number" ? code : 1));
  return true;
}
