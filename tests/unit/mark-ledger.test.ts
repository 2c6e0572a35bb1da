import { describe, expect, it } from "vitest";
import { checkFinalState, type AckedMark, type PartitionState } from "../support/mark-ledger";

const mark = (id: string, keys: string[], result: PartitionState, sentAt: number, ackedAt: number): AckedMark => ({ id, keys, result, sentAt, ackedAt });
const from = (m: Record<string, PartitionState>) => (k: string) => m[k] ?? "missing";

describe("checkFinalState", () => {
  it("accepts the later of two sequential marks and refuses the earlier", () => {
    const marks = [mark("a", ["d1"], "success", 0, 10), mark("b", ["d1"], "failed", 20, 30)];
    expect(checkFinalState(["d1"], from({}), from({ d1: "failed" }), marks)).toEqual([]);
    expect(checkFinalState(["d1"], from({}), from({ d1: "success" }), marks)).toEqual([{ key: "d1", final: "success", allowed: ["failed"] }]);
  });

  it("accepts either result of two overlapping marks, but nothing else", () => {
    const marks = [mark("a", ["d1"], "success", 0, 30), mark("b", ["d1"], "missing", 10, 20)];
    expect(checkFinalState(["d1"], from({}), from({ d1: "success" }), marks)).toEqual([]);
    expect(checkFinalState(["d1"], from({}), from({}), marks)).toEqual([]);
    expect(checkFinalState(["d1"], from({}), from({ d1: "failed" }), marks)).toHaveLength(1);
  });

  it("keeps untouched partitions as they were", () => {
    expect(checkFinalState(["d2"], from({ d2: "failed" }), from({ d2: "failed" }), [])).toEqual([]);
    expect(checkFinalState(["d2"], from({ d2: "failed" }), from({}), [])).toHaveLength(1);
  });
});
