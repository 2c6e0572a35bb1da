"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  addRange,
  extendTo,
  rangeContains,
  removeRange,
  selectionToUrlParam,
  selectOnly,
  toggleKey,
  type Granularity,
  type PartitionKey,
  type Selection,
} from "@/lib/partitions";

export type PointerMods = { shift: boolean; toggle: boolean };

/**
 * Selection as a power user drives it: click selects one, shift extends from the anchor, ctrl/cmd
 * adds or removes, drag paints; the keyboard equivalents go through the same functions.
 * The selection is mirrored into the URL (`sel`) so a link reproduces it.
 */
export function useSelection(g: Granularity, initial: Selection) {
  const [selection, setSelection] = useState<Selection>(initial);
  const anchor = useRef<PartitionKey | null>(initial.at(-1)?.end ?? null);
  const drag = useRef<{ anchor: PartitionKey; base: Selection; removing: boolean } | null>(null);

  useEffect(() => {
    const url = new URL(window.location.href);
    const param = selectionToUrlParam(selection);
    if (param) url.searchParams.set("sel", param);
    else url.searchParams.delete("sel");
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
  }, [selection]);

  useEffect(() => {
    const end = () => {
      drag.current = null;
    };
    window.addEventListener("pointerup", end);
    window.addEventListener("pointercancel", end);
    return () => {
      window.removeEventListener("pointerup", end);
      window.removeEventListener("pointercancel", end);
    };
  }, []);

  const pointerDown = useCallback(
    (key: PartitionKey, mods: PointerMods) => {
      setSelection((sel) => {
        if (mods.shift && anchor.current) return extendTo(sel, anchor.current, key, g, mods.toggle);
        anchor.current = key;
        if (mods.toggle) {
          const next = toggleKey(sel, key, g);
          drag.current = { anchor: key, base: sel, removing: !rangeContains(next, key) };
          return next;
        }
        drag.current = { anchor: key, base: [], removing: false };
        return selectOnly(key);
      });
    },
    [g],
  );

  const pointerEnter = useCallback(
    (key: PartitionKey, buttons: number) => {
      const d = drag.current;
      if (!d || (buttons & 1) === 0) return;
      setSelection(d.removing ? removeRange(d.base, d.anchor, key, g) : addRange(d.base, d.anchor, key, g));
    },
    [g],
  );

  const keyboardMove = useCallback(
    (from: PartitionKey, to: PartitionKey, mods: { shift: boolean; additive: boolean }) => {
      if (!mods.shift) return;
      const a = anchor.current ?? from;
      anchor.current = a;
      setSelection((sel) => extendTo(sel, a, to, g, mods.additive));
    },
    [g],
  );

  const toggle = useCallback(
    (key: PartitionKey) => {
      anchor.current = key;
      setSelection((sel) => toggleKey(sel, key, g));
    },
    [g],
  );

  const selectKeyOnly = useCallback((key: PartitionKey) => {
    anchor.current = key;
    setSelection(selectOnly(key));
  }, []);

  const clear = useCallback(() => {
    anchor.current = null;
    setSelection([]);
  }, []);

  // A stable object, so the calendar's context changes only when the selection itself does.
  return useMemo(
    () => ({ selection, setSelection, pointerDown, pointerEnter, keyboardMove, toggle, selectKeyOnly, clear }),
    [selection, pointerDown, pointerEnter, keyboardMove, toggle, selectKeyOnly, clear],
  );
}
