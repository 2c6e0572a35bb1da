import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line of one request carries, without each caller passing it on. */
export type LogContext = { requestId?: string; tenant?: string; actorId?: string };

// On globalThis: Next bundles route handlers, actions and the proxy as separate module graphs, and a
// context set in one must be read in the modules another bundled.
const KEY = Symbol.for("can-console.log-context");
const storage: AsyncLocalStorage<LogContext> = ((globalThis as Record<symbol, AsyncLocalStorage<LogContext> | undefined>)[KEY] ??=
  new AsyncLocalStorage<LogContext>());

/** Runs `fn` with these fields added to the context it was called in. */
export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, fn);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
