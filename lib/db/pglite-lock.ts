import "server-only";
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { ConfigError } from "@/lib/env";
import { isZombie } from "@/lib/proc-stat";

// PGlite has no lock of its own: two processes opening one folder corrupt it. A pid file next to
// the folder refuses the second opener (the CLI while the app runs, say) with a clear message.

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid); // answers kill(pid, 0) but holds nothing
}

export function acquirePgliteLock(lockPath: string, dataDir: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(lockPath, "utf8") === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new ConfigError(
          `The embedded database ${dataDir} is in use by process ${pid} (a running console?). ` +
            "Stop it first, or use a PostgreSQL server (DATABASE_URL) to share one database between processes.",
        );
      }
      unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new ConfigError(`Could not lock the embedded database ${dataDir}`);
}
