import { afterAll, beforeAll, expect, it } from "vitest";
import { signIn } from "../support/action-client";
import { sandboxControl } from "../support/sandbox-control";
import { root, startInstance, startSandbox, stop, type Proc } from "../support/cluster";
import { auditRows, createDatabase, mark, unpairedIntents } from "../support/instance-checks";

// The process dies (SIGKILL: no drain) between a mark's intent row and its outcome. After a restart
// on the same database the intent is still there, and the console shows the partition as unknown:
// CAN may or may not have applied the mark.

const TENANT = "acme";
const PLAN = "orders_daily";
const DAY = "2026-10-25";

let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined;
let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
let first: Proc | undefined;
let second: Proc | undefined;

beforeAll(async () => {
  database = await createDatabase();
  sandbox = await startSandbox();
}, 120_000);

afterAll(async () => {
  await Promise.all([stop(first), stop(second), stop(sandbox)]);
  await database?.drop();
}, 60_000);

type CalendarAnswer = {
  ok: boolean;
  data: { runs: [string, string, string][]; lastChanges: { start: string; end: string; status: string; outcome: string }[] };
};

it("an intent left by a killed process survives the restart and reads as unknown", async () => {
  const control = sandboxControl(sandbox!.base);
  const uuid = (await control.planByName(TENANT, PLAN)).uuid;
  const options = { databaseUrl: database!.url, sandboxUrl: sandbox!.base, env: { CAN_TIMEOUT_MS: "60000" } };
  first = await startInstance("doomed", options);
  const session = await signIn(root, first.base, "operator", "demo-password");
  await control.setFaults([{ kind: "hang", endpoint: "updatePartition" }]);

  const pending = mark(first.base, session.cookie!, { tenant: TENANT, planUuid: uuid, planName: PLAN, start: DAY, end: DAY, result: "failed" }).catch(
    (e: unknown) => e,
  );
  let intents = 0;
  for (let i = 0; i < 200 && intents === 0; i++) {
    intents = (await auditRows(database!.url, TENANT)).filter((r) => r.phase === "intent").length;
    if (intents === 0) await new Promise((r) => setTimeout(r, 50));
  }
  expect(intents).toBe(1);
  first.child.kill("SIGKILL");
  await first.exited;
  expect(await pending).toBeInstanceOf(Error);
  await control.clearFaults();

  const rows = await auditRows(database!.url, TENANT);
  expect(unpairedIntents(rows).missing).toHaveLength(1);

  second = await startInstance("restarted", options);
  const again = await signIn(root, second.base, "operator", "demo-password");
  const res = await fetch(`${second.base}/api/t/${TENANT}/plans/${uuid}`, { headers: { cookie: again.cookie! } });
  const calendar = (await res.json()) as CalendarAnswer;
  expect(calendar.ok).toBe(true);
  const run = calendar.data.runs.find(([start, end]) => start <= DAY && DAY <= end);
  expect(run?.[2]).toBe("unknown");
  expect(calendar.data.lastChanges.find((c) => c.start <= DAY && DAY <= c.end)).toMatchObject({ status: "failed", outcome: "unknown" });
});
