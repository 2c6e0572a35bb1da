import { describe, expect, it } from "vitest";
import { isMarkableGranularity, MARKABLE_GRANULARITIES } from "./granularity";

describe("isMarkableGranularity", () => {
  it("accepts exactly DAY and MONTH", () => {
    expect(isMarkableGranularity("DAY")).toBe(true);
    expect(isMarkableGranularity("MONTH")).toBe(true);
    expect(MARKABLE_GRANULARITIES).toEqual(["DAY", "MONTH"]);
  });
  it.each(["day", "Month", " DAY", "WEEK", "YEAR", "QUARTER", "HOUR", ""])("rejects %j", (g) => {
    expect(isMarkableGranularity(g)).toBe(false);
  });
});
