import { describe, expect, it } from "vitest";
import { isZombie, readProcStat } from "./proc-stat";

describe.runIf(process.platform === "linux")("readProcStat", () => {
  it("reads this process's state, parent and group", () => {
    const stat = readProcStat(process.pid);
    expect(stat?.ppid).toBe(process.ppid);
    expect(["R", "S"]).toContain(stat?.state);
    expect(Number.isInteger(stat?.pgrp)).toBe(true);
    expect(isZombie(process.pid)).toBe(false);
  });

  it("answers null for a process that does not exist", () => {
    expect(readProcStat(2 ** 30)).toBeNull();
    expect(isZombie(2 ** 30)).toBe(false);
  });
});
