// Scenario 5b (issue 23, item 5): the plans page of a tenant with 2,000 plans, at 50 ms per CAN call,
// on the instance with default settings. The first load reads CAN's plan list (20 pages, side by
// side after the first); searches and type filters then filter the shared list and read only the
// details of the 20 plans they show.
import { performance } from "node:perf_hooks";
import type { BenchContext } from "../context";
import type { DefaultInstance } from "../default-instance";
import { TENANT } from "../plans";
import { atMost, figure } from "../report";
import { median, percentile, round } from "../stats";

const PLANS = 2_000;
const LIST = "queryAccelerateResultPlanList";

async function timed(url: string, cookie: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status} ${body.slice(0, 200)}`);
  return performance.now() - t0;
}

export async function bigTenant(ctx: BenchContext, { appUrl, session }: DefaultInstance, searches: number): Promise<void> {
  const added = await ctx.sandbox.addPlans(TENANT, PLANS);
  await ctx.sandbox.configure({ latencyMs: 50 });
  try {
    const listCalls = async () => (await ctx.sandbox.requests()).byTenantAndEndpoint[TENANT]?.[LIST] ?? 0;
    const before = await listCalls();
    // The whole document, not its first byte: the page streams its loading state before the list.
    const firstLoad = await timed(`${appUrl}/t/${TENANT}/plans`, session.header);
    const pagesRead = (await listCalls()) - before;
    const search: number[] = [];
    for (let i = 0; i < searches; i++)
      search.push(
        await timed(
          `${appUrl}/api/t/${TENANT}/plans?q=bulk_plan_${String(i * 97 + 3)
            .padStart(4, "0")
            .slice(0, 3)}`,
          session.header,
        ),
      );
    const filter: number[] = [];
    for (const type of ["RESULT", "EXTERNAL", "ACCELERATE", "RESULT", "EXTERNAL"])
      filter.push(await timed(`${appUrl}/api/t/${TENANT}/plans?type=${type}&page=2`, session.header));
    const scenario = "5b big tenant plans page";
    const note = `${added.plans} plans in ${TENANT}, sandbox latency 50 ms, instance with default settings; the list read ${pagesRead} pages of CAN's plan list`;
    ctx.add(
      figure({ scenario, figure: "first load, whole HTML (list read cold)", unit: "ms", value: round(firstLoad, 0), runs: 1, budget: atMost(1_000), note }),
    );
    ctx.add(
      figure({
        scenario,
        figure: "search (route answer)",
        unit: "ms",
        value: round(median(search), 0),
        p95: round(percentile(search, 95), 0),
        runs: searches,
        budget: atMost(300),
      }),
    );
    ctx.add(
      figure({
        scenario,
        figure: "type filter (route answer)",
        unit: "ms",
        value: round(median(filter), 0),
        p95: round(percentile(filter, 95), 0),
        runs: filter.length,
        budget: atMost(300),
      }),
    );
  } finally {
    // The other scenarios expect the seeded catalogue.
    await ctx.sandbox.reset();
  }
}
