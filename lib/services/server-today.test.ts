import { afterEach, describe, expect, it } from "vitest";
import { todayKeyInZone } from "@/lib/partitions";
import { serverToday, serverZone } from "./server-today";

const Real = Intl.DateTimeFormat;
afterEach(() => {
  Intl.DateTimeFormat = Real;
});

/** Counts every Intl.DateTimeFormat built (with or without `new`) while `fn` runs. */
function formatsBuiltBy(fn: () => void): number {
  let built = 0;
  Intl.DateTimeFormat = new Proxy(Real, {
    construct: (target, args: ConstructorParameters<typeof Real>) => (built++, Reflect.construct(target, args)),
    apply: (target, self, args: ConstructorParameters<typeof Real>) => (built++, Reflect.apply(target, self, args)),
  });
  fn();
  Intl.DateTimeFormat = Real;
  return built;
}

describe("serverToday", () => {
  it("is today's key in the process's zone", () => {
    const now = new Date("2026-03-01T07:30:00Z");
    expect(serverToday("DAY", now)).toEqual({ key: todayKeyInZone(now, serverZone(), "DAY"), zone: serverZone() });
    expect(serverToday("MONTH", now).key).toBe(todayKeyInZone(now, serverZone(), "MONTH"));
  });

  // The plan route asks for it twice per request: building the formats each time was ~8 % of the
  // route's CPU under load (ADR 0040).
  it("builds no Intl.DateTimeFormat once the zone and its format are known", () => {
    serverToday("DAY");
    expect(formatsBuiltBy(() => (serverToday("DAY"), serverToday("MONTH"), serverZone()))).toBe(0);
  });
});
