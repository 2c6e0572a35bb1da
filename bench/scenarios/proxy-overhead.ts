// Scenario 1: what the console adds on top of CAN. The partitions route (session, role check, plan
// details from cache, the console's own mark record, status runs) against the same CAN call made
// straight to the sandbox, with the sandbox answering at once (latency 0) so the difference shows.
// Budgets (issue 23 item 2, on PGlite as on PostgreSQL): added p50 ≤ 2 ms and p99 ≤ 10 ms at 1
// client; at 16 clients route p99 ≤ 60 ms and ≥ 500 req/s.
import type { BenchContext } from "../context";
import { runLoad, type LoadResult } from "../http-load";
import { treeCpuSeconds } from "../process-tree";
import { startCpuProfile } from "../cpu-profile";
import { SMALL_PLAN, TENANT, canHeaders, canUrl } from "../plans";
import { atLeast, atMost, figure } from "../report";
import { percentile, round } from "../stats";

const rate = (r: LoadResult) => (r.latenciesMs.length / r.elapsedMs) * 1000;

export async function proxyOverhead(ctx: BenchContext, options: { requests: number; concurrencies: number[] }): Promise<void> {
  await ctx.sandbox.configure({ latencyMs: 0 });
  const route = `${ctx.appUrl}/api/t/${TENANT}/plans/${SMALL_PLAN.uuid}`;
  const direct = `${canUrl(ctx.sandbox.url, "queryMtPartitionList")}?uuid=${SMALL_PLAN.uuid}&pageNumber=1&pageSize=100`;
  const routeHeaders = { cookie: ctx.session.header, accept: "application/json" };
  const warmup = Math.min(200, Math.max(20, options.requests / 10));
  const scenario = "1 proxy overhead";

  // The floor under the route: Next's routing and proxy.ts, refused at once (no session cookie).
  await runLoad(route, { accept: "application/json" }, warmup, 1);
  const refused = await runLoad(route, { accept: "application/json" }, Math.min(500, options.requests), 1);
  ctx.add(
    figure({
      scenario,
      figure: "route p50 without a session (401), 1 client",
      unit: "ms",
      value: round(percentile(refused.latenciesMs, 50), 2),
      p95: round(percentile(refused.latenciesMs, 95), 2),
      runs: refused.latenciesMs.length,
      budget: null,
      note: `the framework's floor: statuses ${JSON.stringify(refused.statuses)}`,
    }),
  );

  // Session and role check, then refused before any CAN or plan work (a "." is not allowed in a uuid).
  const authOnly = `${ctx.appUrl}/api/t/${TENANT}/plans/not.a.plan`;
  await runLoad(authOnly, routeHeaders, warmup, 1);
  const floorCpu = treeCpuSeconds(ctx.appPid);
  const signedIn = await runLoad(authOnly, routeHeaders, Math.min(500, options.requests), 1);
  const floorCpuMs = ((treeCpuSeconds(ctx.appPid) - floorCpu) * 1000) / signedIn.latenciesMs.length;
  ctx.add(
    figure({
      scenario,
      figure: "route p50, session checked then refused (404), 1 client",
      unit: "ms",
      value: round(percentile(signedIn.latenciesMs, 50), 2),
      p95: round(percentile(signedIn.latenciesMs, 95), 2),
      runs: signedIn.latenciesMs.length,
      budget: null,
      note: `session + role lookup, no CAN call: statuses ${JSON.stringify(signedIn.statuses)}`,
    }),
  );
  ctx.add(
    figure({
      scenario,
      figure: "app CPU per request, session checked then refused (404), 1 client",
      unit: "ms",
      value: round(floorCpuMs, 2),
      runs: signedIn.latenciesMs.length,
      budget: null,
      note: "the floor the plan route's CPU per request is compared with (same /proc count)",
    }),
  );

  for (const c of options.concurrencies) {
    // Warm both paths (JIT, connection pools, the plan-details cache), then measure, direct first.
    await runLoad(direct, canHeaders(), warmup, c);
    await runLoad(route, routeHeaders, warmup, c);
    const base = await runLoad(direct, canHeaders(), options.requests, c);
    const profile = c > 1 ? await startCpuProfile(ctx) : null;
    const cpuBefore = treeCpuSeconds(ctx.appPid);
    const app = await runLoad(route, routeHeaders, options.requests, c);
    const cpuPerRequestMs = ((treeCpuSeconds(ctx.appPid) - cpuBefore) * 1000) / app.latenciesMs.length;
    await profile?.stop();
    if (app.errors > 0 || base.errors > 0) {
      ctx.log(`proxy overhead at ${c}: ${app.errors} route errors ${JSON.stringify(app.statuses)}, ${base.errors} direct errors`);
    }
    const p = (r: LoadResult, q: number) => percentile(r.latenciesMs, q) ?? Number.NaN;
    const runs = options.requests;
    const note = `route ${route.replace(ctx.appUrl, "")} (${SMALL_PLAN.name}) vs queryMtPartitionList on the sandbox`;
    const base50 = p(base, 50);
    const base99 = p(base, 99);
    const app50 = p(app, 50);
    const app99 = p(app, 99);
    const label = `${c} client${c === 1 ? "" : "s"}`;
    ctx.add(
      figure({
        scenario,
        figure: `route p50, ${label}`,
        unit: "ms",
        value: round(app50, 2),
        p95: round(p(app, 95), 2),
        runs,
        budget: null,
        baseline: round(base50, 2),
        ratio: round(app50 / base50, 2),
        note,
      }),
    );
    ctx.add(
      figure({
        scenario,
        figure: `route p99, ${label}`,
        unit: "ms",
        value: round(app99, 2),
        runs,
        budget: c === 1 ? null : atMost(60),
        baseline: round(base99, 2),
        ratio: round(app99 / base99, 2),
      }),
    );
    ctx.add(
      figure({
        scenario,
        figure: `direct p50 / p99, ${label}`,
        unit: "ms",
        value: round(base50, 2),
        p95: round(p(base, 95), 2),
        runs,
        budget: null,
        note: `p99 ${round(base99, 2)} ms`,
      }),
    );
    ctx.add(figure({ scenario, figure: `added p50, ${label}`, unit: "ms", value: round(app50 - base50, 2), runs, budget: c === 1 ? atMost(2) : null }));
    ctx.add(figure({ scenario, figure: `added p99, ${label}`, unit: "ms", value: round(app99 - base99, 2), runs, budget: c === 1 ? atMost(10) : null }));
    ctx.add(
      figure({
        scenario,
        figure: `route throughput, ${label}`,
        unit: "req/s",
        value: round(rate(app), 0),
        runs,
        budget: c === 1 ? null : atLeast(500),
        baseline: round(rate(base), 0),
        ratio: round(rate(app) / rate(base), 3),
        note: `direct ${round(rate(base), 0)} req/s`,
      }),
    );
    // What a request costs the app's processes, whatever else the machine is doing (10 ms ticks).
    ctx.add(
      figure({
        scenario,
        figure: `app CPU per request, ${label}`,
        unit: "ms",
        value: round(cpuPerRequestMs, 2),
        runs,
        budget: null,
        note: "user + system CPU of the app's processes over the measured route run / requests (/proc)",
      }),
    );
  }
}
