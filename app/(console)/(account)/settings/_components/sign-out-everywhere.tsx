"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signOutEverywhereAction, type SettingsState } from "../actions";
import { Problem } from "./problem";

export function SignOutEverywhere() {
  const t = useTranslations("settings");
  const [state, action, pending] = useActionState<SettingsState<never>, FormData>(signOutEverywhereAction, null);
  return (
    <form action={action} className="mt-3 space-y-3">
      <Problem state={state} />
      <button type="submit" disabled={pending} className="rounded border border-slate-500 px-3 py-2 text-sm hover:bg-slate-100 disabled:opacity-60">
        {t("signOutEverywhere")}
      </button>
    </form>
  );
}
