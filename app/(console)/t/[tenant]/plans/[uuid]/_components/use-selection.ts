"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
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
import { createValueStore, type ValueStore } from "./value-store";

export type PointerMods = { shift: boolean; toggle: boolean };
export type SelectionStore = ValueStore<Selection>;

/**
 * Selection as a power user drives it: click selects one, shift extends from the anchor, ctrl/cmd
 * adds or removes, drag paints; the keyboard equivalents go through the same functions.
 * The selection lives in a store, so a day cell re-renders only when its own membership changes;
 * it is mirrored into the URL (`sel`) so a link reproduces it.
 */
export function useSelection(g: Granularity, initial: Selection) {
  const [store] = useState(() => createValueStore<Selection>(initial));
  const anchor = useRef<PartitionKey | null>(initial.at(-1)?.end ?? null);
  const drag = useRef<{ anchor: PartitionKey; base: Selection; removing: boolean } | null>(null);

  useEffect(() => store.subscribe(() => writeUrlParam("sel", selectionToUrlParam(store.get()))), [store]);

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
      const sel = store.get();
      if (mods.shift && anchor.current) return store.set(extendTo(sel, anchor.current, key, g, mods.toggle));
      anchor.current = key;
      if (mods.toggle) {
        const next = toggleKey(sel, key, g);
        drag.current = { anchor: key, base: sel, removing: !rangeContains(next, key) };
        return store.set(next);
      }
      drag.current = { anchor: key, base: [], removing: false };
      store.set(selectOnly(key));
    },
    [g, store],
  );

  const pointerEnter = useCallback(
    (key: PartitionKey, buttons: number) => {
      const d = drag.current;
      if (!d || (buttons & 1) === 0) return;
      store.set(d.removing ? removeRange(d.base, d.anchor, key, g) : addRange(d.base, d.anchor, key, g));
    },
    [g, store],
  );

  const keyboardMove = useCallback(
    (from: PartitionKey, to: PartitionKey, mods: { shift: boolean; additive: boolean }) => {
      if (!mods.shift) return;
      const a = anchor.current ?? from;
      anchor.current = a;
      store.set(extendTo(store.get(), a, to, g, mods.additive));
    },
    [g, store],
  );

  const toggle = useCallback(
    (key: PartitionKey) => {
      anchor.current = key;
      store.set(toggleKey(store.get(), key, g));
    },
    [g, store],
  );

  const selectKeyOnly = useCallback(
    (key: PartitionKey) => {
      anchor.current = key;
      store.set(selectOnly(key));
    },
    [store],
  );

  const clear = useCallback(() => {
    anchor.current = null;
    store.set([]);
  }, [store]);

  // Stable for the page's life: nothing here changes when the selection does.
  return useMemo(
    () => ({ store, setSelection: store.set, pointerDown, pointerEnter, keyboardMove, toggle, selectKeyOnly, clear }),
    [store, pointerDown, pointerEnter, keyboardMove, toggle, selectKeyOnly, clear],
  );
}

/** The whole selection, for the few components that show it (summary, dialog, month grid). */
export function useSelectionValue(store: SelectionStore): Selection {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** Whether one key is selected: a binary search per change, a re-render only when the answer flips. */
export function useIsSelected(store: SelectionStore, key: PartitionKey): boolean {
  const selected = () => rangeContains(store.get(), key);
  return useSyncExternalStore(store.subscribe, selected, selected);
}

const pendingParams = new Map<string, string>();
let flushScheduled = false;

function flushUrlParams(): void {
  flushScheduled = false;
  const url = new URL(window.location.href);
  for (const [name, value] of pendingParams) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  pendingParams.clear();
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
}

/**
 * A URL parameter as the address bar has it now (with writes still waiting for an idle moment), or
 * `fallback` on the server. Back and Forward restore the page from Next's router cache with the
 * props of the request that first drew it, while `sel` and `year` were written later in place
 * (writeUrlParam, which the router does not see): the address bar is the truth, the props are not.
 * On a first load both agree, so the server's markup and the client's first render match.
 */
export function currentUrlParam(name: string, fallback: string | null): string | null {
  if (typeof window === "undefined") return fallback;
  if (pendingParams.has(name)) return pendingParams.get(name) || null;
  return new URL(window.location.href).searchParams.get(name);
}

/**
 * Writes one URL parameter in place. Nothing on the plan page reads the URL after the first render
 * (the page passes year and selection in as props), so this re-renders nothing. The write waits for
 * an idle moment and coalesces: Next's router takes up every replaceState, which is work a click or
 * a key press should not wait for.
 */
export function writeUrlParam(name: string, value: string): void {
  pendingParams.set(name, value);
  if (flushScheduled) return;
  flushScheduled = true;
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(flushUrlParams, { timeout: 1000 });
  else window.setTimeout(flushUrlParams, 200);
}
