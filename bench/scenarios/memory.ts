// Scenario 11: what the server holds (issue 23 item 3). A load is one server render of the 10-year
// plan's page, read to its end with the operator's cookie: what a browser's navigation costs the
// server (the page hands its data to the client, which refetches nothing for 30 s). The app runs
// as `npm start` launches it (scripts/lib/server-node-options.ts), one process: its VmRSS is the
// figure. Then, through the inspector the bench alone opens (bench/inspector.ts), where it goes:
// V8's heap used and total, external memory (PGlite's WebAssembly memory is an ArrayBuffer), before
// and after a full collection. The leak row: 100 more loads, then the heap used after a full
// collection again, compared with the one after 10.
import type { BenchContext } from "../context";
import { openInspector, type MemoryUsage } from "../inspector";
import { BIG_PLAN, TENANT } from "../plans";
import { processTree } from "../process-tree";
import { atMost, figure } from "../report";
import { round } from "../stats";
import { FRESH_MIN_AGE_MS } from "@/lib/services/shared-listing";

const SCENARIO = "11 memory";
const MB = (bytes: number) => Math.round(bytes / 2 ** 20);
/** 100 kB per load over 100 loads: one 10-year listing (~0.3 MB as objects) kept per load would be 3× that. */
export const HEAP_GROWTH_BUDGET_MB = 10;
export const RESIDENT_BUDGET_MB = 450;
/**
 * A finished read of a plan's list is held at least FRESH_MIN_AGE_MS (a Reload within it reuses it;
 * lib/services/shared-listing.ts): loads 130 ms apart leave a dozen listings held when the loop
 * ends. Each full GC comes after they are let go, or the leak row would count them.
 */
const SETTLE_MS = FRESH_MIN_AGE_MS + 1_000;
const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

async function load(ctx: BenchContext): Promise<void> {
  const res = await fetch(`${ctx.appUrl}/t/${TENANT}/plans/${BIG_PLAN.uuid}`, { headers: { cookie: ctx.session.header } });
  if (!res.ok) throw new Error(`plan page: HTTP ${res.status}`);
  await res.arrayBuffer();
}

function residentMB(ctx: BenchContext): { mb: number; processes: number } {
  const tree = processTree(ctx.appPid);
  return { mb: Math.round(tree.reduce((n, p) => n + p.rssKiB, 0) / 1024), processes: tree.length };
}

const describeUsage = (u: MemoryUsage) =>
  `RSS ${MB(u.rss)}, V8 heap used ${MB(u.heapUsed)} of ${MB(u.heapTotal)}, external ${MB(u.external)} (array buffers ${MB(u.arrayBuffers)})`;

export async function memory(ctx: BenchContext, { more = 100 }: { more?: number } = {}): Promise<void> {
  if (!ctx.appInspectPort) throw new Error("the app was started without an inspector port");
  await ctx.sandbox.configure({ latencyMs: 50 });
  for (let i = 0; i < 10; i++) await load(ctx);
  const at10 = residentMB(ctx);
  const inspector = await openInspector(ctx.appPid, ctx.appInspectPort);
  try {
    const before10 = await inspector.memoryUsage();
    await settle();
    await inspector.collectGarbage();
    const after10 = await inspector.memoryUsage();
    ctx.add(
      figure({
        scenario: SCENARIO,
        figure: "app resident memory after 10 loads",
        unit: "MB",
        value: at10.mb,
        runs: 1,
        budget: atMost(RESIDENT_BUDGET_MB), // issue 23 (1,536 before)
        note: `${at10.processes} process(es), VmRSS; then ${describeUsage(before10)}; after a full GC: ${describeUsage(after10)} (MB)`,
      }),
    );

    // Sandbox latency 0: the same pages and data, in a third of the time.
    await ctx.sandbox.configure({ latencyMs: 0 });
    const t0 = Date.now();
    for (let i = 0; i < more; i++) await load(ctx);
    const seconds = round((Date.now() - t0) / 1000, 0);
    await ctx.sandbox.configure({ latencyMs: 50 });
    const atMore = residentMB(ctx);
    const beforeMore = await inspector.memoryUsage();
    await settle();
    await inspector.collectGarbage();
    const afterMore = await inspector.memoryUsage();
    ctx.add(
      figure({
        scenario: SCENARIO,
        figure: `app resident memory after ${more} more loads`,
        unit: "MB",
        value: atMore.mb,
        runs: 1,
        budget: atMost(RESIDENT_BUDGET_MB),
        note: `${atMore.mb - at10.mb >= 0 ? "+" : ""}${atMore.mb - at10.mb} MB on the 10-load figure (a full GC was forced between); ${more} loads in ${seconds} s; then ${describeUsage(beforeMore)}`,
      }),
    );
    ctx.add(
      figure({
        scenario: SCENARIO,
        figure: `leak: V8 heap used after a full GC, growth over ${more} loads`,
        unit: "MB",
        value: round((afterMore.heapUsed - after10.heapUsed) / 2 ** 20, 1),
        runs: 1,
        budget: atMost(HEAP_GROWTH_BUDGET_MB),
        note: `${MB(after10.heapUsed)} → ${MB(afterMore.heapUsed)} MB; RSS after the GC ${MB(after10.rss)} → ${MB(afterMore.rss)} MB, external ${MB(after10.external)} → ${MB(afterMore.external)} MB`,
      }),
    );
  } finally {
    // Later scenarios run with the inspector closed again: asked from inside, where close() waits
    // for this connection to go, so the answer is not awaited.
    void inspector.call("Runtime.evaluate", { expression: "process.getBuiltinModule('node:inspector').close()" }).catch(() => undefined);
    inspector.close();
  }
}
