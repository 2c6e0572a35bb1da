import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import { failEnvelope, newTraceId } from "./envelope";
import type { Fault, FaultOutcome } from "./faults";
import type { Sleeper } from "./sleeper";
import { sendJson, sendRaw } from "./http-io";

/** Answers a request the way the terminal fault says, instead of running the endpoint. */
export function respondWithFault(fault: Fault, req: IncomingMessage, res: ServerResponse): void {
  switch (fault.kind) {
    case "reset":
      // No status line at all: the client sees a dropped connection, as behind a crashing proxy.
      req.socket.destroy();
      return;
    case "http": {
      const status = fault.status ?? 503;
      const reason = STATUS_CODES[status] ?? "Error";
      if (fault.bodyFormat === "json") {
        // Shaped like a Spring Boot error page: JSON, but not CAN's envelope.
        sendJson(res, status, {
          timestamp: new Date().toISOString(),
          status,
          error: reason,
          message: fault.message ?? "sandbox fault",
          path: req.url ?? "",
        });
        return;
      }
      sendRaw(res, status, "text/plain; charset=utf-8", fault.message ?? `${status} ${reason} (sandbox fault)`);
      return;
    }
    case "malformed":
      sendRaw(res, 200, "application/json; charset=utf-8", '{"data":{"hasData":true,"partition":{"paritionList":[{"value":"20');
      return;
    case "rejected":
      sendJson(res, 200, failEnvelope("500", fault.message ?? "Internal server error", "sandbox fault: request rejected by fault injection"));
      return;
    case "null-data":
      // The docs' odd failure: looks successful, carries no data and an errorMsg.
      sendJson(res, 200, {
        data: null,
        success: true,
        code: "200",
        errorMsg: fault.message ?? "plan does not exist",
        detailErrorMsg: null,
        traceId: newTraceId(),
      });
      return;
    case "latency":
    case "hang":
      throw new Error(`${fault.kind} is a delay, not a terminal fault`);
  }
}

/**
 * Plays the faults armed for a request: the delay first (configured latency plus latency and hang
 * faults), then a terminal fault's answer. True when the request is done with: answered by the fault,
 * or dropped because the sandbox closed or was reset during the delay.
 */
export async function playFaults(outcome: FaultOutcome, latencyMs: number, sleeper: Sleeper, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const delay = latencyMs + outcome.delayMs;
  if (delay > 0 && !(await sleeper.sleep(delay))) {
    // Closing or reset: drop the request rather than answer into a new state.
    req.socket.destroy();
    return true;
  }
  if (outcome.terminal) {
    respondWithFault(outcome.terminal, req, res);
    return true;
  }
  return false;
}
