import { describe, expect, it } from "vitest";
import type { PartitionItem } from "@/lib/can/types";
import { createListingProgress, type ListingPrefix } from "./listing-progress";

const prefix = (...pages: string[][]): ListingPrefix => ({ pages: pages.map((p) => p.map((value): PartitionItem => ({ value }))), pageCount: 9 });
const longerThan = (n: number) => (p: ListingPrefix) => (p.pages.length > n ? "take" : "wait");

describe("createListingProgress", () => {
  it("gives a waiter the first prefix it takes, whether already reported or reported later", async () => {
    const progress = createListingProgress();
    progress.report(prefix(["a"], ["b"]));
    const early = progress.when(longerThan(0));
    const late = progress.when(longerThan(2));
    progress.report(prefix(["a"], ["b"], ["c"]));
    progress.report(prefix(["a"], ["b"], ["c"], ["d"]));
    expect((await early)?.pages).toHaveLength(2);
    expect((await late)?.pages).toHaveLength(3);
  });

  it("answers null to a waiter that gives up, and to every waiter once the read is over", async () => {
    const progress = createListingProgress();
    const givesUp = progress.when(() => "never");
    const waiting = progress.when(longerThan(5));
    progress.report(prefix(["a"]));
    expect(await givesUp).toBeNull();
    progress.end();
    expect(await waiting).toBeNull();
    expect(await progress.when(longerThan(0))).toBeNull();
  });
});
