import { useSyncExternalStore } from "react";

// The hovered or focused cell lives outside React state so that moving the pointer across a month
// re-renders only the details popover, not the 400 day cells. `dismissed`: Escape hid the details
// of this cell; inspecting another cell (or this one again) shows them again.
type Inspected = { key: string | null; dismissed: boolean };
let current: Inspected = { key: null, dismissed: false };
const listeners = new Set<() => void>();

function set(next: Inspected): void {
  if (next.key === current.key && next.dismissed === current.dismissed) return;
  current = next;
  for (const l of listeners) l();
}

export function inspectCell(key: string | null): void {
  set({ key, dismissed: false });
}

/** Hides the details until another cell is inspected; false when none were shown (Escape then does its other job). */
export function dismissCellDetails(): boolean {
  if (current.key === null || current.dismissed) return false;
  set({ key: current.key, dismissed: true });
  return true;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const shown = () => (current.dismissed ? null : current.key);

/** The cell whose details are shown, or null. */
export function useInspectedCell(): string | null {
  return useSyncExternalStore(subscribe, shown, () => null);
}
