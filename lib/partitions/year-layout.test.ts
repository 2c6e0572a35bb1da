import { describe, expect, it } from "vitest";
import { focusMove, tabTarget } from "./year-layout";

describe("year layout", () => {
  it("moves the focus by day, week, week ends, month and year", () => {
    expect(focusMove("2026-01-01", "ArrowLeft", false)).toBe("2025-12-31");
    expect(focusMove("2026-12-31", "ArrowRight", false)).toBe("2027-01-01");
    expect(focusMove("2026-03-02", "ArrowUp", false)).toBe("2026-02-23");
    expect(focusMove("2026-02-26", "ArrowDown", false)).toBe("2026-03-05");
    expect(focusMove("2026-01-01", "Home", false)).toBe("2025-12-29");
    expect(focusMove("2026-01-01", "End", false)).toBe("2026-01-04");
    expect(focusMove("2026-01-31", "PageDown", false)).toBe("2026-02-28");
    expect(focusMove("2024-02-29", "PageUp", true)).toBe("2023-02-28");
    expect(focusMove("2026-01-15", "PageUp", false)).toBe("2025-12-15");
    expect(focusMove("2026-01-15", "Enter", false)).toBeNull();
  });

  it("picks one tab stop per year", () => {
    expect(tabTarget("2025-06-01", "2025", "2026-11-24")).toBe("2025-06-01");
    expect(tabTarget("2024-06-01", "2025", "2026-11-24")).toBe("2025-12-31");
    expect(tabTarget(null, "2026", "2026-11-24")).toBe("2026-11-24");
    expect(tabTarget(null, "2027", "2026-11-24")).toBeNull();
  });

  it("lands on the latest partition, not on today or a later day, when nothing was focused", () => {
    expect(tabTarget(null, "2026", "2026-11-24", "2026-11-23")).toBe("2026-11-23");
    expect(tabTarget(null, "2026", "2026-11-24", "2026-12-31")).toBe("2026-11-24");
    expect(tabTarget(null, "2025", "2026-01-01", "2025-12-31")).toBe("2025-12-31");
    expect(tabTarget(null, "2026", "2026-01-01", "2025-12-31")).toBe("2026-01-01");
    expect(tabTarget(null, "2024", "2026-11-24", "2026-11-23")).toBe("2024-12-31");
  });
});
