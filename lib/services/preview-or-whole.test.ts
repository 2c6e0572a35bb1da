import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { previewOrWhole } from "./preview-or-whole";

/** A promise settled by hand. */
function later<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("previewOrWhole", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows the preview when the whole read is still going once the grace is over", async () => {
    const preview = later<string | null>();
    const whole = later<void>();
    const shown = previewOrWhole(preview.promise, whole.promise, 200);
    preview.resolve("2026");
    await vi.advanceTimersByTimeAsync(200);
    expect(await shown).toBe("2026");
  });

  it("shows no preview when the whole read follows within the grace", async () => {
    const preview = later<string | null>();
    const whole = later<void>();
    const shown = previewOrWhole(preview.promise, whole.promise, 200);
    preview.resolve("2026");
    await vi.advanceTimersByTimeAsync(150);
    whole.resolve();
    expect(await shown).toBeNull();
  });

  it("answers null at once when there is no preview, and when the whole read fails first", async () => {
    const none = previewOrWhole(Promise.resolve(null), new Promise(() => undefined), 200);
    expect(await none).toBeNull();
    const failed = previewOrWhole(new Promise<string | null>(() => undefined), Promise.reject(new Error("CAN down")), 200);
    expect(await failed).toBeNull();
  });

  it("treats a preview that fails as no preview", async () => {
    const shown = previewOrWhole(Promise.reject(new Error("bad page")), new Promise(() => undefined), 200);
    expect(await shown).toBeNull();
  });
});
