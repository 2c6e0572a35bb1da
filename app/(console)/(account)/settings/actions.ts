"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { recordAuthEvent } from "@/lib/audit";
import { getAuth } from "@/lib/auth/auth";
import { applyCookies } from "@/lib/auth/apply-cookies";
import { cookiesFromHeaders } from "@/lib/auth/cookies";
import { getCurrentSession, getRequestMeta } from "@/lib/auth/dal";
import { reserveAttempt, settleSuccess } from "@/lib/auth/rate-limit";
import { limitConfig } from "@/lib/auth/sign-in";
import { revokeSessions } from "@/lib/auth/users";
import { getDb } from "@/lib/db";
import { isDemoMode } from "@/lib/tenants";

export type TotpState =
  { stage: "idle"; error?: string; done?: string } | { stage: "confirm"; totpURI: string; secret: string; backupCodes: string[]; error?: string };

const password = z.string().min(1).max(256);
const code = z
  .string()
  .trim()
  .regex(/^\d{6}$/);

async function requestHeaders(): Promise<Headers> {
  return new Headers(await headers());
}

/** Password checks here count against the same per-account and per-address limit as sign-in. */
async function checkedPassword<T>(username: string, run: () => Promise<T>): Promise<T | { limited: number }> {
  const db = await getDb();
  const meta = await getRequestMeta();
  const reservation = await reserveAttempt(db, username, meta, limitConfig());
  if (!reservation.ok) return { limited: reservation.retryAfterSeconds };
  const result = await run();
  await settleSuccess(db, reservation);
  return result;
}

export async function startTotpAction(_prev: TotpState, form: FormData): Promise<TotpState> {
  const s = await getCurrentSession();
  if (!s) redirect("/login");
  const pw = password.safeParse(form.get("password"));
  if (!pw.success) return { stage: "idle", error: "Enter your password." };
  try {
    const auth = await getAuth();
    const h = await requestHeaders();
    const out = await checkedPassword(s.user.username, () => auth.api.enableTwoFactor({ body: { password: pw.data }, headers: h }));
    if ("limited" in out) return { stage: "idle", error: `Too many attempts, try again in ${Math.ceil(out.limited / 60)} minutes.` };
    if (out.method !== "totp") return { stage: "idle", error: "This console only offers authenticator-app codes." };
    const uri = out.totpURI;
    const secret = new URL(uri).searchParams.get("secret") ?? "";
    // The account label Better Auth writes is the placeholder e-mail; authenticator apps show the username instead.
    const totpURI = `otpauth://totp/${encodeURIComponent(`CAN Partition Console:${s.user.username}`)}?secret=${secret}&issuer=${encodeURIComponent("CAN Partition Console")}`;
    return { stage: "confirm", totpURI, secret, backupCodes: out.backupCodes };
  } catch (e) {
    if (isAPIError(e)) return { stage: "idle", error: "Wrong password." };
    throw e;
  }
}

export type ConfirmState = { error?: string };

export async function confirmTotpAction(_prev: ConfirmState, form: FormData): Promise<ConfirmState> {
  const s = await getCurrentSession();
  if (!s) redirect("/login");
  const c = code.safeParse(form.get("code"));
  if (!c.success) return { error: "Enter the 6-digit code your authenticator app shows." };
  const auth = await getAuth();
  try {
    const out = await auth.api.verifyTOTP({ body: { code: c.data }, headers: await requestHeaders(), returnHeaders: true });
    await applyCookies(cookiesFromHeaders(out.headers));
  } catch (e) {
    if (isAPIError(e)) return { error: "That code is not right (or was already used). Try the next one." };
    throw e;
  }
  await recordAuthEvent({ action: "auth.totp_enabled", userId: s.user.id, username: s.user.username, meta: await getRequestMeta() });
  redirect("/settings?totp=enabled");
}

export async function disableTotpAction(_prev: TotpState, form: FormData): Promise<TotpState> {
  const s = await getCurrentSession();
  if (!s) redirect("/login");
  if (!isDemoMode() && Object.values(s.user.roles).includes("admin")) {
    return { stage: "idle", error: "Administrators must keep two-factor sign-in on." };
  }
  const pw = password.safeParse(form.get("password"));
  if (!pw.success) return { stage: "idle", error: "Enter your password." };
  const auth = await getAuth();
  try {
    const h = await requestHeaders();
    const out = await checkedPassword(s.user.username, () => auth.api.disableTwoFactor({ body: { password: pw.data }, headers: h, returnHeaders: true }));
    if ("limited" in out) return { stage: "idle", error: `Too many attempts, try again in ${Math.ceil(out.limited / 60)} minutes.` };
    await applyCookies(cookiesFromHeaders(out.headers));
  } catch (e) {
    if (isAPIError(e)) return { stage: "idle", error: "Wrong password." };
    throw e;
  }
  await recordAuthEvent({ action: "auth.totp_disabled", userId: s.user.id, username: s.user.username, meta: await getRequestMeta() });
  redirect("/settings?totp=disabled");
}

/** Signs the current user out on every device and browser, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const s = await getCurrentSession();
  if (!s) redirect("/login");
  await revokeSessions(s.user.username, { by: { userId: s.user.id, username: s.user.username, role: null }, meta: await getRequestMeta() });
  redirect("/login");
}
