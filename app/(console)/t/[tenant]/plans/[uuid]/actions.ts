"use server";

import { defineAction } from "@/lib/actions/define-action";
import { clearPartitionsInput, markPartitionsInput, markRefreshedInput } from "@/lib/schemas/marks";
import { performMark } from "@/lib/services/marking";

// Thin: the kinds table (lib/marks/kinds.ts) and performMark own what a mark sends and records.

export const markPartitionsAction = defineAction({ name: "markPartitions", input: markPartitionsInput, permission: "partitions:mark" }, async ({ input, tenant, actor, meta }) =>
  performMark({
    tenant,
    actor,
    meta,
    planUuid: input.planUuid,
    change: { kind: "update", granularity: input.granularity, success: input.success, failed: input.failed },
    partitionCount: input.total,
    confirmation: { by: "person", confirmName: input.confirmName, listing: input.listing },
  }),
);

export const clearPartitionsAction = defineAction({ name: "clearPartitions", input: clearPartitionsInput, permission: "partitions:mark" }, async ({ input, tenant, actor, meta }) =>
  performMark({
    tenant,
    actor,
    meta,
    planUuid: input.planUuid,
    change: { kind: "clear", granularity: input.granularity, ranges: input.ranges },
    partitionCount: input.total,
    confirmation: { by: "person", confirmName: input.confirmName, listing: input.listing },
  }),
);

export const markRefreshedAction = defineAction({ name: "markRefreshed", input: markRefreshedInput, permission: "partitions:mark" }, async ({ input, tenant, actor, meta }) =>
  performMark({
    tenant,
    actor,
    meta,
    planUuid: input.planUuid,
    change: { kind: "refresh" },
    partitionCount: 0,
    confirmation: { by: "person", confirmName: input.confirmName },
  }),
);
