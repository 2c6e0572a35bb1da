// Decides whether `.next` is older than the sources it was built from.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "./processes";

const SOURCES = [
  "app",
  "components",
  "lib",
  "sandbox",
  "public",
  "next.config.js",
  "postcss.config.mjs",
  "tailwind.config.ts",
  "tsconfig.json",
  "package-lock.json",
  "drizzle",
  "proxy.ts",
  "instrumentation.ts",
];

function* walk(path: string): Generator<string> {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    yield* walk(join(path, entry));
  }
}

export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const source of SOURCES) {
    for (const file of walk(join(root, source))) {
      hash.update(file).update(readFileSync(file));
    }
  }
  return hash.digest("hex");
}

const stampPath = (root: string) => join(root, ".next", "source-stamp");

export function buildIsCurrent(root: string): boolean {
  return existsSync(join(root, ".next", "BUILD_ID")) && existsSync(stampPath(root)) && readFileSync(stampPath(root), "utf8") === sourceFingerprint(root);
}

export function recordBuild(root: string): void {
  writeFileSync(stampPath(root), sourceFingerprint(root));
}

/**
 * Builds the app when its sources changed since the last build (`npm start`, the bench, the soak).
 * Resolves with the build's exit code, 0 when no build was needed. `prefix` starts each line it prints.
 */
export async function buildIfStale(root: string, env: NodeJS.ProcessEnv, prefix = ""): Promise<number> {
  if (buildIsCurrent(root)) return 0;
  console.log(`${prefix}Building the app (sources changed since the last build)…`);
  const code = await run("npx", ["next", "build"], { cwd: root, env });
  if (code !== 0) console.error(`${prefix}The build failed; see the messages above.`);
  else recordBuild(root);
  return code;
}
