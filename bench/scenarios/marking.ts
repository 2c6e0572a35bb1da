// Scenario 4: one mark of 1,000 scattered partitions (500 two-day ranges) through the UI and the
// server action, as operator: CAN calls it caused (from the sandbox's counters), the action's time
// minus the sandbox's own time for the same updatePartition call, and (after the app stops) the
// audit rows it wrote.
import { performance } from "node:perf_hooks";
import type { Browser } from "@playwright/test";
import { buildUpdatePartitionBody } from "@/lib/marks/can-bodies";
import { addKeys, type KeyRange } from "@/lib/partitions";
import { CALENDAR_CELLS, newSignedInPage, screenshotOnFailure } from "../browser";
import type { BenchContext } from "../context";
import { BIG_PLAN, TENANT, bigPlanSpan, canPost } from "../plans";
import { atMost, exactly, figure } from "../report";
import { median, round } from "../stats";

const SCENARIO = "4 marking";
const RANGES = 500;

function scatteredRanges(firstKey: string, shift: number): KeyRange[] {
  return Array.from({ length: RANGES }, (_, i) => {
    const start = addKeys(firstKey, 20 + shift + 7 * i, "DAY");
    return { start, end: addKeys(start, 1, "DAY") };
  });
}

type Counts = Record<string, number>;
const diff = (after: Counts, before: Counts): Counts =>
  Object.fromEntries(
    Object.entries(after)
      .map(([k, v]) => [k, v - (before[k] ?? 0)])
      .filter(([, v]) => (v as number) > 0),
  );

/** One mark through the UI: select by typed ranges, Mark success, type the plan name, confirm. */
async function markOnce(ctx: BenchContext, browser: Browser, ranges: KeyRange[]): Promise<{ actionMs: number; calls: Counts }> {
  const { context, page } = await newSignedInPage(browser, ctx.appUrl, ctx.session);
  try {
    return await screenshotOnFailure(page, "marking", async () => {
      await page.goto(`/t/${TENANT}/plans/${BIG_PLAN.uuid}`);
      await page.locator(CALENDAR_CELLS).first().waitFor({ state: "visible" });
      await page.waitForLoadState("networkidle");
      await page.getByLabel("Select by typing ranges").fill(ranges.map((r) => `${r.start}..${r.end}`).join(", "));
      await page.getByRole("button", { name: "Select", exact: true }).click();
      await page
        .getByTestId("selection-summary")
        .filter({ hasText: `${(2 * RANGES).toLocaleString("en-US")} partitions in ${RANGES.toLocaleString("en-US")} ranges` })
        .waitFor();
      await page.getByRole("button", { name: "Mark success", exact: true }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel(/Type the plan name/).fill(BIG_PLAN.name);

      // Hold the refetch that follows a mark, so the counters show the action's calls alone.
      let release: () => void = () => undefined;
      const gate = new Promise<void>((r) => (release = r));
      await page.route(`**/api/t/${TENANT}/plans/**`, async (route) => {
        await gate;
        await route.continue().catch(() => undefined); // the page may be gone by then
      });
      const before = (await ctx.sandbox.requests()).byTenantAndEndpoint[TENANT] ?? {};
      const actionResponse = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined, {
        timeout: 60_000,
      });
      const t0 = performance.now();
      await dialog.getByRole("button", { name: /^Confirm/ }).click();
      const response = await actionResponse;
      const wall = performance.now() - t0;
      const after = (await ctx.sandbox.requests()).byTenantAndEndpoint[TENANT] ?? {};
      release();
      const outcome = page.getByText(/partitions marked success|Nothing was changed/).first();
      await outcome.waitFor({ timeout: 30_000 });
      const text = (await outcome.textContent()) ?? "";
      if (!text.includes("marked success")) throw new Error(`the mark was not accepted: ${text}`);
      // Next answers an action once it has run (headers), then streams a few bytes; Chromium often
      // reports that stream as aborted once React has read it, so its start is what is timed.
      const timing = response.request().timing();
      const actionMs = timing.responseStart > 0 && timing.requestStart >= 0 ? timing.responseStart - timing.requestStart : wall;
      return { actionMs, calls: diff(after, before) };
    });
  } finally {
    await context.close();
  }
}

/** CAN's own time for the identical call, straight to the sandbox (marking success again is idempotent). */
async function sandboxTime(ctx: BenchContext, ranges: KeyRange[]): Promise<number> {
  const body = buildUpdatePartitionBody(BIG_PLAN.uuid, "DAY", ranges, []);
  const replays: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    await canPost(ctx.sandbox.url, "updatePartition", body);
    replays.push(performance.now() - t0);
  }
  return median(replays) ?? Number.NaN;
}

/** Returns how many marks were confirmed (each should leave an intent and an outcome row). */
export async function marking(ctx: BenchContext, browser: Browser, plan: { latencyMs: number; marks: number }[]): Promise<number> {
  await ctx.sandbox.reset();
  const span = await bigPlanSpan(ctx.sandbox);
  let confirmed = 0;
  let shift = 0;
  for (const { latencyMs, marks } of plan) {
    await ctx.sandbox.configure({ latencyMs });
    const actionMs: number[] = [];
    const canMs: number[] = [];
    let calls: Counts = {};
    for (let m = 0; m < marks; m++) {
      const ranges = scatteredRanges(span.start, shift++);
      const result = await markOnce(ctx, browser, ranges);
      confirmed++;
      actionMs.push(result.actionMs);
      calls = result.calls;
      canMs.push(await sandboxTime(ctx, ranges));
    }
    const label = `sandbox latency ${latencyMs} ms`;
    const action = median(actionMs) ?? Number.NaN;
    const can = median(canMs) ?? Number.NaN;
    const byEndpoint = Object.entries(calls)
      .map(([k, v]) => `${k} ×${v}`)
      .join(", ");
    const total = Object.values(calls).reduce((n, v) => n + v, 0);
    ctx.add(
      figure({
        scenario: SCENARIO,
        figure: `CAN calls per mark, ${label}`,
        unit: "calls",
        value: total,
        runs: marks,
        budget: exactly(1),
        note: `inside the last mark's action: ${byEndpoint || "none"}`,
      }),
    );
    ctx.add(
      figure({
        scenario: SCENARIO,
        figure: `server action time, ${label}`,
        unit: "ms",
        value: round(action, 0),
        runs: marks,
        budget: null,
        note: "browser-side, request sent to the answer's first byte (the action has run by then)",
      }),
    );
    ctx.add(
      figure({ scenario: SCENARIO, figure: `sandbox time for the same call, ${label}`, unit: "ms", value: round(can, 1), runs: marks * 5, budget: null }),
    );
    ctx.add(
      figure({
        scenario: SCENARIO,
        figure: `action minus sandbox, ${label}`,
        unit: "ms",
        value: round(action - can, 0),
        runs: marks,
        budget: atMost(150),
        baseline: round(can, 1),
        ratio: round(action / can, 1),
      }),
    );
  }
  return confirmed;
}

/** Audit rows of the marks above, read from the app's database once the app has stopped (PGlite is one process at a time). */
export async function countMarkAuditRows(ctx: BenchContext, confirmed: number): Promise<void> {
  const { and, eq } = await import("drizzle-orm");
  const { closeDb, getDb } = await import("@/lib/db");
  const { auditLog } = await import("@/lib/db/schema");
  try {
    const db = await getDb();
    const rows = await db
      .select({ phase: auditLog.phase })
      .from(auditLog)
      .where(and(eq(auditLog.planUuid, BIG_PLAN.uuid), eq(auditLog.action, "partition.mark_success")));
    const intents = rows.filter((r) => r.phase === "intent").length;
    const outcomes = rows.filter((r) => r.phase === "outcome").length;
    ctx.add(
      figure({
        scenario: SCENARIO,
        figure: "audit rows per mark",
        unit: "rows",
        value: confirmed > 0 ? round(rows.length / confirmed, 2) : null,
        runs: confirmed,
        budget: exactly(2),
        note: `${intents} intent + ${outcomes} outcome rows for ${confirmed} marks`,
      }),
    );
  } finally {
    await closeDb();
  }
}
