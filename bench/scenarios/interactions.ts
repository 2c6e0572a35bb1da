// Scenario 3: interaction latency on the 10-year plan with the CPU throttled 4× (CDP), from Event
// Timing (durationThreshold 16). Signed in as operator, so the mark buttons are there.
import type { Browser } from "@playwright/test";
import {
  CALENDAR_CELLS,
  calendarNodeCount,
  interactionDurations,
  longTasksIn,
  newSignedInPage,
  pageNow,
  readInstruments,
  rendersPer,
  screenshotOnFailure,
  throttleCpu,
  type Measured,
} from "../browser";
import { startBrowserTrace } from "../browser-trace";
import { CalendarDriver } from "../calendar-driver";
import type { BenchContext } from "../context";
import { BIG_PLAN, TENANT } from "../plans";
import { atMost, exactly, figure } from "../report";
import { max, median, percentile, round, sum } from "../stats";

export const CPU_THROTTLE = 4;
const SCENARIO = "3 interaction (4× CPU)";

export function interactionFigures(ctx: BenchContext, scenario: string, measured: readonly Measured[], budgets: boolean): void {
  const all = measured.map((m) => m.durationMs);
  ctx.add(
    figure({
      scenario,
      figure: "interactions p75",
      unit: "ms",
      value: percentile(all, 75),
      p95: percentile(all, 95),
      runs: all.length,
      budget: budgets ? atMost(100) : null,
      note: "an interaction under the 16 ms threshold leaves no entry and counts as 16 ms",
    }),
  );
  ctx.add(
    figure({
      scenario,
      figure: "interactions worst",
      unit: "ms",
      value: max(all),
      runs: all.length,
      budget: budgets ? atMost(200) : null,
      note: `worst: ${measured.find((m) => m.durationMs === max(all))?.label ?? "—"}`,
    }),
  );
  const labels = [...new Set(measured.map((m) => m.label))];
  for (const label of labels) {
    const mine = measured.filter((m) => m.label === label).map((m) => m.durationMs);
    ctx.add(
      figure({
        scenario,
        figure: `${label}: p75 / worst`,
        unit: "ms",
        value: percentile(mine, 75),
        p95: percentile(mine, 95),
        runs: mine.length,
        budget: null,
        note: `worst ${max(mine)} ms`,
      }),
    );
  }
}

export async function interactionLatency(
  ctx: BenchContext,
  browser: Browser,
  reps: { selections: number; arrows: number; yearSwitches: number; dialogs: number },
): Promise<void> {
  await ctx.sandbox.configure({ latencyMs: 50 });
  const { context, page } = await newSignedInPage(browser, ctx.appUrl, ctx.session);
  try {
    await screenshotOnFailure(page, "interaction", async () => {
      await page.goto(`/t/${TENANT}/plans/${BIG_PLAN.uuid}`);
      await page.locator(CALENDAR_CELLS).first().waitFor({ state: "visible" });
      await page.waitForLoadState("networkidle");
      const nodes = await calendarNodeCount(page);
      const thisYear = Number(
        await page
          .locator(CALENDAR_CELLS)
          .last()
          .getAttribute("data-key")
          .then((k) => (k ?? "").slice(0, 4)),
      );
      const driver = new CalendarDriver(page);
      await throttleCpu(page, CPU_THROTTLE);
      const t0 = await pageNow(page);
      const trace = await startBrowserTrace(browser, page);

      // 3-year ranges ending in the last complete year: click a day, jump three years on, shift-click.
      const from = thisYear - 4;
      for (let i = 0; i < reps.selections; i++) {
        const day = `-03-${String(10 + (i % 15)).padStart(2, "0")}`;
        await driver.selectRange(`${from}${day}`, `${from + 3}${day}`);
      }
      await driver.openMarkDialog(reps.dialogs);
      await driver.plainClick(`${from + 3}-06-03`);
      await driver.shiftArrows(reps.arrows);
      await driver.switchYears(reps.yearSwitches);
      const hovered = await driver.hoverMonth(`${from + 3}-05`);

      const t1 = await pageNow(page);
      await trace.stop(driver.log);
      const win = await readInstruments(page);
      const measured = interactionDurations(win, driver.log);
      interactionFigures(ctx, SCENARIO, measured, true);

      const drawn = driver.gridDrawn.map((d) => d.ms);
      ctx.add(
        figure({
          scenario: SCENARIO,
          figure: "year change: click until the new grid is painted",
          unit: "ms",
          value: round(percentile(drawn, 75), 0),
          p95: round(percentile(drawn, 95), 0),
          runs: drawn.length,
          budget: null,
          note: `p75; worst ${round(max(drawn), 0)} ms; the grids render as a transition after the click's own paint, so Event Timing does not see this part (upper bound: two frames and the driver's round trips included)`,
        }),
      );

      for (const label of ["select: click", "select: shift+arrow", "year switch (← / →)", "mark dialog: open", "hover across a month"]) {
        const r = rendersPer(win, driver.log, label);
        if (r.components.length === 0) continue;
        ctx.add(
          figure({
            scenario: SCENARIO,
            figure: `components re-rendered per ${label}`,
            unit: "count",
            value: median(r.components),
            p95: percentile(r.components, 95),
            runs: r.components.length,
            budget: null,
            note: `of which day cells: median ${median(r.cells)}, in ${median(r.commits)} React commit(s) (counted through the DevTools hook)`,
          }),
        );
      }

      const tasks = longTasksIn(win, t0, t1);
      ctx.add(
        figure({
          scenario: SCENARIO,
          figure: "long tasks > 50 ms",
          unit: "count",
          value: tasks.length,
          runs: driver.log.length,
          budget: null,
          note: `longest ${round(max(tasks.map((t) => t.duration)), 0) ?? 0} ms, ${round(sum(tasks.map((t) => t.duration)), 0)} ms in all, over ${driver.log.length} actions (hover: ${hovered} cells)`,
        }),
      );
      ctx.add(
        figure({
          scenario: SCENARIO,
          figure: "DOM nodes, calendar region",
          unit: "nodes",
          value: nodes.region,
          runs: 1,
          budget: atMost(2_500),
          note: `year grid ${nodes.yearGrid}, history strip ${nodes.history}, whole document ${nodes.document}`,
        }),
      );
      const onClicks = driver.requestsDuringPlainClicks();
      const others = driver.requests.map((r) => new URL(r.url).pathname);
      ctx.add(
        figure({
          scenario: SCENARIO,
          figure: "requests sent by plain clicks",
          unit: "count",
          value: onClicks.length,
          runs: driver.plainClicks.length,
          budget: exactly(0),
          note: `requests during the whole scenario: ${others.length}${others.length ? ` (${[...new Set(others)].slice(0, 3).join(", ")})` : ""}`,
        }),
      );
    });
  } finally {
    await context.close();
  }
}
