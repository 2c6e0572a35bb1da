// Scenario 8: schedulers marking through the console's `/can` API instead of calling CAN directly.
// The added latency of a one-range mark over the same call straight to the sandbox (1 client,
// alternating, p50 and p99), and marks per second with 16 clients on one tenant and spread over
// every demo tenant the sandbox has (two). One tenant is a little slower: its intent and outcome rows
// share one hash chain (appended a batch per statement, lib/audit/chain.ts).
import http from "node:http";
import { performance } from "node:perf_hooks";
import { callAction, findAction, openSession } from "@/tests/support/action-client";
import { planUuid } from "@/sandbox/prng";
import type { BenchContext } from "../context";
import { canHeadersFor, canUrl } from "../plans";
import { atLeast, atMost, figure } from "../report";
import { percentile, round } from "../stats";

const SCENARIO = "8 scheduler API";
const PLANS: Record<string, string> = { acme: planUuid("acme", "orders_daily"), globex: planUuid("globex", "shipments_daily") };

type Target = { url: string; headers: Record<string, string>; body: string };

function post(agent: http.Agent, t: Target): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      t.url,
      { agent, method: "POST", headers: { ...t.headers, "content-type": "application/json", "content-length": Buffer.byteLength(t.body) } },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () =>
          res.statusCode === 200 && text.includes('"success":true')
            ? resolve(res.statusCode)
            : reject(new Error(`HTTP ${res.statusCode ?? 0}: ${text.slice(0, 200)}`)),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(t.body);
  });
}

/** A one-range mark body for the tenant's DAY plan; the day moves so the log shows distinct marks. */
const markBody = (tenant: string, i: number) => {
  const day = new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString().slice(0, 10);
  return JSON.stringify({
    uuid: PLANS[tenant],
    runType: "MANUAL",
    successTimeRange: [{ dateGranularity: "DAY", startTime: `${day}T00:00:00`, endTime: `${day}T00:00:00` }],
  });
};

async function makeToken(ctx: BenchContext, admin: string, tenant: string): Promise<string> {
  const form = new FormData();
  form.set("tenantId", tenant);
  form.set("name", `bench-${tenant}-${Date.now().toString(36)}`);
  form.set("role", "operator");
  const answer = await callAction<{ ok: boolean; data?: { token: string } }>(ctx.appUrl, findAction(process.cwd(), "createApiTokenAction"), {
    path: "/admin",
    args: [null, form],
    cookie: admin,
  });
  if (!answer.value?.ok || !answer.value.data) throw new Error(`no API token for ${tenant}: ${JSON.stringify(answer.value)}`);
  return answer.value.data.token;
}

async function closedLoop(targets: (i: number) => Target, total: number, clients: number): Promise<{ perSecond: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  let issued = 0;
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (issued < total) {
        const i = issued++;
        await post(agent, targets(i)).catch(() => errors++);
      }
    }),
  );
  agent.destroy();
  return { perSecond: (total - errors) / ((performance.now() - t0) / 1000), errors };
}

export async function schedulerApi(ctx: BenchContext, options: { sequential: number; concurrent: number }): Promise<void> {
  const admin = (await openSession(process.cwd(), ctx.appUrl, "admin", "demo-password")).header;
  const tokens: Record<string, string> = {};
  for (const tenant of Object.keys(PLANS)) tokens[tenant] = await makeToken(ctx, admin, tenant);
  const viaConsole = (tenant: string, i: number): Target => ({
    url: `${ctx.appUrl}/can/anymetrics/api/v1/accelerate/plan/updatePartition`,
    headers: { "tenant-id": tenant, "auth-type": "APIKEY", "auth-value": tokens[tenant]! },
    body: markBody(tenant, i),
  });
  const directHeaders: Record<string, Record<string, string>> = {};
  for (const tenant of Object.keys(PLANS)) directHeaders[tenant] = await canHeadersFor(ctx.sandbox.url, tenant);
  const direct = (tenant: string, i: number): Target => ({
    url: canUrl(ctx.sandbox.url, "updatePartition"),
    headers: directHeaders[tenant]!,
    body: markBody(tenant, i),
  });

  // 1 client, the two paths alternating so the machine's drift hits both alike.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const api: number[] = [];
  const can: number[] = [];
  for (let i = 0; i < options.sequential; i++) {
    for (const [sink, target] of [
      [api, viaConsole("acme", i)],
      [can, direct("acme", i)],
    ] as const) {
      const t0 = performance.now();
      await post(agent, target);
      sink.push(performance.now() - t0);
    }
  }
  agent.destroy();
  const added = (p: number) => round((percentile(api, p) ?? 0) - (percentile(can, p) ?? 0), 2);
  ctx.add(
    figure({
      scenario: SCENARIO,
      figure: "added latency of a one-range mark, p50, 1 client",
      unit: "ms",
      value: added(50),
      runs: options.sequential,
      budget: atMost(15),
      baseline: round(percentile(can, 50), 2),
      note: `through the console ${round(percentile(api, 50), 2)} ms, straight to the sandbox ${round(percentile(can, 50), 2)} ms`,
    }),
  );
  ctx.add(
    figure({
      scenario: SCENARIO,
      figure: "added latency of a one-range mark, p99, 1 client",
      unit: "ms",
      value: added(99),
      runs: options.sequential,
      budget: null,
      baseline: round(percentile(can, 99), 2),
    }),
  );

  const one = await closedLoop((i) => viaConsole("acme", i), options.concurrent, 16);
  ctx.add(
    figure({
      scenario: SCENARIO,
      figure: "marks per second, 16 clients, one tenant",
      unit: "marks/s",
      value: round(one.perSecond, 0),
      runs: options.concurrent,
      budget: null,
      note: `${one.errors} errors; one tenant's audit rows share one hash chain`,
    }),
  );
  const tenants = Object.keys(PLANS);
  const spread = await closedLoop((i) => viaConsole(tenants[i % tenants.length]!, i), options.concurrent, 16);
  ctx.add(
    figure({
      scenario: SCENARIO,
      figure: `marks per second, 16 clients over ${tenants.length} tenants`,
      unit: "marks/s",
      value: round(spread.perSecond, 0),
      runs: options.concurrent,
      budget: atLeast(150),
      note: `${spread.errors} errors; the sandbox has ${tenants.length} demo tenants (the budget names four)`,
    }),
  );
}
