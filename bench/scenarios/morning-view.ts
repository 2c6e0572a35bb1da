// Issue 17, item 1: the plans page's morning view for a tenant of 50 EXTERNAL plans, at 50 ms per
// CAN call. Each of the three pages (20, 20, 10 plans) is opened in a new browser context; the
// figure is navigation start → the frame in which every row's strip is painted, watched from before
// the page's first byte (the strips are server-rendered and can paint before the load event). The
// sandbox counts the partition-list calls of the page load (table and strips), per plan shown.
import type { Browser } from "@playwright/test";
import type { BenchContext } from "../context";
import { newSignedInPage, screenshotOnFailure } from "../browser";
import { TENANT } from "../plans";
import { atMost, figure } from "../report";
import { median, round } from "../stats";

const LIST = "queryMtPartitionList";
/** 55 numbered plans: every tenth is a RESULT plan, so 50 are EXTERNAL (sandbox/seed.ts manyPlans). */
const ADDED = 55;
const QUERY = "type=EXTERNAL&q=bulk_plan";

// Runs in the page before its scripts, from the first frame on: the first frame in which every row has a strip.
const STRIPS_PAINTED = `(() => {
  const tick = () => {
    const rows = document.querySelectorAll("tbody tr").length;
    const strips = document.querySelectorAll('[data-testid="health-strip"]').length;
    if (rows > 0 && strips === rows) window.__stripsPainted = { at: performance.now(), rows, strips };
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

export async function morningView(ctx: BenchContext, browser: Browser): Promise<void> {
  await ctx.sandbox.addPlans(TENANT, ADDED);
  await ctx.sandbox.configure({ latencyMs: 50 });
  const listCalls = async () => (await ctx.sandbox.requests()).byTenantAndEndpoint[TENANT]?.[LIST] ?? 0;
  const painted: number[] = [];
  let plans = 0;
  let calls = 0;
  try {
    for (const n of [1, 2, 3]) {
      const { context, page } = await newSignedInPage(browser, ctx.appUrl, ctx.session);
      try {
        await screenshotOnFailure(page, `morning-${n}`, async () => {
          const before = await listCalls();
          await context.addInitScript({ content: STRIPS_PAINTED });
          await page.goto(`/t/${TENANT}/plans?${QUERY}&page=${n}`);
          await page.getByRole("table", { name: "Materialization plans" }).waitFor();
          // Every EXTERNAL row has its strip (none still loading, none failed): the frame it was first so.
          const at = await page.evaluate(
            () =>
              new Promise<{ at: number; rows: number; strips: number }>((resolve) => {
                const check = () => {
                  const seen = (window as unknown as { __stripsPainted?: { at: number; rows: number; strips: number } }).__stripsPainted;
                  if (seen) resolve(seen);
                  else setTimeout(check, 10);
                };
                check();
              }),
          );
          const after = await listCalls();
          painted.push(at.at);
          ctx.log(`page ${n}: ${at.rows} rows, strips painted ${Math.round(at.at)} ms after navigation start`);
          plans += at.rows;
          calls += after - before;
        });
      } finally {
        await context.close();
      }
    }
    const scenario = "10 morning view (plans page strips)";
    const note = `${plans} EXTERNAL plans over 3 pages (acme + ${ADDED} numbered plans, ?${QUERY}), sandbox latency 50 ms, new browser context per page; the page loads made ${calls} ${LIST} calls (${round(calls / plans, 2)} per plan, table and strips)`;
    ctx.add(
      figure({
        scenario,
        figure: "navigation → every row's strip painted (worst page)",
        unit: "ms",
        value: round(Math.max(...painted), 0),
        median: round(median(painted), 0),
        runs: painted.length,
        budget: atMost(2_000),
        note,
      }),
    );
    // The table's Partitions and Latest columns come from the strips' read (plans.ts partitionsFromHealth).
    const perPlan = round(calls / plans, 2);
    ctx.add(figure({ scenario, figure: "CAN list calls per plan (table and strips)", unit: "calls", value: perPlan, runs: 1, budget: atMost(1.5) }));
  } finally {
    // The other scenarios expect the seeded catalogue and no latency.
    await ctx.sandbox.reset();
  }
}
