import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * npm test's Playwright shards, split by measured time instead of Playwright's `--shard` (which cuts
 * the file list in order: 9.9 and 11.6 min on 2026-12-05). Each spec file goes whole to the shard
 * with the least time so far, longest first; a file not yet measured weighs the median. The split
 * depends only on the files and the committed weights, so the same commit always runs the same shards.
 */
export function splitByWeight(files: readonly string[], seconds: Readonly<Record<string, number>>, shards: number): string[][] {
  const known = files
    .map((f) => seconds[f])
    .filter((s): s is number => s !== undefined)
    .sort((a, b) => a - b);
  const fallback = known[Math.floor(known.length / 2)] ?? 1;
  const weighed = files.map((file) => ({ file, weight: seconds[file] ?? fallback }));
  // Heaviest first; the name breaks ties so the order never depends on the file system's.
  weighed.sort((a, b) => b.weight - a.weight || a.file.localeCompare(b.file));
  const bins = Array.from({ length: shards }, () => ({ total: 0, files: [] as string[] }));
  for (const { file, weight } of weighed) {
    const lightest = bins.reduce((min, bin) => (bin.total < min.total ? bin : min));
    lightest.files.push(file);
    lightest.total += weight;
  }
  return bins.map((bin) => bin.files.sort());
}

/** Every spec file under e2e/, as repository paths with forward slashes (the weights' keys). */
export function e2eSpecFiles(root: string): string[] {
  const dir = join(root, "e2e");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".spec.ts"))
    .map((f) => relative(root, join(dir, f)).split(sep).join("/"))
    .sort();
}

export function readShardWeights(root: string): Record<string, number> {
  const parsed = JSON.parse(readFileSync(join(root, "e2e", "shard-weights.json"), "utf8")) as { seconds?: Record<string, number> };
  return parsed.seconds ?? {};
}
