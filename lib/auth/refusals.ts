import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { recordAuthEvent } from "@/lib/audit";
import type { Db } from "@/lib/db";
import { signinRefusal } from "@/lib/db/schema";
import type { LimitConfig, Reservation } from "./rate-limit";
import type { RequestMeta } from "./roles";

type Refusal = Extract<Reservation, { ok: false }>;
type Attempt = { username: string; userId: string | null; meta: RequestMeta; step?: "totp" };

/** Counts of past windows are kept this long for an operator to read; the audit rows stay forever. */
const KEEP_DAYS = 30;

/**
 * A sign-in the limiter refused. Every refusal is counted in `signin_refusal` (per limiting bucket
 * and fixed window); only the first of a bucket's window is written to the audit chain, carrying
 * the previous window's final count. So a flood adds one audit row per bucket and window instead of
 * one per attempt, and stops queueing on the global chain's row lock. Throws if the write fails.
 */
export async function recordRefusal(db: Db, refusal: Refusal, attempt: Attempt, cfg: LimitConfig): Promise<void> {
  const windowStart = sql`to_timestamp(floor(extract(epoch from now()) / ${cfg.windowSeconds}) * ${cfg.windowSeconds})`;
  const [counted] = await db
    .insert(signinRefusal)
    .values({ bucket: refusal.bucket, windowStart, refused: 1 })
    .onConflictDoUpdate({ target: [signinRefusal.bucket, signinRefusal.windowStart], set: { refused: sql`${signinRefusal.refused} + 1`, lastAt: sql`now()` } })
    .returning({ refused: signinRefusal.refused, windowStart: signinRefusal.windowStart });
  if (!counted || counted.refused !== 1) return;

  const [previous] = await db
    .select({ refused: signinRefusal.refused })
    .from(signinRefusal)
    .where(
      and(
        eq(signinRefusal.bucket, refusal.bucket),
        eq(signinRefusal.windowStart, sql`${counted.windowStart.toISOString()}::timestamptz - make_interval(secs => ${cfg.windowSeconds})`),
      ),
    );
  await db.delete(signinRefusal).where(lt(signinRefusal.windowStart, sql`now() - make_interval(days => ${KEEP_DAYS})`));
  try {
    await writeAuditRow(refusal, attempt, cfg, counted.windowStart, previous?.refused);
  } catch (e) {
    // Uncounted again, so the next refusal of this window retries the audit row.
    await db.delete(signinRefusal).where(and(eq(signinRefusal.bucket, refusal.bucket), eq(signinRefusal.windowStart, counted.windowStart)));
    throw e;
  }
}

async function writeAuditRow(refusal: Refusal, attempt: Attempt, cfg: LimitConfig, windowStart: Date, previousRefused: number | undefined): Promise<void> {
  await recordAuthEvent({
    action: "auth.sign_in_failed",
    // An address bucket is refused for any username: the one typed first says nothing about the rest.
    userId: refusal.limitedBy === "account" ? attempt.userId : null,
    username: refusal.limitedBy === "account" ? attempt.username : "(any)",
    meta: attempt.meta,
    details: {
      reason: "rate-limited",
      limitedBy: refusal.limitedBy,
      bucket: refusal.bucket,
      ...(attempt.step ? { step: attempt.step } : {}),
      aggregate: {
        windowStart: windowStart.toISOString(),
        windowSeconds: cfg.windowSeconds,
        note: "further refusals in this window are counted in signin_refusal, not logged one by one",
      },
      ...(previousRefused === undefined ? {} : { previousWindowRefused: previousRefused }),
    },
  });
}
