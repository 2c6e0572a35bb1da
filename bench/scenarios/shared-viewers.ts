// Scenario 2c (issue 23, item 1): twenty people open the 10-year plan within one second, on the
// instance with default settings (CAN_LIST_CACHE_SECONDS unset: 10 s; bench/default-instance.ts).
import type { Browser } from "@playwright/test";
import { coldLoad, type LoadSample } from "./big-plan-load";
import type { BenchContext } from "../context";
import { BIG_PLAN, TENANT } from "../plans";
import { planUuid } from "@/sandbox/prng";
import { atMost, figure } from "../report";
import { median, percentile, round } from "../stats";
import type { DefaultInstance } from "../default-instance";

const LIST = "queryMtPartitionList";
const WARM_UP_PLAN = "orders_daily";

export async function sharedViewers(ctx: BenchContext, browser: Browser, { appUrl, session }: DefaultInstance, viewers: number): Promise<void> {
  await ctx.sandbox.configure({ latencyMs: 50 });
  // Warms the server (route modules, plan details) on another plan: the big plan's first read is the one measured.
  const warm = await fetch(`${appUrl}/t/${TENANT}/plans/${planUuid(TENANT, WARM_UP_PLAN)}`, { headers: { cookie: session.header } });
  await warm.text();
  const listCalls = async () => (await ctx.sandbox.requests()).byTenantAndEndpoint[TENANT]?.[LIST] ?? 0;
  const before = await listCalls();
  const spacingMs = 1_000 / viewers;
  const settled = await Promise.allSettled(
    Array.from({ length: viewers }, async (_, i) => {
      await new Promise((r) => setTimeout(r, i * spacingMs));
      return coldLoad(browser, appUrl, session, `/t/${TENANT}/plans/${BIG_PLAN.uuid}`);
    }),
  );
  const calls = (await listCalls()) - before;
  const samples: LoadSample[] = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = settled.flatMap((s) => (s.status === "rejected" ? [s.reason instanceof Error ? s.reason.message.split("\n")[0] : String(s.reason)] : []));
  if (failed.length > 0) ctx.log(`viewers: ${failed.length} of ${viewers} loads did not paint: ${failed[0]}`);
  const painted = samples.map((s) => s.paintedMs).filter((v) => Number.isFinite(v));
  const scenario = "2c viewers sharing a read";
  const note = `${viewers} cold browser contexts opening ${BIG_PLAN.name} over 1 s, one instance with the default CAN_LIST_CACHE_SECONDS, sandbox latency 50 ms; one full read is ${samples[0]?.listed ?? "37 pages"}`;
  ctx.add(figure({ scenario, figure: `${LIST} calls for ${viewers} viewers`, unit: "calls", value: calls, runs: 1, budget: atMost(2 * 37), note }));
  // A load that did not paint within its 30 s is not left out of the figures: they are not given.
  const complete = failed.length === 0;
  ctx.add(
    figure({
      scenario,
      figure: "navigation → calendar painted, each viewer",
      unit: "ms",
      value: complete ? round(median(painted), 0) : null,
      p95: complete ? round(percentile(painted, 95), 0) : null,
      runs: viewers,
      budget: null,
      ...(complete ? {} : { note: `${failed.length} of ${viewers} loads did not paint within 30 s` }),
    }),
  );
}
