"use server";

import type { ActionContext } from "@/lib/actions/define-action";
import { defineAction } from "@/lib/actions/define-action";
import type { MarkChange } from "@/lib/marks/kinds";
import { clearPartitionsInput, markPartitionsInput, markRefreshedInput } from "@/lib/schemas/marks";
import type { SealedListingInput } from "@/lib/schemas/marks";
import { performMark } from "@/lib/services/marking";

// Thin: the kinds table (lib/marks/kinds.ts) and performMark own what a mark sends and records.

type PersonInput = { planUuid: string; confirmName?: string | undefined; listing?: SealedListingInput | undefined };

/** A person's mark from the page: confirmed in the dialog, counted from the page's listing when it is sealed. */
function markAsPerson({ input, tenant, actor, meta }: ActionContext<PersonInput>, change: MarkChange, partitionCount: number) {
  return performMark({
    tenant,
    actor,
    meta,
    planUuid: input.planUuid,
    change,
    partitionCount,
    confirmation: { by: "person", confirmName: input.confirmName, listing: input.listing },
  });
}

export const markPartitionsAction = defineAction({ name: "markPartitions", input: markPartitionsInput, permission: "partitions:mark" }, async (ctx) =>
  markAsPerson(ctx, { kind: "update", granularity: ctx.input.granularity, success: ctx.input.success, failed: ctx.input.failed }, ctx.input.total),
);

export const clearPartitionsAction = defineAction({ name: "clearPartitions", input: clearPartitionsInput, permission: "partitions:mark" }, async (ctx) =>
  markAsPerson(ctx, { kind: "clear", granularity: ctx.input.granularity, ranges: ctx.input.ranges }, ctx.input.total),
);

export const markRefreshedAction = defineAction({ name: "markRefreshed", input: markRefreshedInput, permission: "partitions:mark" }, async (ctx) =>
  markAsPerson(ctx, { kind: "refresh" }, 0),
);
