import "server-only";
import { closeDb } from "@/lib/db";
import { flushTracing } from "@/lib/telemetry/tracing";
import { getEnv } from "@/lib/env";
import { inFlightMarks, isDraining, startDraining, waitForMarks } from "./lifecycle";
import { eventLogAt, type EventLog } from "@/lib/log/log-event";

/** Time kept back from the deadline to write the `unknown` outcomes and close the database. */
const FINISH_RESERVE_MS = 1_500;

type Log = EventLog;
const log: Log = eventLogAt("info");

/**
 * Graceful stop: turn unready (the proxy answers 503 to new requests, readiness says draining), let
 * in-flight marks finish, record the ones still running at the deadline as `unknown`, close the
 * database, exit. A hard timer makes sure the process is gone within SHUTDOWN_TIMEOUT_MS.
 */
export async function shutdown(signal: string, exit: (code: number) => void = (code) => process.exit(code)): Promise<void> {
  if (isDraining()) return;
  startDraining();
  const timeoutMs = getEnv().SHUTDOWN_TIMEOUT_MS;
  const started = Date.now();
  const hard = setTimeout(() => {
    log({ event: "server.shutdown_forced", signal, afterMs: Date.now() - started });
    exit(1);
  }, timeoutMs);
  hard.unref();
  log({ event: "server.draining", signal, inFlightMarks: inFlightMarks().length, timeoutMs });

  const left = await waitForMarks(started + Math.max(0, timeoutMs - FINISH_RESERVE_MS));
  let recordedUnknown = 0;
  for (const mark of left) {
    if (!mark.settle) continue; // no intent row yet: nothing was sent to CAN, nothing to record
    try {
      if (await mark.settle(`the console instance stopped (${signal}) before CAN answered`)) recordedUnknown += 1;
    } catch (e) {
      log({ event: "server.shutdown_outcome_failed", requestId: mark.requestId, error: e instanceof Error ? e.message : String(e) });
    }
  }
  try {
    await closeDb();
  } catch (e) {
    log({ event: "server.shutdown_db_close_failed", error: e instanceof Error ? e.message : String(e) });
  }
  await flushTracing().catch(() => undefined);
  clearTimeout(hard);
  log({ event: "server.stopped", signal, tookMs: Date.now() - started, marksRecordedUnknown: recordedUnknown });
  exit(0);
}

/**
 * Takes over SIGTERM/SIGINT from Next's own handler (which exits at once, cutting marks off between
 * intent and outcome). NEXT_MANUAL_SIG_HANDLE=true keeps Next from installing it; where a start
 * command forgot that, Next's handler is removed here.
 */
export function installSignalHandlers(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    if (!getEnv().NEXT_MANUAL_SIG_HANDLE) for (const listener of process.listeners(signal)) process.off(signal, listener);
    process.on(signal, () => void shutdown(signal));
  }
}
