import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../support/action-client";
import { sandboxControl, type SandboxControl } from "../support/sandbox-control";
import { root, startInstance, startSandbox, stop, type Proc } from "../support/cluster";
import { auditRows, createDatabase, mark, unpairedIntents, type AuditRow, type MarkResult } from "../support/instance-checks";

// SIGTERM while marks are in flight (the sandbox holds updatePartition back): the instance turns
// unready at once, refuses new work, lets the marks finish or records them as unknown, leaves no
// intent without an outcome, and exits within SHUTDOWN_TIMEOUT_MS.

const TENANT = "acme";
const PLAN = "orders_daily";

let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined;
let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
let instance: Proc | undefined;
let control: SandboxControl | undefined;
let uuid = "";

beforeAll(async () => {
  database = await createDatabase();
  sandbox = await startSandbox();
  control = sandboxControl(sandbox.base);
  uuid = (await control.planByName(TENANT, PLAN)).uuid;
}, 120_000);

afterEach(async () => {
  await stop(instance);
  await control!.clearFaults();
});

afterAll(async () => {
  await stop(sandbox);
  await database?.drop();
}, 60_000);

async function intentsFor(count: number, timeoutMs: number): Promise<AuditRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const intents = (await auditRows(database!.url, TENANT)).filter((r) => r.phase === "intent");
    if (intents.length >= count || Date.now() > deadline) return intents;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function status(url: string): Promise<number | "refused"> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.body?.cancel();
    return res.status;
  } catch {
    return "refused";
  }
}

/** Starts `n` marks of separate October days; each settles to its answer or to the thrown error. */
function startMarks(base: string, cookie: string, days: string[]): Promise<MarkResult | Error>[] {
  return days.map((day) =>
    mark(base, cookie, { tenant: TENANT, planUuid: uuid, planName: PLAN, start: day, end: day, result: "failed" }).catch((e: unknown) =>
      e instanceof Error ? e : new Error(String(e)),
    ),
  );
}

describe("graceful shutdown", () => {
  it("lets in-flight marks finish, refuses new work, and exits in time", async () => {
    const timeoutMs = 10_000;
    instance = await startInstance("drain", { databaseUrl: database!.url, sandboxUrl: sandbox!.base, env: { SHUTDOWN_TIMEOUT_MS: String(timeoutMs) } });
    const session = await signIn(root, instance.base, "operator", "demo-password");
    const before = (await intentsFor(0, 0)).length;
    await control!.setFaults([{ kind: "latency", endpoint: "updatePartition", ms: 2_500 }]);

    const marks = startMarks(instance.base, session.cookie!, ["2026-10-03", "2026-10-05", "2026-10-07"]);
    expect((await intentsFor(before + 3, 10_000)).length).toBe(before + 3);

    const signalled = Date.now();
    instance.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 150));
    expect(await status(`${instance.base}/api/health/ready`)).toBe(503);
    expect(await status(`${instance.base}/api/t/${TENANT}/plans`)).toBe(503);

    const answers = await Promise.all(marks);
    for (const answer of answers) expect(answer).toMatchObject({ ok: true });
    const exit = await instance.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(timeoutMs);

    const rows = await auditRows(database!.url, TENANT);
    expect(unpairedIntents(rows)).toEqual({ missing: [], doubled: [] });
    expect(
      rows
        .filter((r) => r.phase === "outcome")
        .slice(-3)
        .map((r) => r.outcome),
    ).toEqual(["ok", "ok", "ok"]);
    const state = await control!.state(TENANT, uuid);
    for (const day of ["2026-10-03", "2026-10-05", "2026-10-07"]) expect(state.partitions[day]?.status).toBe("failed");
  });

  it("records marks still waiting on CAN at the deadline as unknown, and still exits in time", async () => {
    const timeoutMs = 3_000;
    instance = await startInstance("deadline", {
      databaseUrl: database!.url,
      sandboxUrl: sandbox!.base,
      env: { SHUTDOWN_TIMEOUT_MS: String(timeoutMs), CAN_TIMEOUT_MS: "60000" },
    });
    const session = await signIn(root, instance.base, "operator", "demo-password");
    const before = (await intentsFor(0, 0)).length;
    await control!.setFaults([{ kind: "latency", endpoint: "updatePartition", ms: 30_000 }]);

    const marks = startMarks(instance.base, session.cookie!, ["2026-10-20", "2026-10-21"]);
    const intents = await intentsFor(before + 2, 10_000);
    expect(intents.length).toBe(before + 2);

    const signalled = Date.now();
    instance.child.kill("SIGTERM");
    const exit = await instance.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(timeoutMs);
    // The callers lose their connection: the process is gone, the answers never come.
    for (const answer of await Promise.all(marks)) expect(answer).toBeInstanceOf(Error);

    const rows = await auditRows(database!.url, TENANT);
    expect(unpairedIntents(rows)).toEqual({ missing: [], doubled: [] });
    const latest = new Set(intents.slice(-2).map((r) => r.id));
    const outcomes = rows.filter((r) => r.phase === "outcome" && r.intent_id && latest.has(r.intent_id));
    expect(outcomes.map((r) => r.outcome)).toEqual(["unknown", "unknown"]);
    expect(JSON.stringify(outcomes[0]?.outcome_detail)).toMatch(/stopped \(SIGTERM\)/);
  });
});
