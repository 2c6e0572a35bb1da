// `npm run bench` (through scripts/bench.ts, which builds the app when stale): starts the bench's
// own sandbox and app on loopback, runs the scenarios, prints the table, writes bench/results.json.
//   --quick    only the smallest scenarios (proxy overhead, 1 client, 200 requests; the audit log at
//              10,000 rows): for CI
//   --audit-rows=N  the audit scenario's size (default 5,000,000; --quick: 10,000)
//   --strict   exit 1 when a budget does not hold (default: report only, exit 0)
//   --only=a,b run some scenarios: proxy, paging, load, defaults, weight, memory, lighthouse, interaction, scaling, marking, api, audit, morning
//   --verbose  show the sandbox's and the app's output
//   --postgres (scripts/bench.ts starts the server) the app on PostgreSQL instead of PGlite
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "./browser";
import type { BenchContext } from "./context";
import { describeMachine, renderNotes, renderTable, writeResults, type Figure } from "./report";
import { bigPlanLoad } from "./scenarios/big-plan-load";
import { interactionLatency } from "./scenarios/interactions";
import { auditScale } from "./scenarios/audit-scale";
import { countMarkAuditRows, marking } from "./scenarios/marking";
import { paging } from "./scenarios/paging";
import { proxyOverhead } from "./scenarios/proxy-overhead";
import { scaling } from "./scenarios/scaling";
import { sharedViewers } from "./scenarios/shared-viewers";
import { bigTenant } from "./scenarios/big-tenant";
import { lighthouse } from "./scenarios/lighthouse";
import { morningView } from "./scenarios/morning-view";
import { withDefaultInstance } from "./default-instance";
import { schedulerApi } from "./scenarios/scheduler-api";
import { weight } from "./scenarios/weight";
import { memory } from "./scenarios/memory";
import { serverEnv, serverNodeArgs } from "@/scripts/lib/server-node-options";
import { openSession } from "@/tests/support/action-client";
import { freePort, startService, waitForHttp } from "@/tests/support/processes";
import { sandboxControl } from "@/tests/support/sandbox-control";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const databaseUrl = process.env.BENCH_DATABASE_URL;
const appDataDir = join(root, ".data", "bench", "app");

// Before anything reads the environment (lib/env reads it lazily, once): the bench measures the
// defaults, on PGlite, in demo mode, whatever the caller's shell has set. DATA_DIR is the app's, so
// the audit rows can be counted here once the app has stopped.
for (const key of Object.keys(process.env)) {
  if (
    /^(CAN_|SANDBOX_|SIGNIN_|SESSION_|DB_)/.test(key) ||
    ["DATABASE_URL", "DATA_DIR", "PUBLIC_URL", "AUTH_SECRET", "AUDIT_KEY", "TRUST_PROXY_HEADER", "PORT", "HOST"].includes(key)
  ) {
    delete process.env[key];
  }
}
process.env.DATA_DIR = appDataDir;
if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.chdir(root); // the services are started with paths relative to the repository

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const strict = args.includes("--strict");
const verbose = args.includes("--verbose");
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const wants = (name: string) => (quick ? name === "proxy" || name === "audit" : !only || only.includes(name));
const auditRows = quick ? 10_000 : Number(args.find((a) => a.startsWith("--audit-rows="))?.slice("--audit-rows=".length) ?? 5_000_000);

const started = Date.now();
const HARD_LIMIT_MS = 9.5 * 60_000;
const figures: Figure[] = [];
const problems: string[] = [];
const log = (line: string) => console.log(`[bench] ${line}`);

// `next start` serves .next as it finds it: a build run beside the bench (npm test, say) would swap
// the app under it mid-run, so the build id is checked again at the end.
const buildIdPath = join(root, ".next", "BUILD_ID");
const readBuildId = () => (existsSync(buildIdPath) ? readFileSync(buildIdPath, "utf8").trim() : null);
const buildId = readBuildId();

rmSync(appDataDir, { recursive: true, force: true });
mkdirSync(appDataDir, { recursive: true });
const sandboxPort = await freePort();
const appPort = await freePort();
const appInspectPort = await freePort();
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
const appUrl = `http://127.0.0.1:${appPort}`;

// Each in its own process group, so stopping one stops everything it started (npx → tsx → the sandbox).
const show = verbose ? "prefixed" : "quiet";
const sandbox = startService(
  "sandbox",
  "npx",
  [
    "tsx",
    "sandbox/main.ts",
    "--host",
    "127.0.0.1",
    "--port",
    String(sandboxPort),
    "--data-dir",
    join(root, ".data", "bench"),
    "--reset",
    "--max-page-size",
    "100",
    "--latency-ms",
    "0",
  ],
  { env: envWithout("DATA_DIR"), show, group: true },
);
const app = startService(
  "app",
  // As `npm start` runs it (scripts/start.ts): node running next's CLI, which serves in its own
  // process, with the server's heap and WebAssembly flags and malloc arenas; the memory scenario measures that one process. Its
  // inspector listens only once the memory scenario sends it SIGUSR1.
  process.execPath,
  serverNodeArgs(join(root, "node_modules/next/dist/bin/next"), ["start", "-H", "127.0.0.1", "-p", String(appPort)]),
  // The API's per-token rate limit would cap the scheduler scenario's load: it is measured, not limited.
  // Each plan load reads CAN itself (no shared read across loads), so "cold" stays cold.
  {
    env: {
      ...serverEnv(process.env),
      NODE_OPTIONS: `${serverEnv(process.env).NODE_OPTIONS} --inspect-port=127.0.0.1:${appInspectPort}`,
      SANDBOX_URL: sandboxUrl,
      PUBLIC_URL: appUrl,
      DATA_DIR: appDataDir,
      NODE_ENV: "production",
      CAN_API_RATE_PER_MINUTE: "1000000",
      CAN_LIST_CACHE_SECONDS: "0",
    },
    show,
    group: true,
  },
);
const services = [app, sandbox];
let browser: Awaited<ReturnType<typeof launchBrowser>> | null = null;
let chromiumVersion: string | null = null;

async function stopAll(): Promise<void> {
  await browser?.close().catch(() => undefined);
  for (const s of services) await s.stop();
}

function report(): number {
  const machine = describeMachine(chromiumVersion);
  const durationSeconds = Math.round((Date.now() - started) / 1000);
  console.log("");
  console.log(renderTable(figures));
  console.log("");
  console.log(renderNotes(figures));
  console.log("");
  console.log(`app database: ${databaseUrl ? "PostgreSQL (throw-away server)" : "PGlite"}`);
  console.log(
    `${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium ?? "—"}, ${machine.date}, ${durationSeconds} s`,
  );
  const failing = figures.filter((f) => f.holds === false);
  for (const f of failing) console.log(`budget not held: ${f.scenario} / ${f.figure}: ${f.value} ${f.unit} (budget ${f.budget?.op} ${f.budget?.value})`);
  for (const p of problems) console.log(`problem: ${p}`);
  const path = join(root, "bench", "results.json");
  writeResults(path, { machine, mode: quick ? "quick" : "full", database: databaseUrl ? "postgres" : "pglite", durationSeconds, figures, problems });
  console.log(`wrote ${path}`);
  if (problems.length > 0) return 1;
  return strict && failing.length > 0 ? 1 : 0;
}

const watchdog = setTimeout(() => {
  problems.push(`stopped after ${HARD_LIMIT_MS / 60_000} minutes; the figures above are what was measured by then`);
  void stopAll().finally(() => process.exit(report() || 1));
}, HARD_LIMIT_MS);
watchdog.unref();
// Whatever happens, nothing the bench started outlives it.
process.on("exit", () => services.forEach((s) => s.kill()));
process.on("unhandledRejection", (e) => problems.push(`unhandled: ${e instanceof Error ? e.message : String(e)}`));
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

async function scenario(name: string, run: () => Promise<void>): Promise<void> {
  if (!wants(name)) return;
  const t0 = Date.now();
  log(`${name}…`);
  try {
    await run();
    log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    const text = (e instanceof Error ? (e.stack ?? e.message) : String(e)).replace(/\u001b\[[0-9;]*m/g, "");
    problems.push(`${name}: ${text.split("\n").slice(0, 4).join(" | ")}`);
    log(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

let exitCode = 1;
try {
  log(`sandbox ${sandboxUrl}, app ${appUrl} (Node ${process.version})`);
  if (!(await waitForHttp(`${sandboxUrl}/__sandbox/health`, { timeoutMs: 60_000, alive: sandbox.alive })).up) {
    throw new Error(`the sandbox did not start:\n${sandbox.lastLines(200).join("\n")}`);
  }
  if (!(await waitForHttp(`${appUrl}/api/health`, { timeoutMs: 120_000, alive: app.alive })).up)
    throw new Error(`the app did not start:\n${app.lastLines(200).join("\n")}`);
  log(`services up after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const control = sandboxControl(sandboxUrl);
  const session = await openSession(root, appUrl, "operator", "demo-password");
  const needsBrowser = ["load", "defaults", "interaction", "scaling", "marking", "morning"].some(wants);
  if (needsBrowser) {
    browser = await launchBrowser();
    chromiumVersion = browser.version();
  }
  const ctx: BenchContext = {
    appUrl,
    sandbox: control,
    appPid: app.child.pid ?? 0,
    appInspectPort,
    quick,
    session,
    browser,
    deadline: started + 8 * 60_000,
    log,
    add: (f) => figures.push(f),
  };

  await scenario("proxy", () =>
    quick ? proxyOverhead(ctx, { requests: 200, concurrencies: [1] }) : proxyOverhead(ctx, { requests: 2_000, concurrencies: [1, 16] }),
  );
  await scenario("paging", () => paging(ctx, 3));
  await scenario("load", () => bigPlanLoad(ctx, 5));
  // Shared reads (issue 23): twenty viewers of one plan, and a tenant of 2,000 plans, on an instance
  // with the default settings.
  await scenario("defaults", () =>
    withDefaultInstance(ctx, async (instance) => {
      await sharedViewers(ctx, requireBrowser(), instance, 20);
      await bigTenant(ctx, instance, 10);
    }),
  );
  await scenario("weight", () => weight(ctx));
  await scenario("memory", () => memory(ctx));
  await scenario("lighthouse", () => lighthouse(ctx));
  await scenario("interaction", () => interactionLatency(ctx, requireBrowser(), { selections: 20, arrows: 30, yearSwitches: 20, dialogs: 5 }));
  await scenario("scaling", () => scaling(ctx, requireBrowser(), { years: [1, 3, 10, 30], loads: 5, selections: 5 }));
  await scenario("api", () => schedulerApi(ctx, { sequential: 200, concurrent: 800 }));
  await scenario("audit", () => auditScale(ctx, root, auditRows));
  await scenario("morning", () => morningView(ctx, requireBrowser()));
  let confirmed = 0;
  await scenario("marking", async () => {
    confirmed = await marking(ctx, requireBrowser(), [
      { latencyMs: 0, marks: 3 },
      { latencyMs: 50, marks: 1 },
    ]);
  });
  await browser?.close();
  browser = null;
  await app.stop();
  if (confirmed > 0) await scenario("marking", () => countMarkAuditRows(ctx, confirmed));
  exitCode = 0;
} catch (e) {
  problems.push(e instanceof Error ? e.message : String(e));
} finally {
  await stopAll();
}
clearTimeout(watchdog);
if (readBuildId() !== buildId)
  problems.push("the app was rebuilt while the bench ran (another `next build` in this folder): the figures are not trustworthy, run again");
const code = report();
process.exit(exitCode === 0 ? code : 1);

function envWithout(key: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env[key];
  return env;
}

function requireBrowser() {
  if (!browser) throw new Error("no browser");
  return browser;
}
