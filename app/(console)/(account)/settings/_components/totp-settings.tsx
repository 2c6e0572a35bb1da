"use client";

import { useActionState } from "react";
import { confirmTotpAction, disableTotpAction, startTotpAction, type ConfirmState, type TotpState } from "../actions";

const field = "mt-1 block w-64 rounded border border-slate-400 bg-white px-3 py-2";
const button = "rounded bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-black disabled:opacity-60";

function Problem({ text }: { text: string | undefined }) {
  return text ? (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {text}
    </p>
  ) : null;
}

export function EnableTotp() {
  const [start, startAction, starting] = useActionState<TotpState, FormData>(startTotpAction, { stage: "idle" });
  const [confirm, confirmAction, confirming] = useActionState<ConfirmState, FormData>(confirmTotpAction, {});
  const pending = start.stage === "confirm" ? start : undefined;
  if (!pending) {
    return (
      <form action={startAction} className="mt-4 space-y-3">
        <Problem text={start.error} />
        <label className="block text-sm font-medium">
          Your password
          <input name="password" type="password" autoComplete="current-password" required className={field} />
        </label>
        <button type="submit" className={button} disabled={starting}>
          Set up an authenticator app
        </button>
      </form>
    );
  }
  return (
    <div className="mt-4 space-y-4">
      <p className="text-sm">
        Add this account to your authenticator app (Google Authenticator, 1Password, Aegis…) with the key below, or open the link on a device that has one. Then
        enter the code it shows.
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="font-medium">Key</dt>
        <dd className="break-all font-mono" data-testid="totp-secret">
          {pending.secret}
        </dd>
        <dt className="font-medium">Link</dt>
        <dd className="break-all">
          <a className="text-blue-800 underline" href={pending.totpURI}>
            {pending.totpURI}
          </a>
        </dd>
      </dl>
      {pending.backupCodes.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">Backup codes (keep them somewhere safe; each works once)</summary>
          <ul className="mt-2 grid grid-cols-2 gap-1 font-mono sm:grid-cols-5">
            {pending.backupCodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </details>
      )}
      <form action={confirmAction} className="space-y-3">
        <Problem text={confirm.error} />
        <label className="block text-sm font-medium">
          Code from the app
          <input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required className={`${field} font-mono`} />
        </label>
        <button type="submit" className={button} disabled={confirming}>
          Turn on two-factor sign-in
        </button>
      </form>
    </div>
  );
}

export function DisableTotp() {
  const [state, action, pending] = useActionState<TotpState, FormData>(disableTotpAction, { stage: "idle" });
  return (
    <form action={action} className="mt-4 space-y-3">
      <Problem text={state.stage === "idle" ? state.error : undefined} />
      <label className="block text-sm font-medium">
        Your password
        <input name="password" type="password" autoComplete="current-password" required className={field} />
      </label>
      <button type="submit" className={button} disabled={pending}>
        Turn off two-factor sign-in
      </button>
    </form>
  );
}
