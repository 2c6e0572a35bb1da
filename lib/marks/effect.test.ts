import { describe, expect, it } from "vitest";
import { markEffect } from "./effect";

describe("markEffect", () => {
  it("keeps partitions already in the target status apart from those that change", () => {
    expect(markEffect("success", { success: 2918, missing: 3, failed: 2, outside: 1 })).toEqual({
      target: "success",
      changing: [
        { from: "failed", count: 2 },
        { from: "missing", count: 3 },
        { from: "outside", count: 1 },
      ],
      changingTotal: 6,
      unchanged: 2918,
    });
  });

  it("says when nothing changes", () => {
    expect(markEffect("success", { success: 2918 })).toMatchObject({ changing: [], changingTotal: 0, unchanged: 2918 });
    expect(markEffect("failed", { failed: 4, success: 0 })).toMatchObject({ changingTotal: 0, unchanged: 4 });
    expect(markEffect("clear", { cleared: 2 })).toMatchObject({ target: "cleared", changingTotal: 0, unchanged: 2 });
  });

  it("counts a clear of success partitions as a change", () => {
    expect(markEffect("clear", { success: 5, cleared: 1 })).toMatchObject({ changing: [{ from: "success", count: 5 }], changingTotal: 5, unchanged: 1 });
  });

  it("has no single effect for a refresh or a mixed mark", () => {
    expect(markEffect("refresh", {})).toBeNull();
    expect(markEffect("mixed", { success: 1 })).toBeNull();
  });
});
