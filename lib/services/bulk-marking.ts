import "server-only";
import type { AppError, Result } from "@/lib/api/result";
import { toAppError } from "@/lib/api/to-app-error";
import type { Actor, RequestMeta } from "@/lib/auth/roles";
import { mapBounded } from "@/lib/async/map-bounded";
import { BULK_CONCURRENCY, bulkChange, type BulkMarkKind } from "@/lib/marks/bulk";
import type { Granularity, KeyRange } from "@/lib/partitions";
import type { Tenant } from "@/lib/tenants";
import { performMark } from "./marking";

// A bulk mark is many single marks: for each plan one performMark (the one mark path: one CAN call,
// one audit intent and outcome), at most BULK_CONCURRENCY at once, each plan's result kept apart so
// one refusal never hides the others (docs/decisions/0030-bulk-mark.md).

export type BulkPlanResult = { planUuid: string; ok: true; partitions: number; requestId: string } | { planUuid: string; ok: false; error: AppError };

export type BulkMarkResult = { results: BulkPlanResult[] };

export type BulkMarkRequest = {
  tenant: Tenant;
  actor: Actor;
  meta: RequestMeta;
  kind: BulkMarkKind;
  granularity: Granularity;
  ranges: readonly KeyRange[];
  partitionCount: number;
  planUuids: readonly string[];
  confirmName: string | undefined;
};

export async function performBulkMark(req: BulkMarkRequest): Promise<Result<BulkMarkResult>> {
  const change = bulkChange(req.kind, req.granularity, req.ranges);
  const indexed = req.planUuids.map((planUuid, i) => ({ planUuid, i }));
  const results = await mapBounded(indexed, BULK_CONCURRENCY, async ({ planUuid, i }): Promise<BulkPlanResult> => {
    // Each plan's mark is its own request in the audit log and at CAN (x-request-id), told apart by its place.
    const meta = { ...req.meta, requestId: `${req.meta.requestId}.${i + 1}` };
    try {
      const result = await performMark({
        tenant: req.tenant,
        actor: req.actor,
        meta,
        planUuid,
        change,
        partitionCount: req.partitionCount,
        confirmation: { by: "person", confirmName: req.confirmName, bulkPlans: req.planUuids.length },
      });
      return result.ok
        ? { planUuid, ok: true, partitions: result.data.partitions, requestId: result.data.requestId }
        : { planUuid, ok: false, error: result.error };
    } catch (e) {
      // One plan's unexpected failure (its details unreadable, say) is that plan's result, not the whole bulk mark's.
      return { planUuid, ok: false, error: toAppError(e, "action bulkMark") };
    }
  });
  return { ok: true, data: { results } };
}
