import { describe, expect, it } from "vitest";
import { orderRows, type RowHealth } from "./order";

const row = (name: string, displayName = name) => ({ uuid: name, name, displayName });
const rows = [row("a_fresh", "Zeta"), row("b_late2", "Alpha"), row("c_result", "Mid"), row("d_late9", "Beta"), row("e_gap", "Gamma"), row("f_down", "Delta")];
const health: Record<string, RowHealth> = {
  a_fresh: { state: "grid", attention: false, lateDays: 0 },
  b_late2: { state: "grid", attention: true, lateDays: 2 },
  c_result: { state: "none" },
  d_late9: { state: "grid", attention: true, lateDays: 9 },
  e_gap: { state: "grid", attention: true, lateDays: 0 },
  f_down: { state: "error" },
};
const of = (h: Record<string, RowHealth>) => (uuid: string) => h[uuid] ?? { state: "loading" };
const names = (r: { name: string }[]) => r.map((x) => x.name);

describe("plans page order", () => {
  it("puts plans needing attention first by default, the latest first among them", () => {
    expect(names(orderRows(rows, of(health), undefined, false))).toEqual(["d_late9", "b_late2", "e_gap", "f_down", "a_fresh", "c_result"]);
  });

  it("sorts by lateness, a plan with no success known first, rows without freshness last", () => {
    const h = { ...health, e_gap: { state: "grid", attention: true, lateDays: null } as RowHealth };
    expect(names(orderRows(rows, of(h), "lateness", false))).toEqual(["e_gap", "d_late9", "b_late2", "a_fresh", "c_result", "f_down"]);
  });

  it("sorts by display name", () => {
    expect(names(orderRows(rows, of(health), "name", false))).toEqual(["b_late2", "d_late9", "f_down", "e_gap", "c_result", "a_fresh"]);
  });

  it("keeps only the plans needing attention, once every row's health is known", () => {
    expect(names(orderRows(rows, of(health), undefined, true))).toEqual(["d_late9", "b_late2", "e_gap", "f_down"]);
    const partial = { ...health, a_fresh: { state: "loading" } as RowHealth };
    expect(orderRows(rows, of(partial), "name", true)).toHaveLength(rows.length);
  });
});
