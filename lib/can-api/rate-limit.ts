import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { apiRateWindow } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";

export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number; limit: number };

/**
 * One more request of a token in the current minute, counted in the database (so the limit holds
 * across instances): an upsert that returns the new count. A token's old windows are dropped when
 * it opens a new one.
 */
export async function countApiRequest(tokenId: string, now = new Date()): Promise<RateVerdict> {
  const limit = getEnv().CAN_API_RATE_PER_MINUTE;
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const db = await getDb();
  const [row] = await db
    .insert(apiRateWindow)
    .values({ tokenId, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [apiRateWindow.tokenId, apiRateWindow.windowStart], set: { count: sql`${apiRateWindow.count} + 1` } })
    .returning({ count: apiRateWindow.count });
  const count = row?.count ?? 1;
  if (count === 1) await db.delete(apiRateWindow).where(and(eq(apiRateWindow.tokenId, tokenId), lt(apiRateWindow.windowStart, windowStart)));
  if (count <= limit) return { ok: true };
  return { ok: false, limit, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000)) };
}
