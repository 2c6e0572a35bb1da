import { describe, expect, it } from "vitest";
import { readAge } from "./read-age";

describe("readAge", () => {
  const readAt = "2026-12-05T10:00:00.000Z";
  const after = (ms: number) => Date.parse(readAt) + ms;

  it("grows from now to minutes, hours and days", () => {
    expect(readAge(readAt, after(0))).toEqual({ unit: "now", n: 0 });
    expect(readAge(readAt, after(59_999))).toEqual({ unit: "now", n: 0 });
    expect(readAge(readAt, after(60_000))).toEqual({ unit: "minutes", n: 1 });
    expect(readAge(readAt, after(3 * 60_000 + 30_000))).toEqual({ unit: "minutes", n: 3 });
    expect(readAge(readAt, after(60 * 60_000))).toEqual({ unit: "hours", n: 1 });
    expect(readAge(readAt, after(47 * 3_600_000))).toEqual({ unit: "hours", n: 47 });
    expect(readAge(readAt, after(72 * 3_600_000))).toEqual({ unit: "days", n: 3 });
  });

  it("reads a clock behind the server's as now", () => {
    expect(readAge(readAt, after(-5_000))).toEqual({ unit: "now", n: 0 });
  });
});
