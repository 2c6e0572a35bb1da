import "server-only";
import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { apiIdempotency } from "@/lib/db/schema";

/** How long a key's answer is kept and replayed. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export type Claim = { state: "new" } | { state: "replay"; httpStatus: number; answer: string } | { state: "other-body" } | { state: "in-progress" };

export const bodyHashOf = (body: string) => createHash("sha256").update(body).digest("hex");

/**
 * Claims an Idempotency-Key for a token (the insert is the lock: one instance wins), or reports what
 * the key already holds. A key older than the window is forgotten first.
 */
export async function claimIdempotencyKey(tokenId: string, key: string, bodyHash: string, now = new Date()): Promise<Claim> {
  const db = await getDb();
  await db
    .delete(apiIdempotency)
    .where(
      and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key), lt(apiIdempotency.createdAt, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS))),
    );
  const inserted = await db
    .insert(apiIdempotency)
    .values({ tokenId, key, bodyHash, state: "pending", createdAt: now })
    .onConflictDoNothing()
    .returning({ key: apiIdempotency.key });
  if (inserted.length > 0) return { state: "new" };
  const [row] = await db
    .select()
    .from(apiIdempotency)
    .where(and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key)));
  if (!row) return claimIdempotencyKey(tokenId, key, bodyHash, now); // forgotten in between: claim again
  if (row.bodyHash !== bodyHash) return { state: "other-body" };
  if (row.state !== "done" || row.httpStatus === null || row.answer === null) return { state: "in-progress" };
  return { state: "replay", httpStatus: row.httpStatus, answer: row.answer };
}

export async function recordIdempotentAnswer(tokenId: string, key: string, httpStatus: number, answer: string): Promise<void> {
  const db = await getDb();
  await db
    .update(apiIdempotency)
    .set({ state: "done", httpStatus, answer })
    .where(and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key)));
}
