import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, startProcess, stop, waitFor, type Proc } from "../support/cluster";

// Issue 22: the built app, started with one bad setting, stops before it serves: exit code ≠ 0
// within seconds, one line naming the setting, no stack trace, no secret, never ready. The cases
// run in parallel (each is its own `next start`), on the ports 3300-3399.

const PORT_BASE = 3300;
const SECRET = "a-secret-that-must-never-be-printed-0123456789";
const CAN_KEY = "can-key-that-must-never-be-printed";
/** A safety net on a loaded machine; one case alone exits in a few seconds. */
const EXIT_WITHIN_MS = 45_000;
/** Each start is CPU-bound: more at once only makes every one of them slower. */
const AT_ONCE = 3;

let dir: string;
let busy: Server;

const tenant = { id: "acme", name: "Acme", baseUrl: "https://can.example.invalid", authType: "UID", authValueEnv: "ACME_CAN_KEY" };

function tenantsFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

type Outcome = { code: number | string; tookMs: number; output: string; everReady: boolean };

/** Starts `args` (next start, or the npm start script) and waits for it to exit, probing readiness meanwhile. */
async function startAndWait(name: string, port: number, args: string[], env: Record<string, string>): Promise<Outcome> {
  const dataDir = mkdtempSync(join(dir, `${name}-`));
  const { DATABASE_URL: _db, ...inherited } = process.env;
  const started = Date.now();
  const proc: Proc = startProcess(name, `http://127.0.0.1:${port}`, args, {
    ...inherited,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "true",
    DATA_DIR: dataDir,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    TRUST_PROXY_HEADER: "x-forwarded-for",
    ACME_CAN_KEY: CAN_KEY,
    ...env,
  });
  let everReady = false;
  let done = false;
  const probe = (async () => {
    while (!done) {
      try {
        const res = await fetch(`${proc.base}/api/health/ready`, { signal: AbortSignal.timeout(1_000) });
        await res.body?.cancel();
        if (res.status === 200) everReady = true;
      } catch {
        // not answering: what a refusing console must do
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const killer = setTimeout(() => proc.child.kill("SIGKILL"), EXIT_WITHIN_MS);
  const { code, at } = await proc.exited;
  clearTimeout(killer);
  done = true;
  await probe;
  return { code, tookMs: at - started, output: proc.output(), everReady };
}

const nextStart = (port: number) => [join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)];

function expectRefused(outcome: Outcome, setting: string, says: RegExp): void {
  // The tail only: a console that serves 500s logs a stack per request, too much for a diff.
  const context = `output (last 4,000 characters):\n${outcome.output.slice(-4_000)}`;
  expect(outcome.code, context).not.toBe(0);
  expect(outcome.code, `killed after ${EXIT_WITHIN_MS} ms: it did not exit by itself\n${context}`).not.toBe("SIGKILL");
  const lines = outcome.output.split("\n").filter((l) => l.includes(`Configuration error: ${setting}:`));
  expect(lines, context).toHaveLength(1);
  expect(lines[0], context).toMatch(says);
  expect(/^\s+at .+[(:]\d+/m.test(outcome.output), `a stack trace\n${context}`).toBe(false);
  expect(outcome.output.includes(SECRET.slice(0, 12)), `AUTH_SECRET printed\n${context}`).toBe(false);
  expect(outcome.output.includes(CAN_KEY), `a CAN credential printed\n${context}`).toBe(false);
  expect(/server\.ready|is ready/.test(outcome.output), `said ready\n${context}`).toBe(false);
  expect(outcome.everReady, "the readiness probe answered 200").toBe(false);
}

const withTenants = (file: string, extra: Record<string, string> = {}) => ({ CAN_TENANTS_FILE: file, AUTH_SECRET: SECRET, ...extra });

type Case = { name: string; setting: string; says: RegExp; env: () => Record<string, string> };

const cases: Case[] = [
  {
    name: "AUTH_SECRET missing",
    setting: "AUTH_SECRET",
    says: /not set, and it is required with CAN_TENANTS_FILE.*openssl rand/,
    env: () => ({ CAN_TENANTS_FILE: tenantsFile("ok.json", { tenants: [tenant] }), AUTH_SECRET: "" }),
  },
  {
    name: "AUTH_SECRET too short",
    setting: "AUTH_SECRET",
    says: /too short: use 32 or more/,
    env: () => ({ CAN_TENANTS_FILE: tenantsFile("ok2.json", { tenants: [tenant] }), AUTH_SECRET: SECRET.slice(0, 12) }),
  },
  { name: "tenants file missing", setting: "CAN_TENANTS_FILE", says: /no such file/, env: () => withTenants(join(dir, "absent.json")) },
  {
    name: "tenants file not JSON",
    setting: "CAN_TENANTS_FILE",
    says: /not valid JSON/,
    env: () => withTenants(tenantsFile("broken.json", '{ "tenants": [ { "id": "acme", ')),
  },
  {
    name: "a tenant without baseUrl",
    setting: "CAN_TENANTS_FILE",
    says: /tenant "acme" \(#1\): field "baseUrl": missing/,
    env: () => withTenants(tenantsFile("no-base.json", { tenants: [{ ...tenant, baseUrl: undefined }] })),
  },
  {
    name: "an unknown authType",
    setting: "CAN_TENANTS_FILE",
    says: /field "authType": Invalid option: expected one of "UID"\|"TOKEN"\|"ACCOUNT"\|"APIKEY"/,
    env: () => withTenants(tenantsFile("auth-type.json", { tenants: [{ ...tenant, authType: "PASSWORD" }] })),
  },
  {
    name: "authValueEnv naming an unset variable",
    setting: "CAN_TENANTS_FILE",
    says: /field "authValueEnv": environment variable GLOBEX_CAN_KEY is not set/,
    env: () => withTenants(tenantsFile("unset-env.json", { tenants: [{ ...tenant, authValueEnv: "GLOBEX_CAN_KEY" }] })),
  },
  {
    name: "DATABASE_URL unreachable",
    setting: "DATABASE_URL",
    says: /cannot open PostgreSQL at 127\.0\.0\.1:\d+\/console: connection refused/,
    env: () => withTenants(tenantsFile("ok3.json", { tenants: [tenant] }), { DATABASE_URL: `postgres://console:${SECRET}@127.0.0.1:${closedPort}/console` }),
  },
  {
    name: "PUBLIC_URL not a URL",
    setting: "PUBLIC_URL",
    says: /not an http\(s\) URL/,
    env: () => withTenants(tenantsFile("ok4.json", { tenants: [tenant] }), { PUBLIC_URL: "console.example.com" }),
  },
];

let closedPort: number;
let busyPort: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "startup-config-"));
  closedPort = PORT_BASE + 90; // nothing listens there: a refused connection
  busyPort = PORT_BASE + 91;
  busy = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => busy.listen(busyPort, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise((r) => busy.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe("the built app refuses a bad setting before it serves", () => {
  let outcomes: Outcome[];

  beforeAll(async () => {
    outcomes = [];
    for (let from = 0; from < cases.length; from += AT_ONCE) {
      const batch = cases
        .slice(from, from + AT_ONCE)
        .map((c, j) => startAndWait(`case-${from + j}`, PORT_BASE + from + j, nextStart(PORT_BASE + from + j), c.env()));
      outcomes.push(...(await Promise.all(batch)));
    }
  }, 240_000);

  it.each(cases.map((c, i) => [c.name, i] as const))("%s", (_name, i) => {
    const c = cases[i]!;
    expectRefused(outcomes[i]!, c.setting, c.says);
  });
});

describe("npm start", () => {
  const startScript = ["--import", "tsx", join(root, "scripts/start.ts")];

  it("with a broken setting exits non-zero, shows the app's own line, and never says ready", async () => {
    const port = PORT_BASE + 40;
    const outcome = await startAndWait("npm-start", port, startScript, {
      PORT: String(port),
      CAN_TENANTS_FILE: tenantsFile("npm.json", { tenants: [tenant] }),
      AUTH_SECRET: "",
    });
    expectRefused(outcome, "AUTH_SECRET", /not set/);
    expect(outcome.output).not.toMatch(/\bready\b/i);
    expect(outcome.output).toMatch(/The app stopped during start-up \(exit code 1\)/);
  });

  it("with PORT in use exits non-zero at once, naming PORT", async () => {
    const outcome = await startAndWait("npm-start-busy", busyPort, startScript, {
      PORT: String(busyPort),
      CAN_TENANTS_FILE: tenantsFile("busy.json", { tenants: [tenant] }),
    });
    expect(outcome.code, outcome.output).toBe(1);
    expect(outcome.output).toMatch(new RegExp(`^PORT: 127\\.0\\.0\\.1:${busyPort} is already in use.*set PORT to a free port`, "m"));
    expect(outcome.output).not.toMatch(/\bready\b|^\s+at /im);
  });
});

describe("at run time", () => {
  let app: Proc | undefined;
  afterAll(() => stop(app));

  it("a tenants file broken on disk is reported once, and the console keeps serving", async () => {
    const port = PORT_BASE + 50;
    const file = tenantsFile("runtime.json", { tenants: [tenant] });
    const { DATABASE_URL: _db, ...inherited } = process.env;
    app = startProcess("runtime", `http://127.0.0.1:${port}`, nextStart(port), {
      ...inherited,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      DATA_DIR: mkdtempSync(join(dir, "runtime-")),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      TRUST_PROXY_HEADER: "x-forwarded-for",
      ACME_CAN_KEY: CAN_KEY,
      CAN_TENANTS_FILE: file,
      AUTH_SECRET: SECRET,
    });
    await waitFor(`${app.base}/api/health/ready`, 60_000, (s) => s === 200);

    const broken = '{ "tenants": [ { "id": "acme", ';
    writeFileSync(file, broken);
    const invalid = () =>
      app!
        .output()
        .split("\n")
        .filter((l) => l.includes('"config.tenants_file_invalid"'));
    for (let i = 0; i < 100 && invalid().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(invalid(), app.output()).toHaveLength(1);
    expect(invalid()[0]).toMatch(/CAN_TENANTS_FILE: Tenants file .*runtime\.json: not valid JSON.*keeps serving the tenants it started with/);

    // The same broken content again, and requests through several bundles: nothing more is said.
    writeFileSync(file, broken);
    for (const path of ["/login", "/", "/t/acme/plans", "/api/health/ready"]) {
      const res = await fetch(`${app.base}${path}`, { redirect: "manual" });
      await res.body?.cancel();
      expect(res.status, path).toBeLessThan(500);
    }
    await new Promise((r) => setTimeout(r, 2_500));
    expect(invalid()).toHaveLength(1);
    expect(app.output()).not.toMatch(/ConfigError|Internal Server Error/);
    expect(app.output()).not.toContain(CAN_KEY);
  });
});
