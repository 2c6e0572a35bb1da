import { MARKABLE_GRANULARITIES, type Granularity, type KeyRange } from "@/lib/partitions";
import type { GridMarkKind } from "./availability";
import type { MarkChange } from "./kinds";

// A bulk mark across plans (issue 17, item 3; docs/decisions/0030-bulk-mark.md): the rules the plans
// page and the server action share. Client-safe and pure: each plan's mark still goes through
// performMark, one CAN call and one audit intent/outcome per plan.

/** The kinds a bulk mark offers: the grid's marks (success, failed, clear), from the one kinds table. */
export type BulkMarkKind = GridMarkKind;

/** The change every plan of a bulk mark is sent: the same kind and ranges. */
export function bulkChange(kind: BulkMarkKind, granularity: Granularity, ranges: readonly KeyRange[]): MarkChange {
  if (kind === "clear") return { kind: "clear", granularity, ranges };
  return { kind: "update", granularity, success: kind === "success" ? ranges : [], failed: kind === "failed" ? ranges : [] };
}

/** At most this many plans in one bulk mark (a page of the plans table holds 20). */
export const MAX_BULK_PLANS = 50;

/** CAN calls in flight at once for one bulk mark: few, so one operator's incident fix cannot flood CAN. */
export const BULK_CONCURRENCY = 3;

/** What the plans table knows of a row, enough to decide whether it can join a bulk mark. */
export type BulkCandidate = { uuid: string; materializeType: string; granularity: string | null; isFullRefresh: boolean | null };

/** Only EXTERNAL plans with a partition grid (DAY or MONTH, not full refresh) accept partition marks. */
export function bulkGranularity(plan: BulkCandidate): Granularity | null {
  if (plan.materializeType !== "EXTERNAL" || plan.isFullRefresh !== false) return null;
  const g = plan.granularity?.toUpperCase();
  return g === "DAY" || g === "MONTH" ? g : null;
}

export const isBulkSelectable = (plan: BulkCandidate): boolean => bulkGranularity(plan) !== null;

/** The selected plans grouped by granularity, in the order each granularity first appears. */
export function groupByGranularity<P extends BulkCandidate>(plans: readonly P[]): { granularity: Granularity; plans: P[] }[] {
  const groups = new Map<Granularity, P[]>();
  for (const p of plans) {
    const g = bulkGranularity(p);
    if (g === null) continue;
    groups.set(g, [...(groups.get(g) ?? []), p]);
  }
  return [...groups].map(([granularity, members]) => ({ granularity, plans: members }));
}

export type SharedGranularity = { ok: true; granularity: Granularity } | { ok: false; why: "none" } | { ok: false; why: "mixed"; granularities: Granularity[] };

/** One range can be sent to every selected plan only when they all share one granularity. */
export function sharedGranularity(plans: readonly BulkCandidate[]): SharedGranularity {
  const groups = groupByGranularity(plans);
  const [only] = groups;
  if (!only) return { ok: false, why: "none" };
  // Named in one fixed order (DAY, MONTH), whatever order the rows, sorted by their health, were picked in.
  if (groups.length > 1) return { ok: false, why: "mixed", granularities: MARKABLE_GRANULARITIES.filter((g) => groups.some((x) => x.granularity === g)) };
  return { ok: true, granularity: only.granularity };
}

/**
 * What a person types when a plan's mark asks for its typed name (kinds.ts needsTypedName): on the
 * plan's own page, its name; in a bulk mark of several plans, the number of plans, so the count they
 * confirm is the count that changes. A bulk mark of one plan (a retry of the one that failed) asks
 * for that plan's name, exactly as its own page would. The dialog and performMark both read this.
 */
export function expectedConfirmation(planName: string, bulkPlans = 1): string {
  return bulkPlans > 1 ? String(bulkPlans) : planName;
}

/** The per-plan outcome as the page keeps it. */
export type BulkPlanOutcome = { planUuid: string; ok: boolean };

/** The plans "Retry failed" sends again: those whose mark failed, in the original order. */
export function plansToRetry<R extends BulkPlanOutcome>(results: readonly R[]): string[] {
  return results.filter((r) => !r.ok).map((r) => r.planUuid);
}

/** Select all on a page: the selectable rows, added to whatever was selected already. */
export function selectAllOnPage(selected: ReadonlySet<string>, rows: readonly BulkCandidate[]): Set<string> {
  const next = new Set(selected);
  for (const r of rows) if (isBulkSelectable(r)) next.add(r.uuid);
  return next;
}
