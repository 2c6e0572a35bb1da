// Scenario 2b: the server-side read of the 10-year plan (page cap 100, 50 ms per CAN call), with the
// console's bounded parallel paging against the same pages fetched one at a time. Runs the app's
// own lib/can/partitions in this process, against the bench's sandbox.
import { performance } from "node:perf_hooks";
import { listAllPartitions } from "@/lib/can/partitions";
import { getEnv } from "@/lib/env";
import type { Tenant } from "@/lib/tenants";
import { DEMO_TENANTS } from "@/lib/demo-tenants";
import type { BenchContext } from "../context";
import { BIG_PLAN, TENANT } from "../plans";
import { atMost, figure } from "../report";
import { median, percentile, round } from "../stats";

export async function paging(ctx: BenchContext, runs: number): Promise<void> {
  const demo = DEMO_TENANTS.find((t) => t.id === TENANT);
  if (demo?.authType !== "APIKEY") throw new Error("no acme demo tenant with an API key");
  const tenant: Tenant = { ...demo, baseUrl: ctx.sandbox.url };
  const parallelism = getEnv().CAN_PAGE_CONCURRENCY;
  await ctx.sandbox.configure({ latencyMs: 50 });
  const times: Record<"parallel" | "sequential", number[]> = { parallel: [], sequential: [] };
  let pages = 0;
  await listAllPartitions(tenant, BIG_PLAN.uuid); // warm-up
  for (let i = 0; i < runs; i++) {
    // Alternated, so drift on a noisy machine hits both sides alike.
    for (const kind of ["parallel", "sequential"] as const) {
      const t0 = performance.now();
      const listing = await listAllPartitions(tenant, BIG_PLAN.uuid, { concurrency: kind === "parallel" ? parallelism : 1 });
      times[kind].push(performance.now() - t0);
      pages = listing.pagesFetched;
    }
  }
  // The same read with CAN answering at once: the console's own cost of 37 pages (parse, merge).
  await ctx.sandbox.configure({ latencyMs: 0 });
  const instant: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await listAllPartitions(tenant, BIG_PLAN.uuid);
    instant.push(performance.now() - t0);
  }
  const par = median(times.parallel) ?? Number.NaN;
  const seq = median(times.sequential) ?? Number.NaN;
  const scenario = "2 big plan load";
  const note = `${BIG_PLAN.name}: ${pages} pages of ≤100, sandbox latency 50 ms; CAN_PAGE_CONCURRENCY=${parallelism}`;
  ctx.add(
    figure({
      scenario,
      figure: `server fetch, parallel (${parallelism})`,
      unit: "ms",
      value: round(par, 0),
      p95: round(percentile(times.parallel, 95), 0),
      runs,
      budget: null,
      note,
    }),
  );
  ctx.add(
    figure({
      scenario,
      figure: "server fetch, sequential",
      unit: "ms",
      value: round(seq, 0),
      p95: round(percentile(times.sequential, 95), 0),
      runs,
      budget: null,
    }),
  );
  ctx.add(
    figure({
      scenario,
      figure: "server fetch, parallel, sandbox latency 0",
      unit: "ms",
      value: round(median(instant), 0),
      p95: round(percentile(instant, 95), 0),
      runs,
      budget: null,
      note: "what every read of the 10-year plan costs the console and the sandbox, with no network wait",
    }),
  );
  ctx.add(
    figure({
      scenario,
      figure: "parallel / sequential",
      unit: "ratio",
      value: round(par / seq, 3),
      runs,
      budget: atMost(0.25),
      baseline: round(seq, 0),
      ratio: round(par / seq, 3),
      note: `ideal with ${parallelism} in flight: (1 + ⌈${pages - 1}/${parallelism}⌉) / ${pages} = ${round((1 + Math.ceil((pages - 1) / parallelism)) / pages, 3)}`,
    }),
  );
}
