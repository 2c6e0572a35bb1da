"use client";

import { useActionState, useRef, useState, type ReactNode } from "react";
import type { AdminState } from "../actions";
import { ConfirmDialog, type Confirmation } from "./confirm-dialog";
import { useReportResult } from "./last-action-result";

/**
 * A small form bound to one admin action. Its outcome goes to the page's one result line
 * (LastActionResult), not beside the form; with `confirm`, submitting asks first.
 */
export function ActionForm({
  action,
  children,
  className,
  confirm,
}: {
  action: (prev: AdminState, form: FormData) => Promise<AdminState>;
  children: ReactNode;
  className?: string;
  confirm?: Confirmation;
}) {
  const report = useReportResult();
  // Reported from the action itself, not from an effect: a removed row's form unmounts with the
  // same update that carries its result.
  const [, formAction, pending] = useActionState(async (prev: AdminState, form: FormData) => {
    const result = await action(prev, form);
    if (result) report(result);
    return result;
  }, null);
  const formRef = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  const [asking, setAsking] = useState(false);
  return (
    <form
      ref={formRef}
      action={formAction}
      className={className}
      aria-busy={pending}
      onSubmit={(e) => {
        if (!confirm || confirmed.current) {
          confirmed.current = false;
          return;
        }
        e.preventDefault();
        setAsking(true);
      }}
    >
      {children}
      {confirm && (
        <ConfirmDialog
          open={asking}
          confirmation={confirm}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            confirmed.current = true;
            formRef.current?.requestSubmit();
          }}
        />
      )}
    </form>
  );
}
