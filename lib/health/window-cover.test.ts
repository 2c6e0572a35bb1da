import { describe, expect, it } from "vitest";
import { windowCoverage } from "./window-cover";

describe("window coverage of the pages read", () => {
  it("is covered by a newest-first page that reaches the window's start", () => {
    expect(windowCoverage(["2026-03-01", "2026-02-28", "2026-01-30"], true, "2026-01-31", "DAY")).toBe("covered");
    expect(windowCoverage(["2026-03-01", "2026-01-31"], true, "2026-01-31", "DAY")).toBe("covered");
  });

  it("needs the next page while the oldest value read is inside the window", () => {
    expect(windowCoverage(["2026-03-01", "2026-02-01"], true, "2026-01-31", "DAY")).toBe("more");
    // Gaps do not matter: only where the pages end does.
    expect(windowCoverage(["2026-03-01", "2026-02-10", "2026-02-01", "2026-01-29"], true, "2026-01-31", "DAY")).toBe("covered");
  });

  it("is covered when the list ends, whatever its order", () => {
    expect(windowCoverage(["2026-02-10"], false, "2026-01-31", "DAY")).toBe("covered");
    expect(windowCoverage(["2026-01-01", "2026-02-10"], false, "2026-01-31", "DAY")).toBe("covered");
    expect(windowCoverage([], false, "2026-01-31", "DAY")).toBe("covered");
  });

  it("proves nothing when the values are not newest first (the docs only show it in an example)", () => {
    expect(windowCoverage(["2025-01-01", "2025-01-02"], true, "2026-01-31", "DAY")).toBe("unordered");
    expect(windowCoverage(["2026-03-01", "2026-01-01", "2026-02-15"], true, "2026-01-31", "DAY")).toBe("unordered");
  });

  it("skips values that are not keys, and reads a MONTH plan's day values as months", () => {
    expect(windowCoverage(["2026-03-01", "garbage", "2026-01-15"], true, "2026-01-31", "DAY")).toBe("covered");
    expect(windowCoverage(["2026-02-01", "2026-01-01", "2025-03-01"], true, "2025-03", "MONTH")).toBe("covered");
    expect(windowCoverage(["202602", "202601"], true, "2025-03", "MONTH")).toBe("more");
  });

  it("needs more when a page came back empty but CAN says more follow", () => {
    expect(windowCoverage([], true, "2026-01-31", "DAY")).toBe("more");
  });
});
