"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmTotpAction, disableTotpAction, startTotpAction, type SettingsState, type StartTotpData } from "../actions";
import { EnrolmentKey } from "./enrolment-key";
import { Problem } from "./problem";

const field = "mt-1 block w-64 max-w-full rounded border border-slate-400 bg-white px-3 py-2";
const button = "rounded bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-black disabled:opacity-60";

export function EnableTotp() {
  const t = useTranslations("settings");
  const [start, startAction, starting] = useActionState<SettingsState<StartTotpData>, FormData>(startTotpAction, null);
  const [confirm, confirmAction, confirming] = useActionState<SettingsState<never>, FormData>(confirmTotpAction, null);
  if (!start?.ok) {
    return (
      <form action={startAction} className="mt-4 space-y-3">
        <Problem state={start} />
        <label className="block text-sm font-medium">
          {t("yourPassword")}
          <input name="password" type="password" autoComplete="current-password" required className={field} />
        </label>
        <button type="submit" className={button} disabled={starting}>
          {t("setUp")}
        </button>
      </form>
    );
  }
  const enrolment = start.data;
  return (
    <div className="mt-4 space-y-4">
      <p className="text-sm">{t("scan")}</p>
      <EnrolmentKey enrolment={enrolment} />
      {enrolment.backupCodes.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">{t("backupCodes")}</summary>
          <ul className="mt-2 grid grid-cols-2 gap-1 font-mono sm:grid-cols-5">
            {enrolment.backupCodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </details>
      )}
      <form action={confirmAction} className="space-y-3">
        <Problem state={confirm} />
        <label className="block text-sm font-medium">
          {t("codeFromApp")}
          <input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required className={`${field} font-mono`} />
        </label>
        <button type="submit" className={button} disabled={confirming}>
          {t("turnOn")}
        </button>
      </form>
    </div>
  );
}

export function DisableTotp() {
  const t = useTranslations("settings");
  const [state, action, pending] = useActionState<SettingsState<never>, FormData>(disableTotpAction, null);
  return (
    <form action={action} className="mt-4 space-y-3">
      <Problem state={state} />
      <label className="block text-sm font-medium">
        {t("yourPassword")}
        <input name="password" type="password" autoComplete="current-password" required className={field} />
      </label>
      <button type="submit" className={button} disabled={pending}>
        {t("turnOff")}
      </button>
    </form>
  );
}
