// Scenario 6: how load and selection cost grow with history. The 10-year plan is given 1, 3, 10
// and 30 years of history through CAN's API (see plans.ts); each size gets cold loads (50 ms per CAN
// call) and whole-history selections (click in the newest year, shift-click the oldest day) at 4× CPU.
import { gzipSync } from "node:zlib";
import type { Browser } from "@playwright/test";
import { addKeys } from "@/lib/partitions";
import { CALENDAR_CELLS, calendarNodeCount, interactionDurations, newSignedInPage, readInstruments, throttleCpu } from "../browser";
import { CalendarDriver } from "../calendar-driver";
import type { BenchContext } from "../context";
import { BIG_PLAN, TENANT, shapeBigPlanHistory } from "../plans";
import { atMost, figure } from "../report";
import { max, median, percentile, round } from "../stats";
import { coldLoads } from "./big-plan-load";
import { CPU_THROTTLE } from "./interactions";

const SCENARIO = "6 scaling";

export async function scaling(ctx: BenchContext, browser: Browser, options: { years: number[]; loads: number; selections: number }): Promise<void> {
  const path = `/t/${TENANT}/plans/${BIG_PLAN.uuid}`;
  const painted = new Map<number, number>();
  const selectP75 = new Map<number, number>();
  for (const years of options.years) {
    if (Date.now() > ctx.deadline) {
      ctx.log(`scaling: skipped ${years} years and beyond (time budget)`);
      break;
    }
    const span = await shapeBigPlanHistory(ctx.sandbox, years);
    await ctx.sandbox.setLatency(50);
    const loads = await coldLoads(ctx, browser, ctx.session, path, options.loads);
    const paintedMs = loads.map((l) => l.paintedMs);
    const payload = await fetch(`${ctx.appUrl}/api/t/${TENANT}/plans/${BIG_PLAN.uuid}`, { headers: { cookie: ctx.session.header } }).then(async (r) => Buffer.from(await r.arrayBuffer()));
    const runs = (JSON.parse(payload.toString("utf8")) as { data?: { runs?: unknown[] } }).data?.runs?.length ?? 0;

    const { context, page } = await newSignedInPage(browser, ctx.appUrl, ctx.session);
    let shift: number[] = [];
    let nodes = 0;
    try {
      await page.goto(path);
      await page.locator(CALENDAR_CELLS).first().waitFor({ state: "visible" });
      await page.waitForLoadState("networkidle");
      nodes = (await calendarNodeCount(page)).region;
      const newestYear = Number(span.end.slice(0, 4));
      const driver = new CalendarDriver(page);
      await throttleCpu(page, CPU_THROTTLE);
      for (let i = 0; i < options.selections; i++) {
        await driver.selectRange(addKeys(span.start, i, "DAY"), `${newestYear}-01-${String(5 + i).padStart(2, "0")}`);
      }
      const measured = interactionDurations(await readInstruments(page), driver.log);
      shift = measured.filter((m) => m.label === "select: shift-click").map((m) => m.durationMs);
    } finally {
      await context.close();
    }
    const label = `${years} year${years === 1 ? "" : "s"}`;
    const p = median(paintedMs) ?? Number.NaN;
    painted.set(years, p);
    selectP75.set(years, percentile(shift, 75) ?? Number.NaN);
    ctx.add(figure({ scenario: SCENARIO, figure: `painted, ${label}`, unit: "ms", value: round(p, 0), p95: round(percentile(paintedMs, 95), 0), runs: paintedMs.length, budget: null, note: `history ${span.start}..${span.end}; server answered after ${round(median(loads.map((l) => l.ttfbMs)), 0)} ms; ${loads[0]?.listed ?? ""}` }));
    ctx.add(figure({ scenario: SCENARIO, figure: `whole-history shift-click, ${label}`, unit: "ms", value: percentile(shift, 75), p95: percentile(shift, 95), runs: shift.length, budget: null, note: `p75; worst ${max(shift)} ms (4× CPU)` }));
    ctx.add(figure({ scenario: SCENARIO, figure: `status payload / nodes, ${label}`, unit: "kB gzip", value: round(gzipSync(payload).length / 1000, 1), runs: 1, budget: null, note: `${runs} runs; calendar region ${nodes} nodes` }));
  }
  await ctx.sandbox.reset();
  const first = options.years[0];
  const last = options.years.at(-1);
  if (first !== undefined && last !== undefined && painted.has(first) && painted.has(last) && first !== last) {
    const linear = last / first;
    const growth = (m: Map<number, number>) => round((m.get(last) ?? Number.NaN) / (m.get(first) ?? Number.NaN), 2);
    ctx.add(figure({ scenario: SCENARIO, figure: `painted growth ${first}→${last} years`, unit: "×", value: growth(painted), runs: 2, budget: atMost(linear), note: `linear growth would be ${linear}×` }));
    ctx.add(figure({ scenario: SCENARIO, figure: `shift-click growth ${first}→${last} years`, unit: "×", value: growth(selectP75), runs: 2, budget: atMost(linear), note: "p75 to p75; values under 16 ms count as 16" }));
  }
}

