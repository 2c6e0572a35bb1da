// Supply-chain checks, printed as counts; exit 1 on a finding, 2 when a check could not run.
//
// 1. Known vulnerabilities in runtime dependencies: `npm audit --omit=dev`; any high or critical
//    advisory fails. Where the registry's advisory endpoint is unreachable (these machines get 405)
//    the fallback policy applies instead, and says so: every direct runtime dependency must be on
//    the newest release of its line (security fixes land there first). The registry's publish
//    times decide (`npm view NAME time --json`, scripts/lib/dependency-freshness.ts): a newer
//    release out for more than 7 days is a finding; a younger one is a warning with its date and
//    the command to update, so a commit does not turn red the day somebody publishes a patch.
// 2. The SBOM the build writes (.next/sbom.cdx.json, scripts/sbom.ts) exists, is CycloneDX, lists
//    every direct runtime dependency at the installed version, and no dev-only package.
//
// Usage: tsx scripts/supply-chain.ts [--root DIR] [--now ISO-TIME]   (after `npm run build`)
//   --root and --now exist for the script's own test (a fake `npm` on PATH, a fixed clock).
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { GRACE_DAYS, judgeFreshness } from "./lib/dependency-freshness";

const { values: args } = parseArgs({ options: { root: { type: "string" }, now: { type: "string" } } });
const root = args.root ? resolve(args.root) : join(dirname(fileURLToPath(import.meta.url)), "..");
const now = args.now ? new Date(args.now) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--now: not a time: ${args.now}`);
  process.exit(2);
}
const exec = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
type PackageJson = { version: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as PackageJson;
const runtime = Object.entries(pkg.dependencies ?? {});
const problems: string[] = [];
const warnings: string[] = [];
let unknown = false;

type NpmAnswer = { ok: true; value: unknown } | { ok: false; error: string };
type ExecError = Error & { stdout?: string; stderr?: string };

/** npm's JSON answer; npm audit exits 1 when it finds something, with its JSON still on stdout. */
async function npmJson(args: string[]): Promise<NpmAnswer> {
  try {
    const { stdout } = await exec(npm, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, value: JSON.parse(stdout) as unknown };
  } catch (caught) {
    const e = caught as ExecError;
    // npm audit exits 1 when it finds something; its JSON is still on stdout.
    try {
      return { ok: true, value: JSON.parse(e.stdout ?? "") as unknown };
    } catch {
      return {
        ok: false,
        error:
          String(e.stderr ?? e.message)
            .split("\n")
            .find((l) => /error|warn/i.test(l)) ?? String(e.message),
      };
    }
  }
}

const installed = (name: string) => (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as PackageJson).version;
// ---- 1. vulnerabilities -----------------------------------------------------------------------
type AuditReport = {
  metadata?: { vulnerabilities?: Record<"info" | "low" | "moderate" | "high" | "critical", number | undefined> };
  message?: string;
  error?: { summary?: string };
};
const audit = await npmJson(["audit", "--omit=dev", "--json"]);
const report = audit.ok ? (audit.value as AuditReport | null) : null;
const counts = report?.metadata?.vulnerabilities;
if (counts) {
  const { info = 0, low = 0, moderate = 0, high = 0, critical = 0 } = counts;
  console.log(`npm audit --omit=dev: critical ${critical}, high ${high}, moderate ${moderate}, low ${low}, info ${info}`);
  if (high + critical > 0) problems.push(`${high + critical} high/critical advisories (npm audit --omit=dev for details)`);
} else {
  const why = audit.ok ? (report?.message ?? report?.error?.summary ?? "no report") : audit.error;
  console.log(`npm audit --omit=dev: advisory service unreachable (${why.slice(0, 120)}); applying the fallback policy`);
  let behind = 0;
  let checked = 0;
  for (const [name] of runtime) {
    const current = installed(name);
    const view = await npmJson(["view", name, "time", "--json"]);
    if (!view.ok || typeof view.value !== "object" || view.value === null) {
      console.log(`  ${name}: could not ask the registry (${view.ok ? "no publish times" : view.error})`);
      unknown = true;
      continue;
    }
    checked++;
    const verdict = judgeFreshness({ name, installed: current, times: view.value as Record<string, string>, now });
    if (verdict.verdict === "behind") {
      behind++;
      problems.push(
        `${name} ${current} is behind ${verdict.newest} (published ${verdict.publishedAt}, over ${GRACE_DAYS} days ago) within ${verdict.line}: npm install --save-exact ${name}@${verdict.newest}`,
      );
    } else if (verdict.verdict === "recent") {
      warnings.push(
        `${name} ${current}: ${verdict.newest} was published ${verdict.publishedAt} (within ${GRACE_DAYS} days; a finding after that): npm install --save-exact ${name}@${verdict.newest}`,
      );
    }
  }
  console.log(
    `runtime dependencies on the newest release of their line (releases younger than ${GRACE_DAYS} days excepted): ${checked - behind} of ${runtime.length} (behind: ${behind}, not checked: ${runtime.length - checked})`,
  );
}

// ---- 2. SBOM ----------------------------------------------------------------------------------
const sbomPath = join(root, ".next", "sbom.cdx.json");
if (!existsSync(sbomPath)) {
  problems.push("no SBOM at .next/sbom.cdx.json: build with `npm run build`");
  console.log("SBOM: missing");
} else {
  try {
    type Component = { group?: string; name: string; version: string };
    const bom = JSON.parse(readFileSync(sbomPath, "utf8")) as { bomFormat?: string; specVersion?: string; components?: unknown };
    const components = Array.isArray(bom.components) ? (bom.components as Component[]) : [];
    const version = new Map(components.map((c) => [c.group ? `${c.group}/${c.name}` : c.name, c.version]));
    const missing = runtime.filter(([name]) => version.get(name) !== installed(name)).map(([name]) => name);
    const devLeaks = Object.keys(pkg.devDependencies ?? {}).filter((name) => version.has(name) && !runtime.some(([r]) => r === name));
    console.log(
      `SBOM: ${bom.bomFormat} ${bom.specVersion}, ${components.length} components, direct runtime dependencies listed at their installed version: ${runtime.length - missing.length} of ${runtime.length}, dev-only packages listed: ${devLeaks.length}`,
    );
    if (bom.bomFormat !== "CycloneDX") problems.push("SBOM is not CycloneDX");
    if (missing.length) problems.push(`SBOM lacks (or has another version of): ${missing.join(", ")}`);
    if (devLeaks.length) problems.push(`SBOM lists dev-only packages: ${devLeaks.join(", ")}`);
  } catch (e) {
    problems.push(`SBOM is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

for (const w of warnings) console.log(`WARNING: ${w}`);
for (const p of problems) console.log(`FINDING: ${p}`);
if (problems.length) process.exit(1);
if (unknown) {
  console.log("supply chain: could not complete (registry unreachable)");
  process.exit(2);
}
console.log("supply chain: ok");
