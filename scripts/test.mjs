// `npm test`: everything CI runs. Installs what the tests need (Debian chromium, libreoffice-calc,
// postgresql), then
// typecheck, lint, format check, unit tests under two time zones (database tests on embedded PGlite
// in the first, on a throw-away PostgreSQL server in the second), build, two app instances over that server
// (tests/instances), the 60-second soak, the Playwright suite and the bench's quick run. Prints
// `N passed, N failed, N skipped` last (also written to .test-results/summary.txt for .ci/run).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { recordBuild } from "./lib/build-stamp.mjs";
import { ensureChromium } from "./lib/ensure-chromium.mjs";
import { ensureLibreOffice } from "./lib/ensure-libreoffice.mjs";
import { startThrowawayPostgres } from "./lib/postgres.mjs";
import { run } from "./lib/processes.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, ".test-results");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// A DATABASE_URL from the caller's shell must not leak into the PGlite runs or the e2e server.
const { DATABASE_URL: _callerDatabase, ...callerEnv } = process.env;
const env = { ...callerEnv, NEXT_TELEMETRY_DISABLED: "1", NO_COLOR: "1", FORCE_COLOR: "0" };
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function record(name, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${failed > 0 ? "FAIL" : "ok  "} ${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
}

async function step(name, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${name} ===`);
  const code = await run(cmd, args, { cwd: root, env: { ...env, ...extraEnv } });
  return code;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

async function vitestRun(name, tz, { filter = [], extraEnv = {}, tag = tz.replace("/", "_") } = {}) {
  const file = join(out, `unit-${tag}.json`);
  const code = await step(name, "npx", ["vitest", "run", ...filter, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], {
    TZ: tz,
    ...extraEnv,
  });
  const report = readJson(file);
  if (!report) return record(name, 0, 1);
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  record(name, report.numPassedTests, failed, (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0));
}

const chromium = await ensureChromium();
record("chromium available", chromium ? 1 : 0, chromium ? 0 : 1);
// Without it the spreadsheet test of the CSV export skips itself; this line keeps that a failure.
const soffice = await ensureLibreOffice();
record("libreoffice-calc available", soffice ? 1 : 0, soffice ? 0 : 1);

record("typecheck", ...((await step("typecheck", "npx", ["tsc", "--noEmit"])) === 0 ? [1, 0] : [0, 1]));
record("lint", ...((await step("lint", "npx", ["eslint", "--max-warnings", "0", "."])) === 0 ? [1, 0] : [0, 1]));
record("format (prettier --check)", ...((await step("format", "npx", ["prettier", "--check", "--log-level", "warn", "."])) === 0 ? [1, 0] : [0, 1]));
// Both zones for everything: the database tests take their second zone on PostgreSQL below.
await vitestRun("unit (TZ=America/Los_Angeles)", "America/Los_Angeles");
await vitestRun("unit without database tests (TZ=Asia/Shanghai)", "Asia/Shanghai", { filter: ["--exclude", "**/*.db.test.ts"] });

// The database tests (*.db.test.ts) ran above on embedded PGlite; run them again on a real
// PostgreSQL server: Debian's postgresql (apt-installed when absent), a throw-away cluster on a
// loopback port, stopped afterwards.
console.log("\n=== PostgreSQL for the database tests ===");
const pg = await startThrowawayPostgres();
try {
  if (!pg) record("unit DB tests on PostgreSQL (server did not start)", 0, 1);
  else
    await vitestRun("unit DB tests on PostgreSQL (TZ=Asia/Shanghai)", "Asia/Shanghai", {
      filter: ["db.test"],
      extraEnv: { DATABASE_URL: pg.url },
      tag: "postgres",
    });

  // `npm run build`: next build, then the CycloneDX SBOM (.next/sbom.cdx.json).
  const built = (await step("build", "npm", ["run", "build"])) === 0;
  record("build", built ? 1 : 0, built ? 0 : 1);
  if (built) {
    recordBuild(root);
    const code = await step("supply chain (npm audit --omit=dev, SBOM)", "node", ["scripts/supply-chain.mjs"]);
    record("supply chain", code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  }

  // Several app instances of the build over the one PostgreSQL server: shared sessions, limits and
  // audit chains, graceful shutdown (tests/instances).
  if (built && pg) {
    await vitestRun("app processes (instances on PostgreSQL, README set-up on a fresh clone)", "UTC", {
      filter: ["--config", "vitest.instances.config.ts"],
      extraEnv: { DATABASE_URL: pg.url },
      tag: "instances",
    });
    // The load run of issue 6: 20 operators for 60 s through two instances (report in its output).
    const soak = await step("soak (20 operators, 60 s)", "npx", ["tsx", "scripts/soak.ts", "--seconds", "60", "--operators", "20"], { DATABASE_URL: pg.url });
    record("soak", soak === 0 ? 1 : 0, soak === 0 ? 0 : 1);
  } else {
    record("app instances (not run: build or PostgreSQL missing)", 0, 1);
  }
  await browserAndBench(built);
} finally {
  await pg?.stop();
}

async function browserAndBench(built) {
  if (built && chromium) {
    const file = join(out, "e2e.json");
    const code = await step("browser tests (Playwright)", "npx", ["playwright", "test"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
      CHROMIUM_PATH: chromium,
      ...(soffice ? { SOFFICE_PATH: soffice } : {}),
    });
    const report = readJson(file);
    if (!report) record("e2e", 0, 1);
    else {
      const s = report.stats ?? {};
      const failed = (s.unexpected ?? 0) + (code !== 0 && !s.unexpected ? 1 : 0);
      record("e2e", (s.expected ?? 0) + (s.flaky ?? 0), failed, s.skipped ?? 0);
    }
  } else {
    record("e2e (not run: build or browser missing)", 0, 1);
  }

  // The bench's smallest scenario, once, in report-only mode: it proves the script still runs and
  // never fails CI on a timing (only a crash of the bench itself counts).
  if (built) {
    const code = await step("bench --quick (report only)", "node", ["scripts/bench.mjs", "--quick"]);
    record("bench --quick runs", code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  }
}

const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
console.log("\n=== summary ===");
for (const line of lines) console.log(line);
writeFileSync(join(out, "summary.txt"), `${lines.join("\n")}\n${summary}\n`);
console.log(summary);
process.exit(totals.failed > 0 ? 1 : 0);
