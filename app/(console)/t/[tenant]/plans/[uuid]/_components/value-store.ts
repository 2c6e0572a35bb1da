/**
 * A value outside React state with per-subscriber selectors (useSyncExternalStore): a change
 * re-renders only the components whose selected slice changed, e.g. the two day cells whose
 * "selected" or "tab stop" flag flips, not the whole year.
 */
export type ValueStore<T> = { get: () => T; set: (next: T) => void; subscribe: (listener: () => void) => () => void };

export function createValueStore<T>(initial: T): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      if (Object.is(next, value)) return;
      value = next;
      for (const l of listeners) l();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
