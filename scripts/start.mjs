// `npm start`: the sandbox (unless CAN_TENANTS_FILE points at real CAN tenants), a build if the
// sources changed, and the app on 127.0.0.1:$PORT. Ctrl-C stops everything.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsCurrent, recordBuild } from "./lib/build-stamp.mjs";
import { run, startService, waitForHttp } from "./lib/processes.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
const sandboxPort = process.env.SANDBOX_PORT ?? "8787";
const useSandbox = !process.env.CAN_TENANTS_FILE;
// NEXT_MANUAL_SIG_HANDLE: the app drains itself on a stop signal (lib/server/shutdown.ts).
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "true" };
// Cookies follow the public URL (https = Secure cookies): default it to where the app listens.
env.PUBLIC_URL = env.PUBLIC_URL ?? `http://${host}:${port}`;
const services = [];

let stopping = false;
/** Asks every service to stop and waits for them (the app finishes in-flight marks first). */
function stopAll(code) {
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

console.log(`Node ${process.version}`);
if (!buildIsCurrent(root)) {
  console.log("Building the app (sources changed since the last build)…");
  const code = await run("npx", ["next", "build"], { cwd: root, env });
  if (code !== 0) {
    console.error("The build failed; see the messages above.");
    process.exit(code);
  }
  recordBuild(root);
}

if (useSandbox) {
  env.SANDBOX_URL = env.SANDBOX_URL ?? `http://127.0.0.1:${sandboxPort}`;
  // One process (tsx as a loader, no npx or tsx CLI in between), so a stop signal reaches it.
  const sandbox = startService("sandbox", process.execPath, ["--import", "tsx", "sandbox/main.ts", "--port", sandboxPort], { cwd: root, env });
  services.push(sandbox);
  if (!(await waitForHttp(`${env.SANDBOX_URL}/__sandbox/config`, 30_000, sandbox.alive))) {
    console.error(`The CAN sandbox did not start on port ${sandboxPort} (is the port in use? set SANDBOX_PORT).`);
    stopAll(1);
  }
}

// Node runs next directly (no npx in between): the stop signal reaches the server, and this script
// waits for it to finish its in-flight marks.
const app = startService("app", process.execPath, [join(root, "node_modules/next/dist/bin/next"), "start", "-H", host, "-p", port], { cwd: root, env });
services.push(app);
const url = `http://${host}:${port}`;
if (!(await waitForHttp(`${url}/api/health`, 60_000, app.alive))) {
  console.error(`The app did not start on ${url} (is the port in use? set PORT).`);
  stopAll(1);
} else {
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
app.child.on("exit", (code) => stopAll(stopping ? 0 : (code ?? 1)));
