// Scenario 6 (issue 23, item 4): Lighthouse 13, the npm package, with its default mobile settings
// (simulated throttling) on Debian's Chromium, signed in as the operator: the plans page and the
// 10-year plan. Lighthouse is fetched by npx at its pinned version on first use (it is not one of the
// console's dependencies: 114 packages only this row needs).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchContext } from "../context";
import { BIG_PLAN, TENANT } from "../plans";
import { atLeast, figure } from "../report";

export const LIGHTHOUSE_VERSION = "13.5.0";
const CATEGORIES = [
  { id: "performance", budget: 95 },
  { id: "accessibility", budget: 100 },
  { id: "best-practices", budget: 100 },
] as const;

type Report = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string; numericValue?: number }>;
};

function runLighthouse(url: string, headersFile: string, out: string): Report {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const args = [
    "--yes",
    `lighthouse@${LIGHTHOUSE_VERSION}`,
    url,
    `--chrome-path=${chromium}`,
    "--chrome-flags=--headless --no-sandbox",
    `--extra-headers=${headersFile}`,
  ];
  args.push("--output=json", `--output-path=${out}`, "--quiet", `--only-categories=${CATEGORIES.map((c) => c.id).join(",")}`);
  const run = spawnSync("npx", args, { encoding: "utf8", timeout: 180_000 });
  if (run.status !== 0) throw new Error(`lighthouse ${url}: exit ${run.status ?? run.signal}: ${(run.stderr || run.stdout).slice(-400)}`);
  return JSON.parse(readFileSync(out, "utf8")) as Report;
}

/** The simulated phone's paint and blocking times, for the performance note: what the score is made of. */
function timings(report: Report): string {
  const ms = (id: string) => Math.round(report.audits[id]?.numericValue ?? Number.NaN).toLocaleString("en-US");
  return `FCP ${ms("first-contentful-paint")} ms, LCP ${ms("largest-contentful-paint")} ms, TBT ${ms("total-blocking-time")} ms, CLS ${report.audits["cumulative-layout-shift"]?.numericValue?.toFixed(3) ?? "?"}`;
}

/** The category's weighted audits that cost points, for the note: what to fix first. */
function losing(report: Report, category: string): string {
  return (report.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .filter((ref) => {
      const score = report.audits[ref.id]?.score;
      return score !== null && score !== undefined && score < 0.9;
    })
    .map((ref) => ref.id)
    .slice(0, 4)
    .join(", ");
}

export async function lighthouse(ctx: BenchContext): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-lighthouse-"));
  try {
    const headersFile = join(dir, "headers.json");
    writeFileSync(headersFile, JSON.stringify({ Cookie: ctx.session.header }));
    const pages = [
      { name: "plans page", path: `/t/${TENANT}/plans` },
      { name: BIG_PLAN.name, path: `/t/${TENANT}/plans/${BIG_PLAN.uuid}` },
    ];
    await ctx.sandbox.configure({ latencyMs: 0 });
    for (const page of pages) {
      // BENCH_LIGHTHOUSE_DIR keeps each page's whole report there (its long tasks, its trace's
      // treemap): the bench's rows say what loses points, the report says where the time goes.
      const keep = process.env.BENCH_LIGHTHOUSE_DIR;
      const out = keep ? join(keep, `${page.name.replace(/[^a-z0-9]+/gi, "-")}.json`) : join(dir, "report.json");
      const report = runLighthouse(`${ctx.appUrl}${page.path}`, headersFile, out);
      for (const { id, budget } of CATEGORIES) {
        const score = report.categories[id]?.score;
        const lost = losing(report, id);
        const made = id === "performance" ? timings(report) : "";
        const note = [lost ? `losing: ${lost}` : "", made].filter(Boolean).join("; ");
        ctx.add(
          figure({
            scenario: "6 lighthouse (mobile)",
            figure: `${page.name}: ${id}`,
            unit: "score",
            value: score === null || score === undefined ? null : Math.round(score * 100),
            runs: 1,
            budget: atLeast(budget),
            ...(note ? { note } : {}),
          }),
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
