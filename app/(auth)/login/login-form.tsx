"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { signInAction } from "./actions";
import { stepOf, type SignInState } from "./sign-in-state";

const field = "mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2";

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, null);
  // The username typed last: the password step keeps it after a refusal, the code step names it.
  const [typed, setTyped] = useState("");
  const step = stepOf(state);
  const username = (state?.ok ? state.data.username : undefined) ?? (typed || undefined);
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (stepOf(state) === "totp") codeRef.current?.focus();
  }, [state]);

  return (
    <form
      action={action}
      className="mt-6 space-y-4"
      noValidate
      onSubmit={(e) => {
        const value = new FormData(e.currentTarget).get("username");
        if (typeof value === "string" && value.trim()) setTyped(value.trim());
      }}
    >
      <input type="hidden" name="next" value={next} />
      {state && !state.ok && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {state.error.message}
        </p>
      )}
      {step === "password" ? (
        <>
          <label className="block text-sm font-medium">
            {t("username")}
            <input name="username" autoComplete="username" required autoFocus defaultValue={username} className={field} />
          </label>
          <label className="block text-sm font-medium">
            {t("password")}
            <input name="password" type="password" autoComplete="current-password" required className={field} />
          </label>
        </>
      ) : (
        <>
          <p id="code-hint" className="text-sm text-slate-700">
            {username ? t.rich("codeHintFor", { user: () => <strong>{username}</strong> }) : t("codeHint")}
          </p>
          <label className="block text-sm font-medium">
            {t("code")}
            <input
              ref={codeRef}
              name="code"
              pattern="[0-9]{6}|[A-Za-z0-9]{5}-[A-Za-z0-9]{5}"
              maxLength={11}
              aria-describedby="code-hint"
              autoComplete="one-time-code"
              required
              className={`${field} font-mono tracking-widest`}
            />
          </label>
        </>
      )}
      <button type="submit" disabled={pending} className="w-full rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-black disabled:opacity-60">
        {pending ? t("signingIn") : step === "password" ? t("submit") : t("verify")}
      </button>
    </form>
  );
}
