import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A PGlite data directory with every migration applied, dumped once and loaded by each database
 * test file: starting PGlite from it skips initdb and the migrations, about 5× faster than an empty
 * start (the suite opens one database per file). Named by a hash of the migrations and PGlite's
 * version, so a new migration or upgrade makes a new one and a stale one is never loaded.
 */
export function pgliteTemplatePath(root: string): string {
  const hash = createHash("sha256");
  const drizzle = join(root, "drizzle");
  for (const f of readdirSync(drizzle, { recursive: true, encoding: "utf8" }).sort()) {
    if (!f.endsWith(".sql") && !f.endsWith(".json")) continue;
    hash.update(f).update(readFileSync(join(drizzle, f)));
  }
  const pglite = JSON.parse(readFileSync(join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string };
  hash.update(pglite.version);
  return join(root, ".data", "test-pglite-template", `${hash.digest("hex").slice(0, 16)}.tar`);
}

/** Writes the template when it is missing (atomically: two runs at once each write a whole file). */
export async function ensurePgliteTemplate(root: string): Promise<string> {
  const path = pgliteTemplatePath(root);
  if (existsSync(path)) return path;
  const { PGlite } = await import("@electric-sql/pglite");
  const { migratePglite } = await import("@/lib/db/migrate");
  const client = new PGlite();
  try {
    await client.waitReady;
    await migratePglite(client);
    const dump = await client.dumpDataDir("none");
    mkdirSync(join(path, ".."), { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  } finally {
    await client.close();
  }
  return path;
}

/** Read once per worker: a worker runs many database files one after another (isolate: false). */
const loaded = new Map<string, Blob>();

/** The template as PGlite loads it, or undefined when this run has none (a PostgreSQL run). */
export function readPgliteTemplate(path: string | undefined): Blob | undefined {
  if (!path) return undefined;
  let blob = loaded.get(path);
  if (!blob) {
    blob = new Blob([readFileSync(path)]);
    loaded.set(path, blob);
  }
  return blob;
}
