"use client";

import { startTransition, useEffect, useState } from "react";

/**
 * `value`, one frame late: it follows in a transition that starts only after the browser has
 * painted the update that changed it. A year switch paints its heading, the history strip's
 * highlight and the dimmed grid first, and only then renders twelve months, which React can still
 * interrupt; with `useDeferredValue` that render started at once and the browser often ran its first
 * slices before painting the click at all (about 40 ms of a switch at 4x CPU in a trace:
 * bench/results/2026-12-06-interactions.md).
 * A newer value before the old one is shown cancels it, so a quick run of switches draws the last.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame's callback runs just before it is painted; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(value)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
