// Supply-chain checks, printed as counts; exit 1 on a finding, 2 when a check could not run.
//
// 1. Known vulnerabilities in runtime dependencies: `npm audit --omit=dev`; any high or critical
//    advisory fails. Where the registry's advisory endpoint is unreachable (these machines get
//    405: see ../shared/stack.md) the fallback policy applies instead, and says so: every direct
//    runtime dependency must be on the newest release of its major version (security fixes land
//    there first), checked with `npm view <name>@^<major> version`.
// 2. The SBOM the build writes (.next/sbom.cdx.json, scripts/sbom.mjs) exists, is CycloneDX, lists
//    every direct runtime dependency at the installed version, and no dev-only package.
//
// Usage: node scripts/supply-chain.mjs   (after `npm run build`)
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const exec = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const runtime = Object.entries(pkg.dependencies ?? {});
const problems = [];
let unknown = false;

async function npmJson(args) {
  try {
    const { stdout } = await exec(npm, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, value: JSON.parse(stdout) };
  } catch (e) {
    // npm audit exits 1 when it finds something; its JSON is still on stdout.
    try {
      return { ok: true, value: JSON.parse(e.stdout ?? "") };
    } catch {
      return { ok: false, error: String(e.stderr ?? e.message).split("\n").find((l) => /error|warn/i.test(l)) ?? String(e.message) };
    }
  }
}

const installed = (name) => JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
const cmp = (a, b) => {
  const pa = a.split(/[.+-]/).map(Number);
  const pb = b.split(/[.+-]/).map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

// ---- 1. vulnerabilities -----------------------------------------------------------------------
const audit = await npmJson(["audit", "--omit=dev", "--json"]);
const counts = audit.ok ? audit.value?.metadata?.vulnerabilities : undefined;
if (counts) {
  const { info = 0, low = 0, moderate = 0, high = 0, critical = 0 } = counts;
  console.log(`npm audit --omit=dev: critical ${critical}, high ${high}, moderate ${moderate}, low ${low}, info ${info}`);
  if (high + critical > 0) problems.push(`${high + critical} high/critical advisories (npm audit --omit=dev for details)`);
} else {
  const why = audit.ok ? (audit.value?.message ?? audit.value?.error?.summary ?? "no report") : audit.error;
  console.log(`npm audit --omit=dev: advisory service unreachable (${why.slice(0, 120)}); applying the fallback policy`);
  let behind = 0;
  let checked = 0;
  for (const [name] of runtime) {
    const current = installed(name);
    const major = current.split(".")[0];
    const view = await npmJson(["view", `${name}@^${major}.0.0`, "version", "--json"]);
    if (!view.ok) {
      console.log(`  ${name}: could not ask the registry (${view.error})`);
      unknown = true;
      continue;
    }
    checked++;
    const versions = (Array.isArray(view.value) ? view.value : [view.value]).filter((v) => typeof v === "string" && !v.includes("-"));
    const newest = versions.sort(cmp).at(-1) ?? current;
    if (cmp(current, newest) < 0) {
      behind++;
      problems.push(`${name} ${current} is behind ${newest} within major ${major}`);
    }
  }
  console.log(`runtime dependencies on the newest release of their major: ${checked - behind} of ${runtime.length} (behind: ${behind}, not checked: ${runtime.length - checked})`);
}

// ---- 2. SBOM ----------------------------------------------------------------------------------
const sbomPath = join(root, ".next", "sbom.cdx.json");
if (!existsSync(sbomPath)) {
  problems.push("no SBOM at .next/sbom.cdx.json: build with `npm run build`");
  console.log("SBOM: missing");
} else {
  try {
    const bom = JSON.parse(readFileSync(sbomPath, "utf8"));
    const components = Array.isArray(bom.components) ? bom.components : [];
    const version = new Map(components.map((c) => [c.group ? `${c.group}/${c.name}` : c.name, c.version]));
    const missing = runtime.filter(([name]) => version.get(name) !== installed(name)).map(([name]) => name);
    const devLeaks = Object.keys(pkg.devDependencies ?? {}).filter((name) => version.has(name) && !runtime.some(([r]) => r === name));
    console.log(`SBOM: ${bom.bomFormat} ${bom.specVersion}, ${components.length} components, direct runtime dependencies listed at their installed version: ${runtime.length - missing.length} of ${runtime.length}, dev-only packages listed: ${devLeaks.length}`);
    if (bom.bomFormat !== "CycloneDX") problems.push("SBOM is not CycloneDX");
    if (missing.length) problems.push(`SBOM lacks (or has another version of): ${missing.join(", ")}`);
    if (devLeaks.length) problems.push(`SBOM lists dev-only packages: ${devLeaks.join(", ")}`);
  } catch (e) {
    problems.push(`SBOM is not valid JSON (${e.message})`);
  }
}

for (const p of problems) console.log(`FINDING: ${p}`);
if (problems.length) process.exit(1);
if (unknown) {
  console.log("supply chain: could not complete (registry unreachable)");
  process.exit(2);
}
console.log("supply chain: ok");
