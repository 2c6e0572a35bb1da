"use server";

import { defineAction } from "@/lib/actions/define-action";
import { buildClearPartitionBody, buildUpdatePartitionBody, type ClearPartitionBody, type UpdatePartitionBody } from "@/lib/can/bodies";
import { clearPartitions, updatePartitions } from "@/lib/can/mutations";
import { clearPartitionsInput, markPartitionsInput, markRefreshedInput } from "@/lib/schemas/marks";
import { performMark } from "@/lib/services/marking";

export const markPartitionsAction = defineAction(
  { name: "markPartitions", input: markPartitionsInput, permission: "partitions:mark" },
  async (ctx) => {
    const { success, failed, granularity, total } = ctx.input;
    const action = failed.length === 0 ? "partition.mark_success" : success.length === 0 ? "partition.mark_failed" : "partition.mark";
    return performMark(ctx, {
      action,
      ranges: [...success.map((range) => ({ range, status: "success" as const })), ...failed.map((range) => ({ range, status: "failed" as const }))],
      partitionCount: total,
      granularity,
      endpoint: "updatePartition",
      body: (plan) => buildUpdatePartitionBody(plan.uuid, granularity, success, failed),
      send: (body) => updatePartitions(ctx.tenant, body as UpdatePartitionBody),
      destructiveForSuccess: failed.length > 0,
    });
  },
);

export const clearPartitionsAction = defineAction(
  { name: "clearPartitions", input: clearPartitionsInput, permission: "partitions:mark" },
  async (ctx) => {
    const { ranges, granularity, total } = ctx.input;
    return performMark(ctx, {
      action: "partition.clear",
      ranges: ranges.map((range) => ({ range })),
      partitionCount: total,
      granularity,
      endpoint: "clearPartition",
      body: (plan) => buildClearPartitionBody(plan.uuid, granularity, ranges),
      send: (body) => clearPartitions(ctx.tenant, body as ClearPartitionBody),
      destructiveForSuccess: true,
    });
  },
);

export const markRefreshedAction = defineAction(
  { name: "markRefreshed", input: markRefreshedInput, permission: "partitions:mark" },
  async (ctx) =>
    performMark(ctx, {
      action: "plan.mark_refreshed",
      ranges: [],
      partitionCount: 0,
      granularity: null,
      endpoint: "updatePartition",
      body: (plan) => buildUpdatePartitionBody(plan.uuid, null, [], []),
      send: (body) => updatePartitions(ctx.tenant, body as UpdatePartitionBody),
      destructiveForSuccess: false,
    }),
);
