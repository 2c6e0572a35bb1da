// What every scenario produces (figures with their budget) and how the run is reported: a table on
// stdout and bench/results.json.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";

export type Budget = { op: "<=" | ">=" | "="; value: number };

export type Figure = {
  scenario: string;
  figure: string;
  unit: string;
  /** The number the budget is judged on (usually the median; a p99 or a worst case where the budget says so). */
  value: number | null;
  median: number | null;
  p95: number | null;
  runs: number;
  budget: Budget | null;
  /** null when the figure has no budget (it is reported for context) or could not be measured. */
  holds: boolean | null;
  /** The same-run baseline this figure is compared with, and value / baseline. */
  baseline?: number | null;
  ratio?: number | null;
  note?: string;
};

export type FigureInput = Omit<Figure, "holds" | "median" | "p95" | "value"> & {
  value: number | null;
  median?: number | null;
  p95?: number | null;
};

export function judge(value: number | null, budget: Budget | null): boolean | null {
  if (!budget || value === null || !Number.isFinite(value)) return null;
  if (budget.op === "<=") return value <= budget.value;
  if (budget.op === ">=") return value >= budget.value;
  return value === budget.value;
}

export function figure(input: FigureInput): Figure {
  return {
    ...input,
    median: input.median === undefined ? input.value : input.median,
    p95: input.p95 ?? null,
    holds: judge(input.value, input.budget),
  };
}

export const atMost = (value: number): Budget => ({ op: "<=", value });
export const atLeast = (value: number): Budget => ({ op: ">=", value });
export const exactly = (value: number): Budget => ({ op: "=", value });

export type Machine = {
  cores: number;
  cpu: string;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string | null;
  date: string;
  commit: string | null;
};

export function describeMachine(chromium: string | null): Machine {
  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (dirty) commit += " (with uncommitted changes)";
  } catch {
    commit = null;
  }
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
    date: new Date().toISOString(),
    commit,
  };
}

const fmt = (v: number | null | undefined): string => {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  if (Number.isInteger(v)) return v.toLocaleString("en-US");
  const abs = Math.abs(v);
  return v.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
};

export const formatBudget = (b: Budget | null): string => (b ? `${b.op === "=" ? "=" : b.op === "<=" ? "≤" : "≥"} ${fmt(b.value)}` : "—");
const holdsText = (h: boolean | null): string => (h === null ? "—" : h ? "yes" : "NO");

/** A plain-text table; also valid Markdown, so the README can take it as it is. */
export function renderTable(figures: readonly Figure[]): string {
  const header = ["#", "scenario", "figure", "value", "unit", "p95", "runs", "budget", "holds"];
  const rows = figures.map((f, i) => [
    String(i + 1),
    f.scenario,
    f.figure,
    fmt(f.value),
    f.unit,
    fmt(f.p95),
    String(f.runs),
    formatBudget(f.budget),
    holdsText(f.holds),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** The figures' notes, numbered by their row, for below the table. */
export function renderNotes(figures: readonly Figure[]): string {
  return figures
    .map((f, i) => (f.note ? `${i + 1}. ${f.figure}: ${f.note}` : null))
    .filter((line): line is string => line !== null)
    .join("\n");
}

export type Results = {
  machine: Machine;
  mode: "full" | "quick";
  database: "pglite" | "postgres";
  durationSeconds: number;
  figures: Figure[];
  /** Scenarios that could not run to the end, with the reason. */
  problems: string[];
};

export function writeResults(path: string, results: Results): void {
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
