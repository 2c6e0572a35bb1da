// Scenario 9: the audit log after a few years: one tenant with millions of rows (bench/audit-data.ts)
// on PGlite, read through the app's own lib/audit in this process (what the audit page, the export
// route and `npm run audit -- verify` call), not over HTTP: the figures are the database's and the
// library's, without Next's request cost on top.
import { sql } from "drizzle-orm";
import { EXPORT_PAGE, auditCsvLine, iterateAudit, listAudit, verifyChain } from "@/lib/audit";
import { generatedPerson, generatedPlan } from "@/lib/audit/generate";
import { installDbForTests, queryRows, type DbHandle } from "@/lib/db";
import type { AuditFilters } from "@/lib/schemas/audit";
import { AUDIT_TENANT, checkpointGap, openAuditData } from "../audit-data";
import type { BenchContext } from "../context";
import { atLeast, atMost, figure } from "../report";
import { median, percentile, round } from "../stats";

const SCENARIO = "9 audit log";
const dayOffset = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Each filter of the audit page, one at a time, as a person would set it. */
function filters(): [string, AuditFilters][] {
  return [
    ["no filter", {}],
    ["plan: one name", { plan: generatedPlan(140).name }],
    ["plan: part of 2 names (text search)", { plan: "ads_search" }],
    ["plan: part of 50 names (text search)", { plan: "daily" }],
    ["plan: uuid", { plan: generatedPlan(17).uuid }],
    ["actor", { actor: generatedPerson(7) }],
    ["machines only", { by: "machines" }],
    ["action", { action: "partition.clear" }],
    ["outcome rejected", { outcome: "rejected" }],
    ["outcome unknown", { outcome: "unknown" }],
    ["date range: a month 2 years ago", { from: dayOffset(760), to: dayOffset(730), tz: "UTC" }],
    ["date range: the last week", { from: dayOffset(7), to: dayOffset(0), tz: "UTC" }],
  ];
}

export async function auditScale(ctx: BenchContext, root: string, rows: number): Promise<void> {
  await measureAudit(ctx, await openAuditData(root, rows, ctx.log), rows);
}

/** The figures, on an open audit database of `rows` rows in `tenant` with a stored checkpoint. */
export async function measureAudit(ctx: BenchContext, handle: DbHandle, rows: number, tenant = AUDIT_TENANT, exportLimit = 500_000): Promise<void> {
  // The library reads the process's database: this one, for the scenario's length.
  installDbForTests(handle);
  const db = handle.db;
  const note = `${rows.toLocaleString("en-US")} rows in one tenant, PGlite`;
  try {
    await queryRows(db, sql`analyze audit_log`);
    const runs = ctx.quick ? 3 : 5;
    for (const [name, f] of filters()) {
      const times: number[] = [];
      let found = 0;
      // The first read of each filter is counted too: a person opens a filter once.
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const page = await listAudit(tenant, f, {}, 50);
        times.push(performance.now() - t0);
        found = page.entries.length;
      }
      ctx.add(
        figure({
          scenario: SCENARIO,
          figure: `first page, ${name}`,
          unit: "ms",
          value: round(median(times), 1),
          p95: round(percentile(times, 95), 1),
          runs,
          budget: atMost(300),
          note: `${note}; ${found} entries on the page; first read ${round(times[0] ?? null, 0)} ms`,
        }),
      );
    }

    // The export: what the route streams (lib/audit/export-stream.ts: iterateAudit's pages, CSV lines),
    // until `exportRows` entries or the end.
    const exportRows = ctx.quick ? rows : Math.min(rows, exportLimit);
    const heap: number[] = [];
    let exported = 0;
    let bytes = 0;
    const t0 = performance.now();
    for await (const page of iterateAudit(tenant, {})) {
      for (const e of page) bytes += auditCsvLine(e).length;
      exported += page.length;
      heap.push(process.memoryUsage().heapUsed);
      if (exported >= exportRows) break;
    }
    const seconds = (performance.now() - t0) / 1000;
    // Growth from the tenth page on (after warm-up; a quarter of the pages in a short --quick run) to
    // the end: flat memory is about 0.
    const base = Math.min(9, Math.floor(heap.length / 4));
    const growthMb = heap.length > base + 1 ? (Math.max(...heap.slice(base + 1)) - heap[base]!) / 1e6 : null;
    ctx.add(
      figure({
        scenario: SCENARIO,
        figure: "export (CSV), newest first",
        unit: "rows/s",
        value: round(exported / seconds, 0),
        runs: 1,
        budget: atLeast(50_000),
        note: `${exported.toLocaleString("en-US")} entries (intents with their outcomes, events), ${round(bytes / 1e6, 0)} MB of CSV in ${round(seconds, 1)} s`,
      }),
    );
    ctx.add(
      figure({
        scenario: SCENARIO,
        figure: `export: JS heap growth after page ${base + 1}`,
        unit: "MB",
        value: round(growthMb, 1),
        runs: 1,
        budget: atMost(64),
        note: `heap in use sampled after each page of ${EXPORT_PAGE.toLocaleString("en-US")}; the peak above page ${base + 1}'s`,
      }),
    );

    // verify --since-checkpoint: the rows after the stored checkpoint, in full.
    const v0 = performance.now();
    const report = await verifyChain(db, tenant, { sinceCheckpoint: true });
    const verifySeconds = (performance.now() - v0) / 1000;
    if (!report.ok) throw new Error(`the generated chain does not verify: ${report.problem?.what}`);
    ctx.add(
      figure({
        scenario: SCENARIO,
        figure: `verify since the stored checkpoint (${checkpointGap(rows).toLocaleString("en-US")} rows after it)`,
        unit: "s",
        value: round(verifySeconds, 1),
        runs: 1,
        budget: atMost(60),
        note: `${round(report.rows / verifySeconds, 0)} rows/s. The issue's 60 s is met by verifying from the last checkpoint onward (it allows that; ADR 0025 says what it proves), not by a full verify: at this rate a full verify of ${rows.toLocaleString("en-US")} rows takes ${round(rows / (report.rows / verifySeconds), 0)} s, the weekly run`,
      }),
    );

    const [size] = await queryRows<{ table: string; indexes: string }>(
      db,
      sql`select pg_table_size('audit_log')::text as "table", pg_indexes_size('audit_log')::text as indexes`,
    );
    const perMillion = (b: string | undefined) => round(((Number(b ?? 0) / rows) * 1e6) / 1e6, 0);
    ctx.add(
      figure({
        scenario: SCENARIO,
        figure: "audit_log on disk per million rows: table + indexes",
        unit: "MB",
        value: round((perMillion(size?.table) ?? 0) + (perMillion(size?.indexes) ?? 0), 0),
        runs: 1,
        budget: null,
        note: `table ${perMillion(size?.table)} MB, indexes ${perMillion(size?.indexes)} MB per million rows (pg_table_size, pg_indexes_size)`,
      }),
    );
  } finally {
    await handle.close();
  }
}
