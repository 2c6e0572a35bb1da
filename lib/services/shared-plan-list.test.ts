import { beforeEach, describe, expect, it } from "vitest";
import type { PlanSummary } from "@/lib/can/types";
import { forgetSharedPlanListsForTests, sharedPlanList } from "./shared-plan-list";

const plans = (n: number): PlanSummary[] =>
  Array.from({ length: n }, (_, i) => ({ uuid: `u${i}`, name: `p${i}`, displayName: `P${i}`, materializeType: "EXTERNAL" }));

/** A reader that counts its calls and answers when told. */
function reader() {
  let calls = 0;
  const pending: { resolve: (p: PlanSummary[]) => void; reject: (e: Error) => void }[] = [];
  const read = () => {
    calls++;
    return new Promise<PlanSummary[]>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return { read, calls: () => calls, answer: (p: PlanSummary[]) => pending.shift()?.resolve(p), fail: (e: Error) => pending.shift()?.reject(e) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => forgetSharedPlanListsForTests());

describe("sharedPlanList", () => {
  it("gives requests at once one read, and reuses it within the window only", async () => {
    const r = reader();
    const at = Date.now();
    const both = [sharedPlanList("acme", r.read, { ttlMs: 10_000 }), sharedPlanList("acme", r.read, { ttlMs: 10_000 })];
    r.answer(plans(3));
    expect((await Promise.all(both)).map((p) => p.length)).toEqual([3, 3]);
    await tick();
    expect(await sharedPlanList("acme", r.read, { ttlMs: 10_000, nowMs: at + 5_000 })).toHaveLength(3);
    expect(r.calls()).toBe(1);

    const later = sharedPlanList("acme", r.read, { ttlMs: 10_000, nowMs: Date.now() + 10_001 });
    r.answer(plans(4));
    expect(await later).toHaveLength(4);
    expect(r.calls()).toBe(2);
  });

  it("keeps tenants apart", async () => {
    const r = reader();
    const reads = [sharedPlanList("acme", r.read, { ttlMs: 10_000 }), sharedPlanList("globex", r.read, { ttlMs: 10_000 })];
    r.answer(plans(1));
    r.answer(plans(2));
    expect((await Promise.all(reads)).map((p) => p.length)).toEqual([1, 2]);
    expect(r.calls()).toBe(2);
  });

  it("keeps no failed read, and with a window of 0 shares only a read in flight", async () => {
    const r = reader();
    const failing = sharedPlanList("acme", r.read, { ttlMs: 10_000 });
    r.fail(new Error("CAN refused"));
    await expect(failing).rejects.toThrow("CAN refused");
    await tick();
    const again = sharedPlanList("acme", r.read, { ttlMs: 0 });
    const joined = sharedPlanList("acme", r.read, { ttlMs: 0 });
    r.answer(plans(2));
    expect(await again).toHaveLength(2);
    expect(await joined).toHaveLength(2);
    expect(r.calls()).toBe(2);
    await tick();
    const fresh = sharedPlanList("acme", r.read, { ttlMs: 0 });
    r.answer(plans(5));
    expect(await fresh).toHaveLength(5);
    expect(r.calls()).toBe(3);
  });
});
