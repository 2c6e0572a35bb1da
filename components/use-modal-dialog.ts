"use client";

import { useEffect, useEffectEvent, useRef } from "react";

/**
 * A native <dialog> shown as a modal while `open` holds: `onOpen` runs as it opens (a confirmation
 * clears what was typed last time), then focus goes to its `[data-autofocus]` control (autoFocus
 * runs before showModal opens the dialog, so it would not take).
 */
export function useModalDialog(open: boolean, onOpen: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const opened = useEffectEvent(onOpen);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opened();
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
