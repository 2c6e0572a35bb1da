import { useSyncExternalStore } from "react";

// The hovered or focused cell lives outside React state so that moving the pointer across a month
// re-renders only the inspector line, not the 400 day cells.
let current: string | null = null;
const listeners = new Set<() => void>();

export function inspectCell(key: string | null): void {
  if (key === current) return;
  current = key;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useInspectedCell(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}
