import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { signinAttempt } from "@/lib/db/schema";
import type { RequestMeta } from "./roles";

export type LimitConfig = { windowSeconds: number; maxPerAccount: number; maxPerIp: number };

export type Reservation =
  | { ok: true; accountBucket: string | null; ipBucket: string; attemptIds: number[] }
  | { ok: false; limitedBy: "account" | "ip"; bucket: string; retryAfterSeconds: number };

export const accountBucket = (username: string) => `account:${username.trim().toLowerCase()}`;
/**
 * The trusted address; without a trusted proxy the claimed one, kept apart by its prefix; only a
 * request with neither shares the "unidentified" bucket (see ADR 0004 and the sign-in flood ADR).
 */
export const ipBucket = (meta: Pick<RequestMeta, "ip" | "claimedIp">) => `ip:${meta.ip ?? (meta.claimedIp ? `unverified:${meta.claimedIp}` : "unidentified")}`;

/**
 * Counts an attempt against the account and the client address BEFORE the password is checked,
 * refusing when either bucket is full. Both buckets are locked (advisory locks, in a fixed order)
 * inside the transaction, so concurrent attempts on several instances cannot overshoot the limit.
 * A company sign-in's callback names no account before it is checked: `null` counts the address only.
 */
export async function reserveAttempt(db: Db, username: string | null, meta: Pick<RequestMeta, "ip" | "claimedIp">, cfg: LimitConfig): Promise<Reservation> {
  const buckets = [
    ...(username === null ? [] : [{ kind: "account" as const, name: accountBucket(username), max: cfg.maxPerAccount }]),
    { kind: "ip" as const, name: ipBucket(meta), max: cfg.maxPerIp },
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
  const window = sql`make_interval(secs => ${cfg.windowSeconds})`;
  return db.transaction(async (tx) => {
    for (const b of buckets) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${b.name}))`);
    await tx.delete(signinAttempt).where(
      and(
        inArray(
          signinAttempt.bucket,
          buckets.map((b) => b.name),
        ),
        lt(signinAttempt.at, sql`now() - ${window}`),
      ),
    );
    for (const b of buckets) {
      const [row] = await tx
        .select({
          count: sql<number>`count(*)::int`,
          retry: sql<number | null>`ceil(extract(epoch from (min(${signinAttempt.at}) + ${window} - now())))::int`,
        })
        .from(signinAttempt)
        .where(eq(signinAttempt.bucket, b.name));
      if ((row?.count ?? 0) >= b.max) return { ok: false, limitedBy: b.kind, bucket: b.name, retryAfterSeconds: Math.max(1, row?.retry ?? cfg.windowSeconds) };
    }
    const inserted = await tx
      .insert(signinAttempt)
      .values(buckets.map((b) => ({ bucket: b.name })))
      .returning({ id: signinAttempt.id, bucket: signinAttempt.bucket });
    const account = buckets.find((b) => b.kind === "account")?.name ?? null;
    const ipName = buckets.find((b) => b.kind === "ip")?.name ?? "";
    return { ok: true, accountBucket: account, ipBucket: ipName, attemptIds: inserted.map((r) => r.id) };
  });
}

/**
 * A completed sign-in clears the account's count (the person knows the password and the second
 * factor) and takes back this attempt's charge on the address. Failures stay counted until they
 * leave the window. A password accepted while the second factor is pending settles nothing yet.
 */
export async function settleSuccess(db: Db, reservation: Extract<Reservation, { ok: true }>): Promise<void> {
  if (reservation.accountBucket !== null) await db.delete(signinAttempt).where(eq(signinAttempt.bucket, reservation.accountBucket));
  await db.delete(signinAttempt).where(and(eq(signinAttempt.bucket, reservation.ipBucket), inArray(signinAttempt.id, reservation.attemptIds)));
}

/**
 * Takes back this attempt's charge on both buckets without clearing earlier failures: for a refusal
 * that says nothing about who is trying (a TOTP code sent twice, typically the enrolment code again).
 */
export async function releaseAttempt(db: Db, reservation: Extract<Reservation, { ok: true }>): Promise<void> {
  await db.delete(signinAttempt).where(inArray(signinAttempt.id, reservation.attemptIds));
}
