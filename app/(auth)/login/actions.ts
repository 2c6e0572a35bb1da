"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { toAppError } from "@/lib/api/to-app-error";
import { applyCookies } from "@/lib/auth/apply-cookies";
import { getRequestMeta, safeReturnPath } from "@/lib/auth/dal";
import { BACKUP_CODE, signInWithPassword, signInWithTotp, type RefusalReason, type SignInOutcome } from "@/lib/auth/sign-in";

export type SignInState = { step: "password" | "totp"; error?: string; username?: string };

/** Refusals of the second step that leave the user on it, to try another code. */
const SECOND_FACTOR_REFUSALS: ReadonlySet<RefusalReason> = new Set(["totp-invalid", "totp-replayed", "backup-code-invalid"]);

const passwordInput = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256), next: z.string().max(2048).optional() });
const totpInput = z.object({
  code: z
    .string()
    .trim()
    .refine((c) => /^\d{6}$/.test(c) || BACKUP_CODE.test(c)),
  next: z.string().max(2048).optional(),
  username: z.string().max(64).optional(),
});

function message(reason: RefusalReason, retryAfterSeconds?: number): string {
  switch (reason) {
    case "credentials":
      return "Wrong username or password.";
    case "rate-limited": {
      const minutes = Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60));
      return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
    }
    case "totp-invalid":
      return "That code is not right. Enter the current 6-digit code from your authenticator app.";
    case "totp-replayed":
      return "That code was already used. Wait for the next code.";
    case "backup-code-invalid":
      return "That backup code is not right, or was used before: each works once.";
    case "totp-expired":
      return "The sign-in took too long. Enter your username and password again.";
  }
}

async function finish(outcome: SignInOutcome, next: string | undefined, username: string | undefined): Promise<SignInState> {
  if (outcome.kind === "refused") {
    const back = outcome.reason === "totp-expired" ? "password" : undefined;
    return {
      step: back ?? (SECOND_FACTOR_REFUSALS.has(outcome.reason) ? "totp" : "password"),
      error: message(outcome.reason, outcome.retryAfterSeconds),
      ...(username ? { username } : {}),
    };
  }
  await applyCookies(outcome.cookies);
  if (outcome.kind === "totp-required") return { step: "totp", ...(username ? { username } : {}) };
  redirect(safeReturnPath(next));
}

export async function signInAction(prev: SignInState, form: FormData): Promise<SignInState> {
  const raw = Object.fromEntries(form);
  let outcome: SignInOutcome;
  try {
    const meta = await getRequestMeta();
    const requestHeaders = new Headers(await headers());
    if (prev.step === "totp" && typeof raw.code === "string") {
      const input = totpInput.safeParse(raw);
      if (!input.success) return { ...prev, error: "Enter the 6-digit code from your authenticator app, or a backup code (xxxxx-xxxxx)." };
      outcome = await signInWithTotp({ code: input.data.code, headers: requestHeaders, meta });
      return await finish(outcome, input.data.next, prev.username);
    }
    const input = passwordInput.safeParse(raw);
    if (!input.success) return { step: "password", error: "Enter your username and password." };
    outcome = await signInWithPassword({ username: input.data.username, password: input.data.password, headers: requestHeaders, meta });
    return await finish(outcome, input.data.next, input.data.username);
  } catch (e) {
    if (isRedirect(e)) throw e;
    const error = toAppError(e, "auth.sign_in");
    return { step: "password", error: `Signing in is not possible right now. Quote request id ${error.requestId ?? "?"} when you report it.` };
  }
}

function isRedirect(e: unknown): boolean {
  return typeof e === "object" && e !== null && "digest" in e && String((e as { digest: unknown }).digest).startsWith("NEXT_REDIRECT");
}
