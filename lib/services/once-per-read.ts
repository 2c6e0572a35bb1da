/**
 * Runs `work` once per shared read (lib/services/shared-listing.ts hands every request that reuses a
 * read the same object): the calendar's compare with the stored snapshot (listing-observer.ts) gives
 * nothing new the second time for one read, since the snapshot's read time only moves forward and
 * reuse requires the same audit position, yet it cost an UPDATE and a locking transaction (three
 * statements) on every request. Requests that arrive while the first is still comparing wait for it,
 * so what they read afterwards (outside changes) still comes after the compare. A failed run is not
 * kept: the next request tries again.
 */
export function oncePerRead(read: object, work: () => Promise<unknown>): Promise<void> {
  const held = done.get(read);
  if (held) return held;
  const run = work().then(
    () => undefined,
    (e: unknown) => {
      if (done.get(read) === run) done.delete(read);
      throw e;
    },
  );
  done.set(read, run);
  return run;
}

// Keyed weakly: a read is forgotten with the shared listing that holds it.
const done = new WeakMap<object, Promise<void>>();
