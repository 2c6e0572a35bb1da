import { describe, expect, it } from "vitest";
import { e2eSpecFiles, readShardWeights, splitByWeight } from "../support/e2e-shards";

const root = new URL("../..", import.meta.url).pathname;

describe("npm test's e2e shards", () => {
  it("puts each file in exactly one shard, heaviest first to the lightest shard", () => {
    const shards = splitByWeight(["a", "b", "c", "d"], { a: 10, b: 6, c: 5, d: 1 }, 2);
    expect(shards).toEqual([
      ["a", "d"],
      ["b", "c"],
    ]);
  });

  it("weighs a file not yet measured as the median of the others", () => {
    expect(splitByWeight(["a", "b", "c", "new"], { a: 10, b: 4, c: 6 }, 2)).toEqual([
      ["a", "b"],
      ["c", "new"],
    ]);
  });

  it("splits every spec file of the repository, with a weight for each, into shards within 10 % of each other", () => {
    const files = e2eSpecFiles(root);
    const weights = readShardWeights(root);
    expect(files.length).toBeGreaterThan(30);
    expect(files.filter((f) => weights[f] === undefined)).toEqual([]);
    const shards = splitByWeight(files, weights, 2);
    expect(shards.flat().sort()).toEqual(files);
    const totals = shards.map((s) => s.reduce((sum, f) => sum + (weights[f] ?? 0), 0));
    expect(Math.min(...totals) / Math.max(...totals)).toBeGreaterThan(0.9);
  });
});
