import "server-only";
import { createHash } from "node:crypto";
import { readFileSync, watchFile } from "node:fs";
import { ConfigError } from "@/lib/env";
import { parseTenantsFile } from "@/lib/tenants";
import { eventLogAt, type EventLog } from "@/lib/log/log-event";

type Log = EventLog;
const warn: Log = eventLogAt("warn");

const POLL_MS = 2_000;
const KEY = Symbol.for("can-console.tenants-watch");

/**
 * The running console keeps the tenants it started with (lib/tenants.ts). When the file changes on
 * disk, say so once per new content: that a restart is needed to use it, or, when it no longer
 * parses, what is wrong with it, so the operator fixes it before the next start refuses it.
 */
export function watchTenantsFile(path: string, log: Log = warn): void {
  const g = globalThis as Record<symbol, boolean | undefined>;
  if (g[KEY]) return;
  g[KEY] = true;
  let reported = digest(read(path));
  watchFile(path, { interval: POLL_MS, persistent: false }, () => {
    const text = read(path);
    const now = digest(text);
    if (now === reported) return;
    reported = now;
    log(tenantsFileEvent(path, text));
  });
}

export function tenantsFileEvent(path: string, text: string | undefined): { event: string } & Record<string, unknown> {
  const keep = "the console keeps serving the tenants it started with";
  if (text === undefined)
    return { event: "config.tenants_file_invalid", problem: `CAN_TENANTS_FILE: ${path} cannot be read`, hint: `${keep}; the next start will refuse it` };
  try {
    parseTenantsFile(path, text);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return { event: "config.tenants_file_invalid", problem: `CAN_TENANTS_FILE: ${e.message}`, hint: `${keep}; the next start will refuse it` };
  }
  return { event: "config.tenants_file_changed", file: path, hint: `${keep}; restart it to use the new file` };
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function digest(text: string | undefined): string {
  return text === undefined ? "unreadable" : createHash("sha256").update(text).digest("hex");
}
