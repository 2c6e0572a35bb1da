// `npm run bench [-- --quick | --strict | --only=… | --verbose | --postgres]`: builds the app when
// the sources changed since the last build, makes sure Debian's chromium is there (not needed for
// --quick), then runs the bench itself (bench/run.ts) on Node 24 through tsx. See
// bench/README.md. --postgres runs the app on a throw-away PostgreSQL server instead of PGlite.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureChromium } from "../tests/support/apt";
import { buildIfStale } from "../tests/support/build-stamp";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../tests/support/postgres";
import { run } from "../tests/support/processes";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const buildCode = await buildIfStale(root, env, "[bench] ");
if (buildCode !== 0) process.exit(buildCode);

if (!args.includes("--quick")) {
  const chromium = await ensureChromium();
  if (!chromium) {
    console.error("[bench] no Chromium (apt-get install chromium failed); the browser scenarios need it.");
    process.exit(1);
  }
  env.CHROMIUM_PATH = chromium;
}

// The audit scenario's database (millions of rows) is written once and kept, before the bench and
// its time limit start (bench/audit-data.ts). --quick writes its 10,000 rows inside the bench.
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
if (!args.includes("--quick") && (!only || only.includes("audit"))) {
  const rows = args.find((a) => a.startsWith("--audit-rows="))?.slice("--audit-rows=".length) ?? "5000000";
  const prepared = await run("npx", ["tsx", "--conditions=react-server", "bench/audit-prepare.ts", rows], { cwd: root, env });
  if (prepared !== 0) process.exit(prepared);
}

let postgres: ThrowawayPostgres | undefined;
if (args.includes("--postgres")) {
  postgres = await startThrowawayPostgres();
  if (!postgres) process.exit(1);
  env.BENCH_DATABASE_URL = postgres.url;
}

// react-server: the bench imports the app's server-only CAN client to time paging in-process.
const code = await run("npx", ["tsx", "--conditions=react-server", "bench/run.ts", ...args], { cwd: root, env });
await postgres?.stop();
process.exit(code);
