"use client";

import { useActionState } from "react";
import { confirmTotpAction, disableTotpAction, startTotpAction, type SettingsState, type StartTotpData } from "../actions";
import { EnrolmentKey } from "./enrolment-key";
import { Problem, problemOf } from "./problem";

const field = "mt-1 block w-64 max-w-full rounded border border-slate-400 bg-white px-3 py-2";
const button = "rounded bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-black disabled:opacity-60";

export function EnableTotp() {
  const [start, startAction, starting] = useActionState<SettingsState<StartTotpData>, FormData>(startTotpAction, null);
  const [confirm, confirmAction, confirming] = useActionState<SettingsState<never>, FormData>(confirmTotpAction, null);
  if (!start?.ok) {
    return (
      <form action={startAction} className="mt-4 space-y-3">
        <Problem text={problemOf(start)} />
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
  const enrolment = start.data;
  return (
    <div className="mt-4 space-y-4">
      <p className="text-sm">
        Scan the QR code with your authenticator app (Google Authenticator, 1Password, Aegis…), or type the key, or open the link on a device that has one. Then
        enter the code it shows.
      </p>
      <EnrolmentKey enrolment={enrolment} />
      {enrolment.backupCodes.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">Backup codes (keep them somewhere safe; each works once)</summary>
          <ul className="mt-2 grid grid-cols-2 gap-1 font-mono sm:grid-cols-5">
            {enrolment.backupCodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </details>
      )}
      <form action={confirmAction} className="space-y-3">
        <Problem text={problemOf(confirm)} />
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
  const [state, action, pending] = useActionState<SettingsState<never>, FormData>(disableTotpAction, null);
  return (
    <form action={action} className="mt-4 space-y-3">
      <Problem text={problemOf(state)} />
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
