import { z } from "zod";
import { countKeysInRanges, isValidKey, normalizeRanges } from "@/lib/partitions";
import { MAX_BULK_PLANS } from "@/lib/marks/bulk";
import { MAX_PARTITIONS_PER_ACTION, MAX_RANGES } from "./marks";
import { planUuidParam, tenantIdParam } from "./plans";

// The bulk mark's input (docs/decisions/0030-bulk-mark.md): one kind, one granularity and one set of
// ranges for every plan named. Each plan is still checked on its own by performMark (EXTERNAL, its
// granularity, the future rule, the typed confirmation).

const keyRangeSchema = z.object({ start: z.string().max(10), end: z.string().max(10) }).strict();

export const bulkMarkInput = z
  .object({
    tenantId: tenantIdParam,
    kind: z.enum(["success", "failed", "clear"]),
    granularity: z.enum(["DAY", "MONTH"]),
    ranges: z.array(keyRangeSchema).min(1).max(MAX_RANGES),
    planUuids: z
      .array(planUuidParam)
      .min(1, "Select at least one plan.")
      .max(MAX_BULK_PLANS, `At most ${MAX_BULK_PLANS} plans in one bulk mark.`)
      .refine((uuids) => new Set(uuids).size === uuids.length, "A plan is named twice."),
    /** What the person typed when the dialog asked (lib/marks/bulk.ts expectedConfirmation). */
    confirmName: z.string().max(200).optional(),
  })
  .strict()
  .transform((v, ctx) => {
    const g = v.granularity;
    let good = true;
    v.ranges.forEach((r, i) => {
      const why =
        !isValidKey(r.start, g) || !isValidKey(r.end, g)
          ? `${r.start}..${r.end} is not a range of ${g} keys`
          : r.end < r.start
            ? `range ${r.start}..${r.end} ends before it starts`
            : null;
      if (why) ctx.addIssue({ code: "custom", path: ["ranges", i], message: why });
      good &&= why === null;
    });
    if (!good) return z.NEVER;
    const ranges = normalizeRanges(v.ranges, g);
    const total = countKeysInRanges(ranges, g);
    if (total > MAX_PARTITIONS_PER_ACTION)
      ctx.addIssue({ code: "custom", message: `At most ${MAX_PARTITIONS_PER_ACTION} partitions per plan (got ${total}).` });
    return { ...v, ranges, total };
  });

export type BulkMarkInput = z.input<typeof bulkMarkInput>;
