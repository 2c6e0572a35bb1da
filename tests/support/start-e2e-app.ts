// The e2e app server: starts from an empty database every run (the folder is deleted), seeds the
// audit rows the audit specs read (through the app's own recordMarkIntent/recordMarkOutcome, in a
// separate process before the server opens the database: a test-only path, not an endpoint), then
// runs `next start`, copying its output to <DATA_DIR>/server.log for the secrets spec to scan.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const dataDir = process.env.DATA_DIR ?? ".data/e2e-app";
const port = process.env.E2E_APP_PORT ?? "3100";
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "tests/support/seed-audit.ts"], { stdio: "inherit", env: process.env });
if (seed.status !== 0) {
  console.error("seeding the e2e database failed");
  process.exit(1);
}

const log = createWriteStream(join(dataDir, "server.log"));
const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", port], { stdio: ["ignore", "pipe", "pipe"], env: process.env });
for (const stream of [child.stdout, child.stderr]) {
  stream.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
}
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => {
  log.end();
  process.exit(code ?? 0);
});
