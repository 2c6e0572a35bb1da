// Run by audit-crash.db.test.ts in a separate process: writes a mark's intent row, then dies the
// hard way (SIGKILL) before the CAN call and the outcome row, like a crash or a kill -9 would.
import { recordMarkIntent } from "@/lib/audit";
import { intentFor } from "./audit-fixtures";

const { intentId } = await recordMarkIntent(
  intentFor({
    planUuid: "plan-crash",
    planName: "crash_daily",
    ranges: [{ start: "2026-03-01", end: "2026-03-04", status: "failed" }],
    action: "partition.mark_failed",
    partitionCount: 4,
  }),
);
process.stdout.write(`${JSON.stringify({ intentId })}\n`, () => process.kill(process.pid, "SIGKILL"));
