// Decides whether `.next` is older than the sources it was built from.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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
