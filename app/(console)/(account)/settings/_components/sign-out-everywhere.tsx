"use client";

import { useActionState } from "react";
import { signOutEverywhereAction, type SettingsState } from "../actions";
import { Problem, problemOf } from "./problem";

export function SignOutEverywhere() {
  const [state, action, pending] = useActionState<SettingsState<never>, FormData>(signOutEverywhereAction, null);
  return (
    <form action={action} className="mt-3 space-y-3">
      <Problem text={problemOf(state)} />
      <button type="submit" disabled={pending} className="rounded border border-slate-500 px-3 py-2 text-sm hover:bg-slate-100 disabled:opacity-60">
        Sign out everywhere
      </button>
    </form>
  );
}
