// Scenario 6: how load and selection cost grow with history. The 10-year plan is given 1, 3, 10
// and 30 years of history through CAN's API (see plans.ts); each size gets cold loads (50 ms per CAN
// call) and whole-history selections (click the oldest day, shift-click in the newest year) at 4× CPU.
import { gzipSync } from "node:zlib";
import type { Browser } from "@playwright/test";
import { addKeys, type KeyRange } from "@/lib/partitions";
import { CALENDAR_CELLS, calendarNodeCount, interactionDurations, newSignedInPage, readInstruments, screenshotOnFailure, throttleCpu } from "../browser";
import { CalendarDriver } from "../calendar-driver";
import type { BenchContext } from "../context";
import { BIG_PLAN, TENANT, shapeBigPlanHistory } from "../plans";
import { atMost, figure } from "../report";
import { max, median, percentile, round } from "../stats";
import { coldLoads } from "./big-plan-load";
import { CPU_THROTTLE } from "./interactions";

const SCENARIO = "6 scaling";
const PATH = `/t/${TENANT}/plans/${BIG_PLAN.uuid}`;

type Options = { years: number[]; loads: number; selections: number };

/** Shift-click durations and the calendar region's node count, on a freshly loaded page. */
async function selectWholeHistory(
  ctx: BenchContext,
  browser: Browser,
  span: KeyRange,
  years: number,
  selections: number,
): Promise<{ shift: number[]; nodes: number }> {
  const { context, page } = await newSignedInPage(browser, ctx.appUrl, ctx.session);
  try {
    return await screenshotOnFailure(page, `scaling-${years}y`, async () => {
      await page.goto(PATH);
      await page.locator(CALENDAR_CELLS).first().waitFor({ state: "visible" });
      await page.waitForLoadState("networkidle");
      const nodes = (await calendarNodeCount(page)).region;
      const newestYear = Number(span.end.slice(0, 4));
      const driver = new CalendarDriver(page);
      await throttleCpu(page, CPU_THROTTLE);
      for (let i = 0; i < selections; i++) {
        await driver.selectRange(addKeys(span.start, i, "DAY"), `${newestYear}-01-${String(5 + i).padStart(2, "0")}`);
      }
      const measured = interactionDurations(await readInstruments(page), driver.log);
      return { shift: measured.filter((m) => m.label === "select: shift-click").map((m) => m.durationMs), nodes };
    });
  } finally {
    await context.close();
  }
}

async function measureSize(ctx: BenchContext, browser: Browser, years: number, options: Options): Promise<{ painted: number; shiftP75: number }> {
  const span = await shapeBigPlanHistory(ctx.sandbox, years);
  await ctx.sandbox.configure({ latencyMs: 50 });
  const loads = await coldLoads(ctx, browser, ctx.session, PATH, options.loads);
  const paintedMs = loads.map((l) => l.paintedMs);
  const payload = Buffer.from(
    await (await fetch(`${ctx.appUrl}/api/t/${TENANT}/plans/${BIG_PLAN.uuid}`, { headers: { cookie: ctx.session.header } })).arrayBuffer(),
  );
  const runs = (JSON.parse(payload.toString("utf8")) as { data?: { runs?: unknown[] } }).data?.runs?.length ?? 0;
  const { shift, nodes } = await selectWholeHistory(ctx, browser, span, years, options.selections);

  const label = `${years} year${years === 1 ? "" : "s"}`;
  const painted = median(paintedMs) ?? Number.NaN;
  const shiftP75 = percentile(shift, 75) ?? Number.NaN;
  ctx.add(
    figure({
      scenario: SCENARIO,
      figure: `painted, ${label}`,
      unit: "ms",
      value: round(painted, 0),
      p95: round(percentile(paintedMs, 95), 0),
      runs: paintedMs.length,
      budget: null,
      note: `history ${span.start}..${span.end}; server answered after ${round(median(loads.map((l) => l.ttfbMs)), 0)} ms; ${loads[0]?.listed ?? ""}`,
    }),
  );
  ctx.add(
    figure({
      scenario: SCENARIO,
      figure: `whole-history shift-click, ${label}`,
      unit: "ms",
      value: shiftP75,
      p95: percentile(shift, 95),
      runs: shift.length,
      budget: null,
      note: `p75; worst ${max(shift)} ms (4× CPU)`,
    }),
  );
  ctx.add(figure({ scenario: SCENARIO, figure: `DOM nodes, calendar region, ${label}`, unit: "nodes", value: nodes, runs: 1, budget: null }));
  ctx.add(
    figure({
      scenario: SCENARIO,
      figure: `status payload, ${label}`,
      unit: "kB gzip",
      value: round(gzipSync(payload).length / 1000, 1),
      runs: 1,
      budget: null,
      note: `${runs} status runs`,
    }),
  );
  return { painted, shiftP75 };
}

export async function scaling(ctx: BenchContext, browser: Browser, options: Options): Promise<void> {
  const results = new Map<number, { painted: number; shiftP75: number }>();
  try {
    for (const years of options.years) {
      if (Date.now() > ctx.deadline) {
        ctx.log(`scaling: skipped ${years} years and beyond (time budget)`);
        break;
      }
      results.set(years, await measureSize(ctx, browser, years, options));
    }
  } finally {
    await ctx.sandbox.reset(); // back to the seeded 10 years for what follows
  }
  const first = options.years[0];
  const last = options.years.at(-1);
  const a = first === undefined ? undefined : results.get(first);
  const b = last === undefined ? undefined : results.get(last);
  if (first === undefined || last === undefined || !a || !b || first === last) return;
  const linear = last / first;
  ctx.add(
    figure({
      scenario: SCENARIO,
      figure: `painted growth ${first}→${last} years`,
      unit: "×",
      value: round(b.painted / a.painted, 2),
      runs: 2,
      budget: atMost(linear),
      note: `linear growth would be ${linear}×`,
    }),
  );
  ctx.add(
    figure({
      scenario: SCENARIO,
      figure: `shift-click growth ${first}→${last} years`,
      unit: "×",
      value: round(b.shiftP75 / a.shiftP75, 2),
      runs: 2,
      budget: atMost(linear),
      note: "p75 to p75; values under 16 ms count as 16",
    }),
  );
}
