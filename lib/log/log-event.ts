import "server-only";
import { currentLogContext } from "./context";

export type LogLevel = "debug" | "info" | "warn" | "error";

/**
 * One JSON line on stdout per event: time, level, event, then the request's context (request id,
 * tenant, actor id) and the caller's fields. Callers pass identifiers only: never a credential, a
 * password, a session token or a request body (the secrets spec scans the server log).
 */
export function logEvent(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), level, event, ...currentLogContext(), ...fields }));
}

/** For modules that take a log function (tests pass their own). */
export type EventLog = (event: { event: string } & Record<string, unknown>) => void;

export function eventLogAt(level: LogLevel): EventLog {
  return ({ event, ...fields }) => logEvent(level, event, fields);
}
