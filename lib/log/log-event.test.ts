import { afterEach, describe, expect, it, vi } from "vitest";
import { withLogContext } from "./context";
import { logEvent } from "./log-event";

afterEach(() => vi.restoreAllMocks());

function captured(fn: () => void): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(JSON.parse(String(line)) as Record<string, unknown>));
  fn();
  return lines;
}

describe("logEvent", () => {
  it("writes one JSON line with time, level and event, then the caller's fields", () => {
    const [line] = captured(() => logEvent("warn", "can.call_failed", { endpoint: "updatePartition" }));
    expect(line).toMatchObject({ level: "warn", event: "can.call_failed", endpoint: "updatePartition" });
    expect(Number.isNaN(Date.parse(String(line?.time)))).toBe(false);
  });

  it("adds the request's context, nested contexts merged, and the caller's fields win", async () => {
    const lines = await new Promise<Record<string, unknown>[]>((resolve) => {
      const out = captured(() =>
        withLogContext({ requestId: "r-1", tenant: "acme" }, () => {
          withLogContext({ actorId: "u-7" }, () => logEvent("info", "a"));
          logEvent("info", "b", { tenant: "globex" });
        }),
      );
      resolve(out);
    });
    expect(lines).toMatchObject([
      { event: "a", requestId: "r-1", tenant: "acme", actorId: "u-7" },
      { event: "b", requestId: "r-1", tenant: "globex" },
    ]);
    expect(lines[1]).not.toHaveProperty("actorId");
    expect(captured(() => logEvent("info", "outside"))[0]).not.toHaveProperty("requestId");
  });

  it("keeps the context across awaits", async () => {
    const lines: Record<string, unknown>[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(JSON.parse(String(line)) as Record<string, unknown>));
    await withLogContext({ requestId: "r-2" }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      logEvent("info", "later");
    });
    expect(lines[0]).toMatchObject({ event: "later", requestId: "r-2" });
  });
});
