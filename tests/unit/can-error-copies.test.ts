import { describe, expect, it, vi } from "vitest";
import { toAppError } from "@/lib/api/to-app-error";
import { CanError } from "@/lib/can/errors";

// Next loads a module once per bundle layer, and a read shared on globalThis can hand one layer an
// error built by another layer's copy of CanError. It must still be known as CAN's refusal.
describe("a CanError made by another copy of lib/can/errors", () => {
  it("is a CanError here, and maps to CAN's refusal, not an internal error", async () => {
    vi.resetModules();
    const copy = await import("@/lib/can/errors");
    expect(copy.CanError).not.toBe(CanError);
    const e = new copy.CanError({ endpoint: "queryMtPartitionList", requestId: "req-2", kind: "rejected", errorMsg: "partition store offline" });
    expect(e instanceof CanError).toBe(true);
    expect(toAppError(e, "plan.calendar")).toMatchObject({ code: "UPSTREAM_REJECTED", message: e.message });
  });

  it("is not claimed by other errors", () => {
    expect(new Error("x") instanceof CanError).toBe(false);
    expect(Object.assign(new Error("x"), { name: "CanError", details: {} }) instanceof CanError).toBe(false);
    expect(CanError[Symbol.hasInstance](null)).toBe(false);
  });
});
