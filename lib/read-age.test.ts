import { describe, expect, it } from "vitest";
import { ageLabel } from "./read-age";

describe("ageLabel", () => {
  const readAt = "2026-12-05T10:00:00.000Z";
  const after = (ms: number) => Date.parse(readAt) + ms;

  it("grows from just now to minutes, hours and days", () => {
    expect(ageLabel(readAt, after(0))).toBe("just now");
    expect(ageLabel(readAt, after(59_999))).toBe("just now");
    expect(ageLabel(readAt, after(60_000))).toBe("1 min ago");
    expect(ageLabel(readAt, after(3 * 60_000 + 30_000))).toBe("3 min ago");
    expect(ageLabel(readAt, after(60 * 60_000))).toBe("1 h ago");
    expect(ageLabel(readAt, after(47 * 3_600_000))).toBe("47 h ago");
    expect(ageLabel(readAt, after(72 * 3_600_000))).toBe("3 days ago");
  });

  it("reads a clock behind the server's as just now", () => {
    expect(ageLabel(readAt, after(-5_000))).toBe("just now");
  });
});
