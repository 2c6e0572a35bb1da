import { userInfo } from "node:os";
import { closeDb } from "@/lib/db";
import type { AuditActor } from "@/lib/audit";

/** The CLI acts as the operating-system user who runs it; audit rows name them. */
export function cliActor(): AuditActor {
  let name = "unknown";
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return { userId: null, username: `cli:${name}`, role: null };
}

/** A password from the terminal (not echoed) or, when piped, the first line of stdin. */
export async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = "";
    for await (const chunk of stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? "";
  }
  process.stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const onData = (ch: string) => {
      for (const c of ch) {
        if (c === "\r" || c === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(value);
          return;
        }
        if (c === "\u0003") {
          stdin.setRawMode(false);
          reject(new Error("cancelled"));
          return;
        }
        if (c === "\u007f") value = value.slice(0, -1);
        else value += c;
      }
    };
    stdin.on("data", onData);
  });
}

/** Runs a CLI main: prints a failure without a stack for expected errors, closes the database. */
export async function runCli(main: () => Promise<number>): Promise<void> {
  let code = 1;
  try {
    code = await main();
  } catch (e) {
    const expected = e instanceof Error && ["UserAdminError", "ApiTokenError", "ConfigError", "UsageError"].includes(e.name);
    console.error(expected ? `error: ${(e as Error).message}` : e);
  } finally {
    await closeDb().catch(() => undefined);
  }
  process.exit(code);
}

export class UsageError extends Error {
  override name = "UsageError";
}
