"use client";

import { useCallback, useEffect, useMemo, useRef, type FocusEvent, type KeyboardEvent, type MouseEvent, type PointerEvent, type RefObject } from "react";
import { EXTEND_STEPS, focusMove, shiftDays } from "@/lib/partitions/year-layout";
import { useCalendarCells } from "./calendar-context";
import { inspectCell } from "./inspected-cell-store";

function dayButton(target: EventTarget | null): HTMLButtonElement | null {
  return target instanceof Element ? target.closest<HTMLButtonElement>("button[data-key]") : null;
}

/**
 * The year grid's pointer and keyboard handling, delegated from its root so the 365 cells carry no
 * handlers of their own: click selects one, shift extends, ctrl/cmd toggles, drag paints;
 * arrows, Home/End and PageUp/PageDown move the focus (into the next or previous year when they
 * leave this one), Shift+arrows extend the selection, Space toggles, Enter selects (Escape: calendar-panel.tsx).
 * Future days are disabled and never take the focus.
 */
export function useYearGridEvents(root: RefObject<HTMLDivElement | null>, year: number, onYearChange: (year: number) => void) {
  const cells = useCalendarCells();
  const pendingFocus = useRef<string | null>(null);
  const lastOver = useRef<string | null>(null);

  // A move that left the year asked for another year: focus its day once that year is drawn.
  useEffect(() => {
    const key = pendingFocus.current;
    if (!key || !key.startsWith(String(year))) return;
    pendingFocus.current = null;
    root.current?.querySelector<HTMLButtonElement>(`button[data-key="${key}"]`)?.focus();
  }, [year, root]);

  const moveFocus = useCallback(
    (to: string) => {
      cells.focused.set(to);
      if (to.startsWith(String(year))) {
        root.current?.querySelector<HTMLButtonElement>(`button[data-key="${to}"]`)?.focus();
      } else {
        pendingFocus.current = to;
        onYearChange(Number(to.slice(0, 4)));
      }
    },
    [cells.focused, year, root, onYearChange],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const button = dayButton(e.target);
      const key = button?.dataset.key;
      if (!key) return;
      const step = EXTEND_STEPS[e.key];
      if (step !== undefined && e.shiftKey) {
        e.preventDefault();
        const to = shiftDays(key, step);
        if (to > cells.today) return;
        moveFocus(to);
        cells.keyboardMove(key, to, { shift: true, additive: e.ctrlKey || e.metaKey });
        return;
      }
      const to = focusMove(key, e.key, e.shiftKey);
      if (to !== null) {
        e.preventDefault();
        if (to <= cells.today) moveFocus(to);
        return;
      }
      if (e.key === " ") {
        e.preventDefault();
        cells.toggle(key);
      }
    },
    [cells, moveFocus],
  );

  const onFocus = useCallback(
    (e: FocusEvent<HTMLDivElement>) => {
      const key = dayButton(e.target)?.dataset.key;
      if (!key) return;
      cells.focused.set(key);
      inspectCell(key);
    },
    [cells.focused],
  );

  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      const button = dayButton(e.target);
      const key = button?.dataset.key;
      if (!button || !key || e.button !== 0 || button.disabled) return;
      // Touch pointers are captured by the pressed element; release so a drag reaches the other days.
      if (e.target instanceof Element && e.target.hasPointerCapture(e.pointerId)) e.target.releasePointerCapture(e.pointerId);
      cells.pointerDown(key, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
    },
    [cells],
  );

  const onPointerOver = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      const key = dayButton(e.target)?.dataset.key;
      if (!key || key === lastOver.current) return;
      lastOver.current = key;
      inspectCell(key);
      cells.pointerEnter(key, e.buttons);
    },
    [cells],
  );

  // Leaving the grid, the details go back to the focused day, or away when the focus is elsewhere.
  const onPointerLeave = useCallback(() => {
    lastOver.current = null;
    inspectCell(root.current?.contains(document.activeElement) ? (dayButton(document.activeElement)?.dataset.key ?? null) : null);
  }, [root]);

  const onBlur = useCallback(
    (e: FocusEvent<HTMLDivElement>) => {
      if (!(e.relatedTarget instanceof Node && root.current?.contains(e.relatedTarget))) inspectCell(lastOver.current);
    },
    [root],
  );

  const onClick = useCallback(
    (e: MouseEvent<HTMLDivElement>) => {
      // Mouse clicks were handled on pointerdown; a click with detail 0 comes from Enter.
      const key = dayButton(e.target)?.dataset.key;
      if (key && e.detail === 0) cells.selectKeyOnly(key);
    },
    [cells],
  );

  return useMemo(
    () => ({ onKeyDown, onFocus, onBlur, onPointerDown, onPointerOver, onPointerLeave, onClick }),
    [onKeyDown, onFocus, onBlur, onPointerDown, onPointerOver, onPointerLeave, onClick],
  );
}
