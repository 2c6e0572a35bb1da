import "server-only";
import { eq } from "drizzle-orm";
import { isAPIError } from "better-auth/api";
import { recordAuthEvent } from "@/lib/audit";
import { getDb, type Db } from "@/lib/db";
import { session as sessionTable, user as userTable } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { ACCOUNT_DISABLED, getAuth } from "./auth";
import { cookiesFromHeaders, type CookieToSet } from "./cookies";
import { releaseAttempt, reserveAttempt, settleSuccess, type LimitConfig, type Reservation } from "./rate-limit";
import { recordRefusal } from "./refusals";
import type { RequestMeta } from "./roles";
import { metrics } from "@/lib/telemetry/metrics";

/** Why an attempt failed, as the audit log records it. */
export type FailureReason =
  "credentials" | "rate-limited" | "disabled" | "password-off" | "totp-invalid" | "totp-replayed" | "totp-expired" | "backup-code-invalid";
/**
 * What the person signing in is told. "disabled" is told as "credentials": Better Auth refuses a
 * disabled account only once the password is right, so saying so would confirm a guessed password.
 * "password-off" (PASSWORD_SIGN_IN_ONLY leaves this account out) too: saying so would name the
 * break-glass accounts to anyone who tries a few names.
 */
export type RefusalReason = Exclude<FailureReason, "disabled" | "password-off">;

export type SignInOutcome =
  | { kind: "signed-in"; userId: string; username: string; cookies: CookieToSet[] }
  | { kind: "totp-required"; cookies: CookieToSet[] }
  | { kind: "refused"; reason: RefusalReason; retryAfterSeconds?: number };

export function limitConfig(): LimitConfig {
  const env = getEnv();
  return { windowSeconds: env.SIGNIN_WINDOW_SECONDS, maxPerAccount: env.SIGNIN_MAX_PER_ACCOUNT, maxPerIp: env.SIGNIN_MAX_PER_IP };
}

const normalize = (username: string) => username.trim().toLowerCase().slice(0, 64);

function errorCode(e: unknown): string | undefined {
  if (!isAPIError(e)) return undefined;
  const body = e.body as { code?: unknown } | undefined;
  return typeof body?.code === "string" ? body.code : undefined;
}

async function failed(
  username: string,
  userId: string | null,
  meta: RequestMeta,
  reason: FailureReason,
  extra: Record<string, unknown> = {},
  retryAfterSeconds?: number,
): Promise<SignInOutcome> {
  await recordAuthEvent({ action: "auth.sign_in_failed", userId, username, meta, details: { reason, ...extra } });
  metrics().signIns.inc({ outcome: reason });
  const told = reason === "disabled" || reason === "password-off" ? "credentials" : reason;
  return retryAfterSeconds === undefined ? { kind: "refused", reason: told } : { kind: "refused", reason: told, retryAfterSeconds };
}

/** The limiter's refusal: counted, and audited once per bucket and window (lib/auth/refusals.ts). */
async function limited(
  db: Db,
  refusal: Extract<Reservation, { ok: false }>,
  attempt: { username: string; userId: string | null; meta: RequestMeta; step?: "totp" },
): Promise<SignInOutcome> {
  await recordRefusal(db, refusal, attempt, limitConfig());
  metrics().signIns.inc({ outcome: "rate-limited" });
  return { kind: "refused", reason: "rate-limited", retryAfterSeconds: refusal.retryAfterSeconds };
}

/** Records the sign-in; if that write fails the new session is removed again (no unaudited sign-in). */
async function completed(userId: string, username: string, token: string, meta: RequestMeta, method: string, cookies: CookieToSet[]): Promise<SignInOutcome> {
  try {
    await recordAuthEvent({ action: "auth.sign_in", userId, username, meta, details: { method } });
  } catch (e) {
    const db = await getDb();
    await db.delete(sessionTable).where(eq(sessionTable.token, token));
    throw e;
  }
  metrics().signIns.inc({ outcome: "signed-in" });
  return { kind: "signed-in", userId, username, cookies };
}

/** Step 1: username and password. Counted against the account and the address before checking. */
export async function signInWithPassword(input: { username: string; password: string; headers: Headers; meta: RequestMeta }): Promise<SignInOutcome> {
  const username = normalize(input.username);
  const db = await getDb();
  const reservation = await reserveAttempt(db, username, input.meta, limitConfig());
  if (!reservation.ok) return limited(db, reservation, { username, userId: null, meta: input.meta });
  // With company sign-in, passwords may be kept for a few break-glass accounts only (ADR 0023).
  const only = getEnv().PASSWORD_SIGN_IN_ONLY;
  if (only && !only.includes(username)) return failed(username, null, input.meta, "password-off");
  const auth = await getAuth();
  let result;
  try {
    result = await auth.api.signInUsername({ body: { username, password: input.password }, headers: input.headers, returnHeaders: true });
  } catch (e) {
    if (!isAPIError(e)) throw e;
    return failed(username, null, input.meta, errorCode(e) === ACCOUNT_DISABLED ? "disabled" : "credentials");
  }
  const cookies = cookiesFromHeaders(result.headers);
  const response = result.response as { twoFactorRedirect?: boolean; token?: string; user?: { id: string; username?: string | null } } | null;
  if (response && "twoFactorRedirect" in response && response.twoFactorRedirect) {
    metrics().signIns.inc({ outcome: "totp-required" });
    return { kind: "totp-required", cookies };
  }
  if (!response?.user || !response.token) return failed(username, null, input.meta, "credentials");
  await settleSuccess(db, reservation);
  return completed(response.user.id, response.user.username ?? username, response.token, input.meta, "password", cookies);
}

/** A backup code as Better Auth issues them: ten letters and digits, shown as two groups of five. */
export const BACKUP_CODE = /^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/;

/**
 * Step 2: the TOTP code, or one of the backup codes shown at enrolment (each works once), bound to
 * the challenge cookie Better Auth set in step 1.
 */
export async function signInWithTotp(input: { code: string; headers: Headers; meta: RequestMeta }): Promise<SignInOutcome> {
  const auth = await getAuth();
  const db = await getDb();
  const pending = await auth.api.pendingTwoFactorUser({ headers: input.headers });
  const userId = pending.userId;
  const [u] = userId ? await db.select({ username: userTable.username }).from(userTable).where(eq(userTable.id, userId)) : [];
  if (!userId || !u?.username) return failed("(unknown)", null, input.meta, "totp-expired", { step: "totp" });
  const reservation = await reserveAttempt(db, u.username, input.meta, limitConfig());
  if (!reservation.ok) return limited(db, reservation, { username: u.username, userId, meta: input.meta, step: "totp" });
  const code = input.code.trim();
  const backup = BACKUP_CODE.test(code);
  let result;
  try {
    const request = { body: { code }, headers: input.headers, returnHeaders: true as const };
    result = backup ? await auth.api.verifyBackupCode(request) : await auth.api.verifyTOTP(request);
  } catch (e) {
    if (!isAPIError(e)) throw e;
    const reason = secondFactorRefusal(errorCode(e), backup);
    // A code sent twice (the enrolment code again, most often) proves nothing about who is trying.
    if (reason === "totp-replayed") await releaseAttempt(db, reservation);
    return failed(
      u.username,
      userId,
      input.meta,
      reason,
      { step: backup ? "backup-code" : "totp" },
      reason === "rate-limited" ? limitConfig().windowSeconds : undefined,
    );
  }
  const response = result.response as { token?: string; user: { id: string } };
  if (!response.token) return failed(u.username, userId, input.meta, "totp-expired", { step: "totp" });
  await settleSuccess(db, reservation);
  if (backup)
    await recordAuthEvent({
      action: "auth.backup_code_used",
      userId,
      username: u.username,
      meta: input.meta,
      details: { left: await backupCodesLeft(userId) },
    });
  return completed(userId, u.username, response.token, input.meta, backup ? "password+backup-code" : "password+totp", cookiesFromHeaders(result.headers));
}

function secondFactorRefusal(code: string | undefined, backup: boolean): FailureReason {
  if (code === "TOTP_CODE_REPLAYED") return "totp-replayed";
  if (code === "INVALID_TWO_FACTOR_COOKIE" || code === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE") return "totp-expired";
  if (code === "ACCOUNT_TEMPORARILY_LOCKED") return "rate-limited";
  return backup ? "backup-code-invalid" : "totp-invalid";
}

/** How many unused backup codes a user with two-factor sign-in has (null without it). */
export async function backupCodesLeft(userId: string): Promise<number | null> {
  const auth = await getAuth();
  try {
    const out = await auth.api.viewBackupCodes({ body: { userId } });
    return out.backupCodes.length;
  } catch (e) {
    if (isAPIError(e)) return null;
    throw e;
  }
}

/** Ends the request's session (if any) and returns the cookies that clear it. */
export async function signOut(input: { headers: Headers; meta: RequestMeta }): Promise<CookieToSet[]> {
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers: input.headers, query: { disableRefresh: true } });
  const result = await auth.api.signOut({ headers: input.headers, returnHeaders: true });
  if (found) {
    await recordAuthEvent({ action: "auth.sign_out", userId: found.user.id, username: found.user.username ?? found.user.name, meta: input.meta });
  }
  return cookiesFromHeaders(result.headers);
}
