import { describe, expect, it } from "vitest";
import { oncePerRead } from "./once-per-read";

function counter() {
  let calls = 0;
  return { work: () => Promise.resolve(calls++), calls: () => calls };
}

describe("oncePerRead", () => {
  it("runs the work once for one read, however many requests share it", async () => {
    const read = {};
    const c = counter();
    await Promise.all(Array.from({ length: 5 }, () => oncePerRead(read, c.work)));
    await oncePerRead(read, c.work);
    expect(c.calls()).toBe(1);
  });

  it("runs it again for another read", async () => {
    const c = counter();
    await oncePerRead({}, c.work);
    await oncePerRead({}, c.work);
    expect(c.calls()).toBe(2);
  });

  it("makes a request that arrives during the work wait for it", async () => {
    const read = {};
    let finish = () => {};
    const order: string[] = [];
    const first = oncePerRead(read, () => new Promise<void>((resolve) => (finish = resolve)).then(() => void order.push("work")));
    const second = oncePerRead(read, () => Promise.resolve(order.push("again")));
    const waited = second.then(() => order.push("second"));
    finish();
    await Promise.all([first, waited]);
    expect(order).toEqual(["work", "second"]);
  });

  it("keeps no failure: the next request runs the work again", async () => {
    const read = {};
    await expect(oncePerRead(read, () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    const c = counter();
    await oncePerRead(read, c.work);
    expect(c.calls()).toBe(1);
  });
});
