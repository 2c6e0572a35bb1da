// A throw-away PostgreSQL server for the database tests: Debian's `postgresql` package (installed
// with apt when absent), a fresh cluster in a temp dir on a loopback port, trust auth, no fsync.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDebianPackage } from "./apt";
import { freePort, run } from "./processes";

const isRoot = process.getuid?.() === 0;

function findBinDir(): string | undefined {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], "bin") : undefined;
}

const ensureInstalled = () => ensureDebianPackage("postgresql", "for the database tests", findBinDir);

/** initdb refuses to run as root: as root, run the server tools as the postgres user. */
function asPostgres(bin: string, cmd: string, args: string[]): Promise<number> {
  if (!isRoot) return run(join(bin, cmd), args, { stdio: "inherit" });
  return run("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args], { stdio: "inherit" });
}

export type ThrowawayPostgres = { url: string; stop: () => Promise<void> };

/** Returns { url, stop } or undefined (with the reason printed) when no server could be started. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | undefined> {
  const bin = await ensureInstalled();
  if (!bin) {
    console.error("PostgreSQL is not available (apt-get install postgresql failed).");
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), "can-console-pg-"));
  if (isRoot) await run("chown", ["postgres:postgres", dir]);
  const data = join(dir, "data");
  const port = await freePort();
  const initCode = await asPostgres(bin, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
  if (initCode !== 0) {
    console.error("initdb failed");
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const startCode = await asPostgres(bin, "pg_ctl", [
    "-D",
    data,
    "-l",
    join(dir, "server.log"),
    "-w",
    "-t",
    "60",
    "-o",
    `-h 127.0.0.1 -p ${port} -k ${dir} -F -c max_connections=200`,
    "start",
  ]);
  if (startCode !== 0) {
    console.error(`pg_ctl start failed; see ${join(dir, "server.log")}`);
    return undefined;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await asPostgres(bin, "pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
