"use client";

import { useEffect, useId, useRef } from "react";

export type Confirmation = { title: string; body: string; confirmLabel: string; cancelLabel: string };

/** A modal question before a destructive action; Escape or Cancel leaves everything as it was. */
export function ConfirmDialog({
  open,
  confirmation,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  confirmation: Confirmation;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-[28rem] max-w-[95vw] rounded-lg border border-slate-300 p-5 shadow-2xl backdrop:bg-slate-900/50"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {confirmation.title}
      </h2>
      <p id={bodyId} className="mt-2 text-sm">
        {confirmation.body}
      </p>
      <div className="mt-4 flex justify-end gap-3">
        <button type="button" onClick={onCancel} className="rounded border border-slate-400 px-3 py-1.5 text-sm">
          {confirmation.cancelLabel}
        </button>
        <button type="button" onClick={onConfirm} className="rounded bg-red-800 px-3 py-1.5 text-sm text-white hover:bg-red-900">
          {confirmation.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
