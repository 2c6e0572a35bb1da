"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isAPIError } from "better-auth/api";
import { z } from "zod";
import { defineAccountAction } from "@/lib/actions/define-account-action";
import { refusal } from "@/lib/actions/refusal";
import type { Result } from "@/lib/api/result";
import { recordAuthEvent } from "@/lib/audit";
import { getAuth } from "@/lib/auth/auth";
import { applyCookies } from "@/lib/auth/apply-cookies";
import { cookiesFromHeaders } from "@/lib/auth/cookies";
import { getDb } from "@/lib/db";
import type { RequestMeta } from "@/lib/auth/dal";
import { reserveAttempt, settleSuccess } from "@/lib/auth/rate-limit";
import { limitConfig } from "@/lib/auth/sign-in";
import { enrolmentFrom, type TotpEnrolment } from "@/lib/auth/totp-enrolment";
import { revokeSessions } from "@/lib/auth/users";
import { isDemoMode } from "@/lib/tenants";

export type StartTotpData = TotpEnrolment & { backupCodes: string[] };
/** What the settings forms hold: nothing sent yet, or the last action's Result. */
export type SettingsState<T> = Result<T> | null;

const passwordInput = z.object({ password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(256) });
const codeInput = z.object({
  code: z
    .string({ error: "Enter the 6-digit code your authenticator app shows." })
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code your authenticator app shows."),
});

const WRONG_PASSWORD = refusal("VALIDATION", "Wrong password.", { password: ["Wrong password."] });

async function requestHeaders(): Promise<Headers> {
  return new Headers(await headers());
}

/** Password checks here count against the same per-account and per-address limit as sign-in. */
async function checkedPassword<T>(username: string, meta: RequestMeta, run: () => Promise<T>): Promise<Result<T>> {
  const db = await getDb();
  const reservation = await reserveAttempt(db, username, meta, limitConfig());
  if (!reservation.ok) return refusal("RATE_LIMITED", `Too many attempts, try again in ${Math.ceil(reservation.retryAfterSeconds / 60)} minutes.`);
  try {
    const data = await run();
    await settleSuccess(db, reservation);
    return { ok: true, data };
  } catch (e) {
    if (isAPIError(e)) return WRONG_PASSWORD;
    throw e;
  }
}

const startTotp = defineAccountAction(
  { name: "settings.startTotp", input: passwordInput },
  async ({ input, session, meta }): Promise<Result<StartTotpData>> => {
    const auth = await getAuth();
    const h = await requestHeaders();
    const out = await checkedPassword(session.user.username, meta, () => auth.api.enableTwoFactor({ body: { password: input.password }, headers: h }));
    if (!out.ok) return out;
    if (out.data.method !== "totp") return refusal("CONFLICT", "This console only offers authenticator-app codes.");
    return { ok: true, data: { ...enrolmentFrom(out.data.totpURI, session.user.username), backupCodes: out.data.backupCodes } };
  },
);

const confirmTotp = defineAccountAction({ name: "settings.confirmTotp", input: codeInput }, async ({ input, session, meta }): Promise<Result<never>> => {
  const auth = await getAuth();
  try {
    const out = await auth.api.verifyTOTP({ body: { code: input.code }, headers: await requestHeaders(), returnHeaders: true });
    await applyCookies(cookiesFromHeaders(out.headers));
  } catch (e) {
    if (isAPIError(e)) return refusal("VALIDATION", "That code is not right (or was already used). Try the next one.", { code: ["Not accepted."] });
    throw e;
  }
  await recordAuthEvent({ action: "auth.totp_enabled", userId: session.user.id, username: session.user.username, meta });
  redirect("/settings?totp=enabled");
});

const disableTotp = defineAccountAction({ name: "settings.disableTotp", input: passwordInput }, async ({ input, session, meta }): Promise<Result<never>> => {
  if (!isDemoMode() && Object.values(session.user.roles).includes("admin")) return refusal("FORBIDDEN", "Administrators must keep two-factor sign-in on.");
  const auth = await getAuth();
  const h = await requestHeaders();
  const out = await checkedPassword(session.user.username, meta, () =>
    auth.api.disableTwoFactor({ body: { password: input.password }, headers: h, returnHeaders: true }),
  );
  if (!out.ok) return out;
  await applyCookies(cookiesFromHeaders(out.data.headers));
  await recordAuthEvent({ action: "auth.totp_disabled", userId: session.user.id, username: session.user.username, meta });
  redirect("/settings?totp=disabled");
});

const signOutEverywhere = defineAccountAction({ name: "settings.signOutEverywhere", input: z.unknown() }, async ({ session, meta }): Promise<Result<never>> => {
  await revokeSessions(session.user.username, { by: { userId: session.user.id, username: session.user.username, role: null }, meta });
  redirect("/login");
});

const fields = (form: FormData) => Object.fromEntries(form);

export async function startTotpAction(_prev: SettingsState<StartTotpData>, form: FormData): Promise<SettingsState<StartTotpData>> {
  return startTotp(fields(form));
}

export async function confirmTotpAction(_prev: SettingsState<never>, form: FormData): Promise<SettingsState<never>> {
  return confirmTotp(fields(form));
}

export async function disableTotpAction(_prev: SettingsState<never>, form: FormData): Promise<SettingsState<never>> {
  return disableTotp(fields(form));
}

/** Signs the current user out on every device and browser, this one included. */
export async function signOutEverywhereAction(_prev: SettingsState<never>): Promise<SettingsState<never>> {
  return signOutEverywhere(null);
}
