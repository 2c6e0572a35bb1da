"use client";

import { useActionState, useEffect, useRef } from "react";
import { signInAction, type SignInState } from "./actions";

const field = "mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { step: "password" });
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.step === "totp") codeRef.current?.focus();
  }, [state]);

  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {state.error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {state.error}
        </p>
      )}
      {state.step === "password" ? (
        <>
          <label className="block text-sm font-medium">
            Username
            <input name="username" autoComplete="username" required autoFocus defaultValue={state.username} className={field} />
          </label>
          <label className="block text-sm font-medium">
            Password
            <input name="password" type="password" autoComplete="current-password" required className={field} />
          </label>
        </>
      ) : (
        <>
          <p id="code-hint" className="text-sm text-slate-700">
            Two-factor sign-in is on for {state.username ? <strong>{state.username}</strong> : "this account"}. Enter the 6-digit code your authenticator app
            shows, or one of your backup codes.
          </p>
          <label className="block text-sm font-medium">
            Authentication code
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
        {pending ? "Signing in…" : state.step === "password" ? "Sign in" : "Verify code"}
      </button>
    </form>
  );
}
