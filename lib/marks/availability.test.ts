import { describe, expect, it } from "vitest";
import { markAvailability, shortcutMark } from "./availability";

const today = { key: "2026-12-05", zone: "UTC" };
const past = [{ start: "2026-11-01", end: "2026-11-03" }];
const reachingFuture = [{ start: "2026-12-04", end: "2026-12-07" }];

describe("markAvailability", () => {
  it("allows every mark for a past selection by a role that can mark", () => {
    expect(markAvailability({ g: "DAY", selection: past, readOnly: false, canMark: true, today }).enabled).toEqual({
      success: true,
      failed: true,
      clear: true,
    });
  });

  it("allows nothing without a selection, on a read-only plan, or for a role that cannot mark", () => {
    const none = { success: false, failed: false, clear: false };
    expect(markAvailability({ g: "DAY", selection: [], readOnly: false, canMark: true, today }).enabled).toEqual(none);
    expect(markAvailability({ g: "DAY", selection: past, readOnly: true, canMark: true, today }).enabled).toEqual(none);
    expect(markAvailability({ g: "DAY", selection: past, readOnly: false, canMark: false, today }).enabled).toEqual(none);
  });

  it("refuses success and failed, not clear, for a selection that reaches past today", () => {
    const a = markAvailability({ g: "DAY", selection: reachingFuture, readOnly: false, canMark: true, today });
    expect(a.enabled).toEqual({ success: false, failed: false, clear: true });
    expect(a.future?.partitions).toBe(2);
  });
});

describe("shortcutMark", () => {
  const key = (k: string, extra: Partial<Parameters<typeof shortcutMark>[0]> = {}) =>
    shortcutMark({ key: k, ctrlKey: false, metaKey: false, altKey: false, repeat: false, target: null, ...extra });
  const field = { isContentEditable: false, closest: (s: string) => (s.includes("input") ? {} : null) };
  const cell = { isContentEditable: false, closest: () => null };

  it("maps S, F and C (either case) to their marks", () => {
    expect([key("s"), key("F"), key("c"), key("x")]).toEqual(["success", "failed", "clear", null]);
    expect(key("s", { target: cell })).toBe("success");
  });

  it("ignores modified and repeated keys and anything typed in a field", () => {
    expect(key("s", { ctrlKey: true })).toBeNull();
    expect(key("s", { metaKey: true })).toBeNull();
    expect(key("s", { altKey: true })).toBeNull();
    expect(key("s", { repeat: true })).toBeNull();
    expect(key("s", { target: field })).toBeNull();
    expect(key("s", { target: { isContentEditable: true } })).toBeNull();
  });
});
