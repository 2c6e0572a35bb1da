import { logEvent, type LogLevel } from "@/lib/log/log-event";

// Better Auth's own messages as the console's other log lines (one JSON line through logEvent), with
// no colour codes: its default logger paints them with ANSI escapes, which read as noise in JSON.

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/** The fields of one Better Auth message: its text and any extra arguments as text, colour codes dropped. */
export function authLogFields(message: string, args: readonly unknown[]): { message: string; detail?: string[] } {
  const detail = args.map((a) => (a instanceof Error ? a.message : typeof a === "string" ? a : JSON.stringify(a))).map((t) => String(t).replace(ANSI, ""));
  return { message: message.replace(ANSI, ""), ...(detail.length > 0 ? { detail } : {}) };
}

/** Better Auth's `logger` option: warnings and errors only, as `better_auth` events. */
export const authLogger = {
  disableColors: true,
  level: "warn" as const,
  log(level: LogLevel, message: string, ...args: unknown[]): void {
    logEvent(level, "better_auth", authLogFields(message, args));
  },
};
