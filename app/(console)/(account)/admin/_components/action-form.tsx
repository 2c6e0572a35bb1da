"use client";

import { useActionState, type ReactNode } from "react";
import type { AdminState } from "../actions";

/** A small form bound to one admin action, with its outcome announced next to it. */
export function ActionForm({
  action,
  children,
  className,
}: {
  action: (prev: AdminState, form: FormData) => Promise<AdminState>;
  children: ReactNode;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={className} aria-busy={pending}>
      {children}
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`mt-1 w-full text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>
          {state.ok ? state.data : state.error.message}
        </p>
      )}
    </form>
  );
}
