import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { isDraining, resetLifecycleForTests, trackMark } from "./lifecycle";
import { shutdown } from "./shutdown";

// The drain in one process, without HTTP: the multi-instance tests (tests/instances) cover it with
// real servers and signals.

function exitRecorder() {
  let resolve: (code: number) => void = () => {};
  const exited = new Promise<number>((r) => (resolve = r));
  return { exit: (code: number) => resolve(code), exited };
}

/** A tracked mark whose intent row exists: what a shutdown asks it to settle is recorded. */
function trackSettledMark(requestId: string) {
  const flight = trackMark(requestId);
  const reasons: string[] = [];
  flight.mark.settle = async (reason) => {
    reasons.push(reason);
    return true;
  };
  return { flight, reasons };
}

beforeEach(() => {
  process.env.SHUTDOWN_TIMEOUT_MS = "3000";
  resetEnvForTests();
  resetLifecycleForTests();
});

afterEach(() => {
  delete process.env.SHUTDOWN_TIMEOUT_MS;
  resetEnvForTests();
  resetLifecycleForTests();
});

describe("shutdown", () => {
  it("turns draining at once and waits for a mark that finishes in time, writing nothing for it", async () => {
    const { flight, reasons: settled } = trackSettledMark("r1");
    const { exit, exited } = exitRecorder();
    let finished = false;
    void shutdown("SIGTERM", exit);
    expect(isDraining()).toBe(true);
    setTimeout(() => {
      finished = true;
      flight.done();
    }, 200);
    expect(await exited).toBe(0);
    expect(finished).toBe(true);
    expect(settled).toEqual([]);
  });

  it("records a mark still waiting at the deadline as unknown, once, then exits cleanly", async () => {
    const { reasons } = trackSettledMark("r2");
    trackMark("r3"); // no intent row yet: nothing to record
    const { exit, exited } = exitRecorder();
    void shutdown("SIGINT", exit);
    void shutdown("SIGTERM", exit); // a second signal does not start a second drain
    expect(await exited).toBe(0);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/stopped \(SIGINT\)/);
  });
});
