// Runs after `next build` (npm run build): writes the runtime dependencies as a CycloneDX SBOM to
// .next/sbom.cdx.json, beside the build it describes. `npm sbom` reads the lockfile and node_modules
// only: no network. Exits non-zero when npm fails or writes something that is not an SBOM.
//
// npm 11's `--omit dev` drops some packages the app needs at run time (here zod, tsx and what tsx
// pulls in: packages that dev tools reach too, through optional peer edges such as better-auth →
// drizzle-kit). So the runtime closure is computed from the installed packages' own
// `dependencies` + `optionalDependencies` (never peers), and any package of it that npm left out
// is taken over from npm's full SBOM, unchanged. The log says how many were added.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SBOM_PATH = join(root, ".next", "sbom.cdx.json");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

type Component = { group?: string; name: string; version: string; "bom-ref"?: string };
type Bom = {
  bomFormat?: string;
  specVersion?: string;
  metadata?: { component?: { "bom-ref"?: string } };
  components: Component[];
  dependencies?: { ref: string; dependsOn?: string[] }[];
};
type PackageJson = { version: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };

function sbom(extra: string[]): Bom {
  const text = execFileSync(npm, ["sbom", "--sbom-format", "cyclonedx", ...extra], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(text) as Bom;
}

/** name@version of every package the runtime dependencies need, following Node's resolution from each package's folder. */
function runtimeClosure(): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (name: string, fromDir: string): void => {
    let dir = fromDir;
    for (;;) {
      const candidate = join(dir, "node_modules", name);
      if (existsSync(join(candidate, "package.json"))) break;
      const up = dirname(dir);
      if (up === dir) return; // an optional dependency not installed for this platform
      dir = up;
    }
    const pkgDir = join(dir, "node_modules", name);
    const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as PackageJson;
    const key = `${name}@${pkg.version}`;
    if (seen.has(key)) return;
    seen.set(key, pkgDir);
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep, pkgDir);
  };
  const rootPkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as PackageJson;
  for (const dep of Object.keys({ ...rootPkg.dependencies, ...rootPkg.optionalDependencies })) visit(dep, root);
  return seen;
}

const bom = sbom(["--omit", "dev"]);
if (bom.bomFormat !== "CycloneDX" || !Array.isArray(bom.components) || bom.components.length === 0) {
  console.error("sbom: npm sbom did not produce a CycloneDX document with components");
  process.exit(1);
}
const nameOf = (c: Component) => `${c.group ? `${c.group}/` : ""}${c.name}@${c.version}`;
const have = new Set(bom.components.map(nameOf));
const needed = runtimeClosure();
const dropped = [...needed.keys()].filter((k) => !have.has(k));
if (dropped.length > 0) {
  const full = sbom([]);
  const byName = new Map(full.components.map((c) => [nameOf(c), c]));
  for (const key of dropped) {
    const c = byName.get(key);
    if (c) bom.components.push(c);
  }
  const refs = new Set(bom.components.map((c) => c["bom-ref"]));
  bom.dependencies = (full.dependencies ?? [])
    .filter((d) => refs.has(d.ref) || d.ref === bom.metadata?.component?.["bom-ref"])
    .map((d) => ({ ...d, dependsOn: (d.dependsOn ?? []).filter((r) => refs.has(r)) }));
}
mkdirSync(dirname(SBOM_PATH), { recursive: true });
writeFileSync(SBOM_PATH, `${JSON.stringify(bom, null, 2)}\n`);
console.log(
  `sbom: ${bom.components.length} runtime components (CycloneDX ${bom.specVersion}; ${dropped.length} that npm --omit dev left out, added) → .next/sbom.cdx.json`,
);
