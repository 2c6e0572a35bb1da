import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { processGlobal } from "@/lib/process-global";

/** What every log line of one request carries, without each caller passing it on. */
export type LogContext = { requestId?: string; tenant?: string; actorId?: string };

const storage = processGlobal<AsyncLocalStorage<LogContext>>("log-context", () => new AsyncLocalStorage<LogContext>());

/** Runs `fn` with these fields added to the context it was called in. */
export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, fn);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
