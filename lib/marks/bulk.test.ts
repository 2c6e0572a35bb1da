import { describe, expect, it } from "vitest";
import { expectedConfirmation, groupByGranularity, isBulkSelectable, plansToRetry, selectAllOnPage, sharedGranularity, type BulkCandidate } from "./bulk";

const plan = (uuid: string, over: Partial<BulkCandidate> = {}): BulkCandidate => ({
  uuid,
  materializeType: "EXTERNAL",
  granularity: "DAY",
  isFullRefresh: false,
  ...over,
});

describe("bulk selection", () => {
  it("takes only EXTERNAL plans with a DAY or MONTH grid", () => {
    expect(isBulkSelectable(plan("a"))).toBe(true);
    expect(isBulkSelectable(plan("m", { granularity: "month" }))).toBe(true);
    expect(isBulkSelectable(plan("r", { materializeType: "RESULT" }))).toBe(false);
    expect(isBulkSelectable(plan("f", { isFullRefresh: true }))).toBe(false);
    expect(isBulkSelectable(plan("u", { isFullRefresh: null }))).toBe(false); // details unreadable
    expect(isBulkSelectable(plan("w", { granularity: "WEEK" }))).toBe(false);
    expect(isBulkSelectable(plan("n", { granularity: null }))).toBe(false);
  });

  it("select all on the page adds the selectable rows to the selection", () => {
    const rows = [plan("a"), plan("r", { materializeType: "ACCELERATE" }), plan("b", { granularity: "MONTH" })];
    expect([...selectAllOnPage(new Set(["z"]), rows)].sort()).toEqual(["a", "b", "z"]);
  });

  it("groups by granularity in first-seen order and leaves out what cannot be marked", () => {
    const groups = groupByGranularity([
      plan("m1", { granularity: "MONTH" }),
      plan("d1"),
      plan("x", { materializeType: "RESULT" }),
      plan("m2", { granularity: "MONTH" }),
    ]);
    expect(groups.map((g) => [g.granularity, g.plans.map((p) => p.uuid)])).toEqual([
      ["MONTH", ["m1", "m2"]],
      ["DAY", ["d1"]],
    ]);
  });

  it("needs one shared granularity", () => {
    expect(sharedGranularity([plan("a"), plan("b")])).toEqual({ ok: true, granularity: "DAY" });
    expect(sharedGranularity([plan("a"), plan("m", { granularity: "MONTH" })])).toEqual({ ok: false, why: "mixed", granularities: ["DAY", "MONTH"] });
    expect(sharedGranularity([plan("m", { granularity: "MONTH" }), plan("a")])).toEqual({ ok: false, why: "mixed", granularities: ["DAY", "MONTH"] });
    expect(sharedGranularity([])).toEqual({ ok: false, why: "none" });
  });
});

describe("bulk confirmation and retry", () => {
  it("asks for the number of plans, or the plan's name when there is one plan", () => {
    expect(expectedConfirmation("orders_daily", 3)).toBe("3");
    expect(expectedConfirmation("orders_daily", 1)).toBe("orders_daily");
    expect(expectedConfirmation("orders_daily")).toBe("orders_daily");
  });

  it("retries only the failed plans, in order", () => {
    const results = [
      { planUuid: "a", ok: true },
      { planUuid: "b", ok: false },
      { planUuid: "c", ok: true },
      { planUuid: "d", ok: false },
    ];
    expect(plansToRetry(results)).toEqual(["b", "d"]);
    expect(plansToRetry(results.filter((r) => r.ok))).toEqual([]);
  });
});
