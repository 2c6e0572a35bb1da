/**
 * Timers for latency and hang faults. Each sleep is its own timer, so one hanging request never
 * delays another; cancelAll() on close resolves every pending sleep with `false` at once, and
 * dropPending() on reset does the same without closing, so a request hung by a fault before a reset
 * can never change the state after it.
 */
export class Sleeper {
  #pending = new Set<() => void>();
  #closed = false;

  /** Resolves true after `ms`, or false if the sandbox closed first. */
  sleep(ms: number): Promise<boolean> {
    if (this.#closed) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const cancel = (): void => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.#pending.delete(cancel);
        resolve(true);
      }, ms);
      this.#pending.add(cancel);
    });
  }

  cancelAll(): void {
    this.#closed = true;
    this.dropPending();
  }

  dropPending(): void {
    for (const cancel of this.#pending) cancel();
    this.#pending.clear();
  }
}
