import "server-only";
import { randomUUID } from "node:crypto";
import { CanError, toCanErrorView } from "@/lib/can/errors";
import type { AppError } from "./result";
import { logEvent } from "@/lib/log/log-event";

/**
 * The one mapping of a CAN failure to what a user sees, for actions, route handlers, marks and the
 * `/can` API: CAN said no (its refusal, or a 4xx) is REJECTED; anything else (unreachable, timeout,
 * a 5xx, an answer that does not parse, so nobody knows what CAN did) is UNAVAILABLE.
 */
export function canAppError(e: CanError): AppError {
  const refused = e.kind === "rejected" || (e.kind === "http" && (e.details.httpStatus ?? 500) < 500);
  return { code: refused ? "UPSTREAM_REJECTED" : "UPSTREAM_UNAVAILABLE", message: e.message, requestId: e.details.requestId, can: toCanErrorView(e) };
}

/** Maps any failure to what a user may see: CAN's words for CAN failures, a request id for the rest. */
export function toAppError(e: unknown, context: string): AppError {
  if (e instanceof CanError) return canAppError(e);
  const requestId = randomUUID();
  // The cause stays in the server log; the user gets a request id to quote.
  logEvent("error", "internal_error", { context, requestId, error: e instanceof Error ? e.stack : String(e) });
  return { code: "INTERNAL", message: "Something went wrong on the console's server. Quote the request id when you report it.", requestId };
}
