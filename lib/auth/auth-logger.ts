// Better Auth's own messages as the console's other log lines: one JSON object a line, no colour
// codes (its default logger paints them with ANSI escapes, which read as noise inside JSON).
type Level = "debug" | "info" | "warn" | "error";

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/** The JSON line for one Better Auth message; extra arguments are kept as text, colour codes dropped. */
export function authLogLine(level: Level, message: string, args: readonly unknown[]): string {
  const detail = args.map((a) => (a instanceof Error ? a.message : typeof a === "string" ? a : JSON.stringify(a))).map((t) => String(t).replace(ANSI, ""));
  return JSON.stringify({ event: `better_auth.${level}`, message: message.replace(ANSI, ""), ...(detail.length > 0 ? { detail } : {}) });
}

/** Better Auth's `logger` option: warnings and errors only, as JSON lines. */
export const authLogger = {
  disableColors: true,
  level: "warn" as const,
  log(level: Level, message: string, ...args: unknown[]): void {
    const line = authLogLine(level, message, args);
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  },
};
