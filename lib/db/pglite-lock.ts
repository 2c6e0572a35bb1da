import "server-only";
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { ConfigError } from "@/lib/env";

// PGlite has no lock of its own: two processes opening one folder corrupt it. A pid file next to
// the folder refuses the second opener (the CLI while the app runs, say) with a clear message.

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

/**
 * An exited process nobody reaped (containers whose PID 1 does not reap orphans) still answers
 * kill(pid, 0) but holds nothing: Linux shows it as state Z.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false; // no /proc (not Linux): trust kill()
  }
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
