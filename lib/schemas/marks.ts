import { z } from "zod";
import { PARTITION_STATUSES, countKeysInRanges, isValidKey, normalizeRanges, type Granularity, type KeyRange } from "@/lib/partitions";
import { MAX_LISTING_RUNS } from "@/lib/marks/limits";
import { planUuidParam, tenantIdParam } from "./plans";

// Client-safe input schemas of the mark/clear actions. The server validates everything again, no
// matter what the browser sent: real dates of the right granularity, ordered ranges, bounded size.

export const MAX_RANGES = 5_000;
export const MAX_PARTITIONS_PER_ACTION = 20_000;

const keyRangeSchema = z.object({ start: z.string().max(10), end: z.string().max(10) }).strict();
const rangeList = z.array(keyRangeSchema).max(MAX_RANGES, `at most ${MAX_RANGES} ranges in one action`);
const granularitySchema = z.enum(["DAY", "MONTH"]);

/** Adds an issue per bad range; returns whether all were good (so later steps may do calendar math). */
function checkRanges(ranges: readonly KeyRange[], g: Granularity, field: string, ctx: z.RefinementCtx): boolean {
  let good = true;
  ranges.forEach((r, i) => {
    good &&= isValidKey(r.start, g) && isValidKey(r.end, g) && r.end >= r.start;
    if (!isValidKey(r.start, g))
      ctx.addIssue({ code: "custom", path: [field, i, "start"], message: `${r.start} is not a real ${g === "DAY" ? "date (YYYY-MM-DD)" : "month (YYYY-MM)"}` });
    else if (!isValidKey(r.end, g))
      ctx.addIssue({ code: "custom", path: [field, i, "end"], message: `${r.end} is not a real ${g === "DAY" ? "date (YYYY-MM-DD)" : "month (YYYY-MM)"}` });
    else if (r.end < r.start) ctx.addIssue({ code: "custom", path: [field, i], message: `range ${r.start}..${r.end} ends before it starts` });
  });
  return good;
}

/**
 * The page's listing, sent back as the server sealed it (lib/services/listing-seal.ts): the mark may
 * count its statuses from it. Shape only here; the seal, the plan and the age are checked on the server.
 */
const listingSchema = z
  .object({
    readAt: z.iso.datetime(),
    throughSeq: z.number().int().nonnegative(),
    runs: z.array(z.tuple([z.string().max(10), z.string().max(10), z.enum(PARTITION_STATUSES)])).max(MAX_LISTING_RUNS),
    seal: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "not a listing seal"),
  })
  .strict();

/** The listing as the page sends it back with a mark. */
export type SealedListingInput = z.infer<typeof listingSchema>;

const base = {
  tenantId: tenantIdParam,
  planUuid: planUuidParam,
  /** The plan name typed by the user when the dialog asked for it. */
  confirmName: z.string().max(200).optional(),
};

export const markPartitionsInput = z
  .object({ ...base, granularity: granularitySchema, success: rangeList.default([]), failed: rangeList.default([]), listing: listingSchema.optional() })
  .strict()
  .transform((v, ctx) => {
    const successGood = checkRanges(v.success, v.granularity, "success", ctx);
    const failedGood = checkRanges(v.failed, v.granularity, "failed", ctx);
    if (!successGood || !failedGood) return z.NEVER;
    const success = normalizeRanges(v.success, v.granularity);
    const failed = normalizeRanges(v.failed, v.granularity);
    const total = countKeysInRanges(success, v.granularity) + countKeysInRanges(failed, v.granularity);
    if (total === 0) ctx.addIssue({ code: "custom", message: "Select at least one partition." });
    if (total > MAX_PARTITIONS_PER_ACTION)
      ctx.addIssue({ code: "custom", message: `At most ${MAX_PARTITIONS_PER_ACTION} partitions in one action (got ${total}).` });
    if (overlaps(success, failed, v.granularity)) ctx.addIssue({ code: "custom", message: "A partition cannot be marked success and failed at once." });
    return { ...v, success, failed, total };
  });

export const clearPartitionsInput = z
  .object({ ...base, granularity: granularitySchema, ranges: rangeList, listing: listingSchema.optional() })
  .strict()
  .transform((v, ctx) => {
    if (!checkRanges(v.ranges, v.granularity, "ranges", ctx)) return z.NEVER;
    const ranges = normalizeRanges(v.ranges, v.granularity);
    const total = countKeysInRanges(ranges, v.granularity);
    if (total === 0) ctx.addIssue({ code: "custom", message: "Select at least one partition." });
    if (total > MAX_PARTITIONS_PER_ACTION)
      ctx.addIssue({ code: "custom", message: `At most ${MAX_PARTITIONS_PER_ACTION} partitions in one action (got ${total}).` });
    return { ...v, ranges, total };
  });

export const markRefreshedInput = z.object(base).strict();

export type MarkPartitionsInput = z.input<typeof markPartitionsInput>;
export type ClearPartitionsInput = z.input<typeof clearPartitionsInput>;
export type MarkRefreshedInput = z.input<typeof markRefreshedInput>;

/** Two normalized sets overlap exactly when their union holds fewer partitions than both together. */
function overlaps(a: readonly KeyRange[], b: readonly KeyRange[], g: Granularity): boolean {
  return countKeysInRanges([...a, ...b], g) < countKeysInRanges(a, g) + countKeysInRanges(b, g);
}
