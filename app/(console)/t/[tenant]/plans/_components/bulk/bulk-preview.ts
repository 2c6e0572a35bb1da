import type { AppError, Result } from "@/lib/api/result";
import { bulkChange, expectedConfirmation, type BulkMarkKind } from "@/lib/marks/bulk";
import { futureRefusal, type FutureRefusal, type ServerToday } from "@/lib/marks/future";
import { MARK_KINDS, needsTypedName, type MarkEndpoint } from "@/lib/marks/kinds";
import { countKeysInRanges, countStatusesInRanges, type Granularity, type KeyRange, type PartitionStatus } from "@/lib/partitions";
import type { PlanCalendar } from "@/lib/services/plan-calendar-types";

// What the bulk confirmation shows for each plan before anything is sent: its current statuses in the
// range (from the same calendar read the plan page uses), the exact request, and whether the typed
// confirmation or the future rule applies. The server decides again per plan in performMark.

export type BulkPlanRef = { uuid: string; name: string; displayName: string };

export type BulkPlanPreview = BulkPlanRef & {
  endpoint: MarkEndpoint;
  body: unknown;
  countsBefore: Partial<Record<PartitionStatus | "outside", number>> | null;
  /** Why the plan's current statuses could not be read (it is still sent; the server reads again). */
  readError: AppError | null;
  needsName: boolean;
  refusal: (FutureRefusal & { today: ServerToday }) | null;
};

export type BulkPreview = {
  kind: BulkMarkKind;
  granularity: Granularity;
  ranges: KeyRange[];
  partitions: number;
  plans: BulkPlanPreview[];
  /** Typed text asked for when any plan would ask for its name; null when none does. */
  confirmation: string | null;
  refusal: BulkPlanPreview["refusal"];
};

export function previewBulk(
  kind: BulkMarkKind,
  granularity: Granularity,
  ranges: KeyRange[],
  plans: readonly BulkPlanRef[],
  calendars: readonly Result<PlanCalendar>[],
): BulkPreview {
  const change = bulkChange(kind, granularity, ranges);
  const spec = MARK_KINDS[kind];
  const partitions = countKeysInRanges(ranges, granularity);
  const previews = plans.map((plan, i): BulkPlanPreview => {
    const read = calendars[i];
    const base = { ...plan, endpoint: spec.endpoint, body: spec.body(plan.uuid, change) };
    if (!read?.ok) {
      // Unknown statuses: ask for the typed confirmation, as if success would be taken away.
      const readError = read?.error ?? { code: "INTERNAL" as const, message: "not read" };
      return { ...base, countsBefore: null, readError, needsName: true, refusal: null };
    }
    const calendar = read.data;
    const countsBefore = calendar.mode.kind === "grid" ? countStatusesInRanges(calendar.runs, ranges, granularity) : null;
    const today = calendar.today;
    const future = today ? futureRefusal(change, today, granularity) : null;
    return {
      ...base,
      countsBefore,
      readError: null,
      needsName: countsBefore === null || needsTypedName(kind, partitions, countsBefore),
      refusal: future && today ? { ...future, today } : null,
    };
  });
  const [first] = plans;
  const anyName = previews.some((p) => p.needsName);
  return {
    kind,
    granularity,
    ranges,
    partitions,
    plans: previews,
    confirmation: anyName && first ? expectedConfirmation(first.name, plans.length) : null,
    refusal: previews.find((p) => p.refusal)?.refusal ?? null,
  };
}
