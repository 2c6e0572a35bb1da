"use server";

import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { refusal } from "@/lib/actions/refusal";
import type { ErrorCode, Result } from "@/lib/api/result";
import { toAppError } from "@/lib/api/to-app-error";
import { applyCookies } from "@/lib/auth/apply-cookies";
import { getRequestMeta, safeReturnPath } from "@/lib/auth/dal";
import { startOidcSignIn } from "@/lib/auth/oidc/start";
import { BACKUP_CODE, signInWithPassword, signInWithTotp, type RefusalReason, type SignInOutcome } from "@/lib/auth/sign-in";
import type { SignInState, SignInStep } from "./sign-in-state";

const passwordInput = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256), next: z.string().max(2048).optional() });
const totpInput = z.object({
  code: z
    .string()
    .trim()
    .refine((c) => /^\d{6}$/.test(c) || BACKUP_CODE.test(c)),
  next: z.string().max(2048).optional(),
});

/** A refused second step keeps the form on the code (the field error names it: ./sign-in-state.ts). */
const codeRefused = (message: string) => refusal("VALIDATION", message, { code: [message] });

/** Each refusal as a Result error, in the reader's language; only a wrong or reused code leaves the user on the code step. */
async function refused(reason: RefusalReason, retryAfterSeconds?: number): Promise<Result<never>> {
  const t = await getTranslations("login.errors");
  const as = (code: ErrorCode, message: string) => refusal(code, message);
  switch (reason) {
    case "credentials":
      return as("UNAUTHENTICATED", t("credentials"));
    case "rate-limited":
      return as("RATE_LIMITED", t("rateLimited", { minutes: Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)) }));
    case "totp-invalid":
      return codeRefused(t("totpInvalid"));
    case "totp-replayed":
      return codeRefused(t("totpReplayed"));
    case "backup-code-invalid":
      return codeRefused(t("backupCodeInvalid"));
    case "totp-expired":
      return as("UNAUTHENTICATED", t("totpExpired"));
  }
}

async function finish(outcome: SignInOutcome, next: string | undefined, username: string | undefined): Promise<Result<SignInStep>> {
  if (outcome.kind === "refused") return await refused(outcome.reason, outcome.retryAfterSeconds);
  await applyCookies(outcome.cookies);
  if (outcome.kind === "totp-required") return { ok: true, data: { step: "totp", ...(username ? { username } : {}) } };
  redirect(safeReturnPath(next));
}

/**
 * The login form's one action. It cannot use a session guard (nobody is signed in yet), but answers
 * like every other action: a Result, never a thrown error; success redirects. A form with a `code`
 * is the second step (the pending two-factor cookie says whose); the previous state is not read.
 */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const raw = Object.fromEntries(form);
  try {
    const meta = await getRequestMeta();
    const requestHeaders = new Headers(await headers());
    if (typeof raw.code === "string") {
      const input = totpInput.safeParse(raw);
      if (!input.success) return codeRefused((await getTranslations("login.errors"))("codeFormat"));
      return await finish(await signInWithTotp({ code: input.data.code, headers: requestHeaders, meta }), input.data.next, undefined);
    }
    const input = passwordInput.safeParse(raw);
    if (!input.success) return refusal("VALIDATION", (await getTranslations("login.errors"))("missing"));
    const outcome = await signInWithPassword({ username: input.data.username, password: input.data.password, headers: requestHeaders, meta });
    return await finish(outcome, input.data.next, input.data.username);
  } catch (e) {
    unstable_rethrow(e);
    const error = toAppError(e, "auth.sign_in");
    const t = await getTranslations("login.errors");
    return { ok: false, error: { ...error, message: t("unavailable", { requestId: error.requestId ?? "?" }) } };
  }
}

/**
 * The company sign-in button: public like the password form. It only starts the flow (state, PKCE
 * verifier and nonce stored, the binding cookie set) and sends the browser to the provider; a
 * provider that cannot be used sends it back to the login page with the reason.
 */
export async function startCompanySignInAction(form: FormData): Promise<void> {
  const raw = form.get("next");
  const next = safeReturnPath(typeof raw === "string" ? raw.slice(0, 2048) : null);
  let target: string;
  try {
    const started = await startOidcSignIn({ next, headers: new Headers(await headers()) });
    if (started.ok) {
      await applyCookies(started.cookies);
      target = started.url;
    } else target = `/login?error=${started.code}`;
  } catch (e) {
    unstable_rethrow(e);
    toAppError(e, "auth.oidc_start");
    target = "/login?error=oidc_unavailable";
  }
  redirect(target);
}
