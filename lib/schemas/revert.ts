import { z } from "zod";
import { MAX_RANGES } from "./marks";
import { tenantIdParam } from "./plans";

// The revert action's input. The server plans the revert again from the audit log; the browser
// only says which stretches the person chose, and what the dialog showed (refused if it differs).

/** An audit row id (a UUID). */
export const markIdParam = z.uuid();

const key = z.string().max(10);
const stretch = z.object({ start: key, end: key }).strict();

export const revertMarkInput = z
  .object({
    tenantId: tenantIdParam,
    markId: markIdParam,
    include: z.array(stretch).max(MAX_RANGES).default([]),
    pick: z
      .array(stretch.extend({ status: z.enum(["success", "failed", "cleared"]) }).strict())
      .max(MAX_RANGES)
      .default([]),
    /** JSON of the changes the dialog showed. */
    expected: z.string().max(2_000_000),
    confirmName: z.string().max(200).optional(),
  })
  .strict();

export type RevertMarkInput = z.input<typeof revertMarkInput>;
