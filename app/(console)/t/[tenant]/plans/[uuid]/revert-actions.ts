"use server";

import { defineAction } from "@/lib/actions/define-action";
import { revertMarkInput } from "@/lib/schemas/revert";
import { performRevert } from "@/lib/services/revert";

// Thin: performRevert plans the revert from the audit log and sends it through the one mark path.
// The same permission as a mark: who may mark may revert.
export const revertMarkAction = defineAction(
  { name: "revertMark", input: revertMarkInput, permission: "partitions:mark" },
  async ({ input, tenant, actor, meta }) =>
    performRevert({
      tenant,
      actor,
      meta,
      markId: input.markId,
      choices: { include: input.include, pick: input.pick },
      expected: input.expected,
      confirmName: input.confirmName,
    }),
);
