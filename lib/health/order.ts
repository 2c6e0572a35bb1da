import type { PlanSort } from "@/lib/plans-query";

// The plans page's "needs attention" filter and its sorts, over the rows of the visible page
// (docs/decisions/0028-morning-view.md). Pure and zod-free: the browser runs it.

/** What a row's health says for ordering: not read yet, nothing to say (not a grid plan), read, or failed. */
export type RowHealth = { state: "loading" } | { state: "none" } | { state: "error" } | { state: "grid"; attention: boolean; lateDays: number | null };

type Row = { uuid: string; name: string; displayName: string };

/** A plan CAN could not tell us about needs a look as much as a late one does. */
export function rowNeedsAttention(h: RowHealth): boolean {
  return h.state === "error" || (h.state === "grid" && h.attention);
}

/** Days late, with "no success known" latest of all; -1 for rows without a freshness. */
function lateKey(h: RowHealth): number {
  if (h.state !== "grid") return -1;
  return h.lateDays ?? Number.POSITIVE_INFINITY;
}

/**
 * The rows to show, in order. While any row's health is still loading the filter keeps every row
 * (they would vanish one by one as answers arrive); every sort keeps CAN's order among equals.
 */
export function orderRows<R extends Row>(rows: readonly R[], healthOf: (uuid: string) => RowHealth, sort: PlanSort | undefined, attentionOnly: boolean): R[] {
  const loading = rows.some((r) => healthOf(r.uuid).state === "loading");
  const kept = attentionOnly && !loading ? rows.filter((r) => rowNeedsAttention(healthOf(r.uuid))) : [...rows];
  const indexed = kept.map((row, index) => ({ row, index, h: healthOf(row.uuid) }));
  const byLate = (a: (typeof indexed)[number], b: (typeof indexed)[number]) => lateKey(b.h) - lateKey(a.h);
  indexed.sort((a, b) => {
    if (sort === "name") return a.row.displayName.localeCompare(b.row.displayName) || a.row.name.localeCompare(b.row.name) || a.index - b.index;
    if (sort === "lateness") return compareNumbers(byLate(a, b)) || a.index - b.index;
    const attention = Number(rowNeedsAttention(b.h)) - Number(rowNeedsAttention(a.h));
    return attention || compareNumbers(byLate(a, b)) || a.index - b.index;
  });
  return indexed.map((x) => x.row);
}

/** Infinity − Infinity is NaN: two plans with no success are equals. */
function compareNumbers(n: number): number {
  return Number.isNaN(n) ? 0 : n;
}
