// Scenario 2: the 10-year plan from navigation to the calendar painted, cold (a new browser context
// each time: no cache, no React Query state), sandbox page cap 100 and 50 ms per CAN call.
import { performance } from "node:perf_hooks";
import type { Browser } from "@playwright/test";
import { CALENDAR_CELLS, newSignedInPage, readInstruments } from "../browser";
import type { BenchContext } from "../context";
import { BIG_PLAN, TENANT } from "../plans";
import { atMost, figure } from "../report";
import type { Session } from "@/tests/support/action-client";
import { median, percentile, round } from "../stats";

export type LoadSample = { paintedMs: number; ttfbMs: number; fcpMs: number | null; wallMs: number; htmlBytes: number; listed: string };

/** One cold load of `path`; "painted" is the end of the first frame with day cells in the document. */
export async function coldLoad(browser: Browser, appUrl: string, session: Session, path: string): Promise<LoadSample> {
  const { context, page } = await newSignedInPage(browser, appUrl, session);
  try {
    const t0 = performance.now();
    const response = await page.goto(path, { waitUntil: "commit" });
    if (!response || response.status() !== 200) throw new Error(`GET ${path}: HTTP ${response?.status() ?? "?"}`);
    await page.locator(CALENDAR_CELLS).first().waitFor({ state: "visible", timeout: 30_000 });
    const wallMs = performance.now() - t0;
    await page.waitForFunction(() => (window as unknown as { __bench: { cellsPainted: number | null } }).__bench.cellsPainted !== null);
    const win = await readInstruments(page);
    const nav = await page.evaluate(() => {
      const n = window.performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      const fcp = window.performance.getEntriesByName("first-contentful-paint")[0];
      return { ttfb: n ? n.responseStart - n.startTime : null, bytes: n?.transferSize ?? 0, fcp: fcp ? fcp.startTime : null };
    });
    const listed =
      (await page
        .getByText(/listed ·/)
        .first()
        .textContent({ timeout: 5_000 })
        .catch(() => null)) ?? "";
    return {
      paintedMs: win.cellsPainted ?? Number.NaN,
      ttfbMs: nav.ttfb ?? Number.NaN,
      fcpMs: nav.fcp,
      wallMs,
      htmlBytes: nav.bytes,
      listed: listed.replace(/.*?·\s*/, "").trim(),
    };
  } finally {
    await context.close();
  }
}

export async function coldLoads(ctx: BenchContext, browser: Browser, session: Session, path: string, runs: number): Promise<LoadSample[]> {
  await coldLoad(browser, ctx.appUrl, session, path); // warm the server (JIT, plan-details cache)
  const samples: LoadSample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await coldLoad(browser, ctx.appUrl, session, path));
  return samples;
}

export async function bigPlanLoad(ctx: BenchContext, runs: number): Promise<void> {
  if (!ctx.browser) throw new Error("no browser");
  await ctx.sandbox.configure({ latencyMs: 50 });
  const samples = await coldLoads(ctx, ctx.browser, ctx.session, `/t/${TENANT}/plans/${BIG_PLAN.uuid}`, runs);
  const scenario = "2 big plan load";
  const of = (pick: (s: LoadSample) => number) => samples.map(pick).filter((v) => Number.isFinite(v));
  const note = `${BIG_PLAN.name}, cold browser context each time, sandbox latency 50 ms; ${samples[0]?.listed ?? ""}`;
  ctx.add(
    figure({
      scenario,
      figure: "navigation → calendar painted",
      unit: "ms",
      value: round(median(of((s) => s.paintedMs)), 0),
      p95: round(
        percentile(
          of((s) => s.paintedMs),
          95,
        ),
        0,
      ),
      runs,
      budget: atMost(1_500),
      note,
    }),
  );
  ctx.add(
    figure({
      scenario,
      figure: "navigation → first byte (server render)",
      unit: "ms",
      value: round(median(of((s) => s.ttfbMs)), 0),
      p95: round(
        percentile(
          of((s) => s.ttfbMs),
          95,
        ),
        0,
      ),
      runs,
      budget: null,
      note: `HTML ${round((median(of((s) => s.htmlBytes)) ?? 0) / 1000, 1)} kB transferred`,
    }),
  );
  ctx.add(
    figure({
      scenario,
      figure: "navigation → first contentful paint",
      unit: "ms",
      value: round(median(of((s) => s.fcpMs ?? Number.NaN)), 0),
      runs,
      budget: null,
    }),
  );
}
