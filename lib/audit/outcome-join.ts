import "server-only";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { auditLog } from "@/lib/db/schema";

/** An intent's outcome row, joined as `o` beside the intent in the same table. */
export const outcomeRow = alias(auditLog, "o");

/** The join condition: the outcome of this intent, in the same tenant. */
export const outcomeOfIntent = and(eq(outcomeRow.tenantId, auditLog.tenantId), eq(outcomeRow.intentId, auditLog.id), eq(outcomeRow.phase, "outcome"));
