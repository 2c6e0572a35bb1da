import { describe, expect, it } from "vitest";
import { formatDateTime, isTimeZone, startOfDayIn, zoneLabel, zoneOffsetLabel } from "./format";

// The same instants read in the two zones the console is tested in, far apart and on either side
// of the date line, plus UTC. Nothing here depends on the machine's own TZ.
const AT = "2026-12-05T22:30:15.123Z";

describe("formatDateTime", () => {
  it("writes YYYY-MM-DD HH:mm, 24-hour, in the zone asked for", () => {
    expect(formatDateTime(AT, "UTC")).toBe("2026-12-05 22:30");
    expect(formatDateTime(AT, "Asia/Shanghai")).toBe("2026-12-06 06:30");
    expect(formatDateTime(AT, "America/Los_Angeles")).toBe("2026-12-05 14:30");
  });

  it("writes midnight as 00:00, not 24:00", () => {
    expect(formatDateTime("2026-12-05T16:00:00Z", "Asia/Shanghai")).toBe("2026-12-06 00:00");
    expect(formatDateTime(new Date("2026-07-01T07:00:00Z"), "America/Los_Angeles")).toBe("2026-07-01 00:00");
  });
});

describe("zone labels", () => {
  it("name the offset at that instant (daylight saving included)", () => {
    expect(zoneOffsetLabel("Asia/Shanghai", new Date(AT))).toBe("UTC+08:00");
    expect(zoneOffsetLabel("America/Los_Angeles", new Date("2026-12-05T12:00:00Z"))).toBe("UTC-08:00");
    expect(zoneOffsetLabel("America/Los_Angeles", new Date("2026-07-05T12:00:00Z"))).toBe("UTC-07:00");
    expect(zoneOffsetLabel("UTC")).toBe("UTC+00:00");
    expect(zoneLabel("Asia/Shanghai", new Date(AT))).toBe("Asia/Shanghai, UTC+08:00");
    expect(zoneLabel("UTC")).toBe("UTC");
  });

  it("know real zones from made-up ones", () => {
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("startOfDayIn", () => {
  it("is the instant the day begins in each zone", () => {
    expect(startOfDayIn("2026-12-06", "Asia/Shanghai").toISOString()).toBe("2026-12-05T16:00:00.000Z");
    expect(startOfDayIn("2026-12-05", "America/Los_Angeles").toISOString()).toBe("2026-12-05T08:00:00.000Z");
    expect(startOfDayIn("2026-12-05", "UTC").toISOString()).toBe("2026-12-05T00:00:00.000Z");
  });

  it("holds on the days daylight saving starts and ends", () => {
    expect(startOfDayIn("2026-03-08", "America/Los_Angeles").toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(startOfDayIn("2026-03-09", "America/Los_Angeles").toISOString()).toBe("2026-03-09T07:00:00.000Z");
    expect(startOfDayIn("2026-11-01", "America/Los_Angeles").toISOString()).toBe("2026-11-01T07:00:00.000Z");
    expect(startOfDayIn("2026-11-02", "America/Los_Angeles").toISOString()).toBe("2026-11-02T08:00:00.000Z");
  });
});
