"use server";

import { defineAction } from "@/lib/actions/define-action";
import { bulkMarkInput } from "@/lib/schemas/bulk-marks";
import { performBulkMark } from "@/lib/services/bulk-marking";

// Thin: performBulkMark runs one performMark per plan (the one mark path).

export const bulkMarkAction = defineAction({ name: "bulkMark", input: bulkMarkInput, permission: "partitions:mark" }, async ({ input, tenant, actor, meta }) =>
  performBulkMark({
    tenant,
    actor,
    meta,
    kind: input.kind,
    granularity: input.granularity,
    ranges: input.ranges,
    partitionCount: input.total,
    planUuids: input.planUuids,
    confirmName: input.confirmName,
  }),
);
