import "server-only";
import { trace, type Attributes } from "@opentelemetry/api";
import { withLogContext, type LogContext } from "@/lib/log/context";
import { withSpan } from "./tracing";

/** The span attributes that tie a trace to the request's log lines, audit rows and CAN's x-request-id. */
export function requestAttributes(fields: LogContext): Attributes {
  return {
    ...(fields.requestId ? { "app.request.id": fields.requestId } : {}),
    ...(fields.tenant ? { "app.tenant": fields.tenant } : {}),
    ...(fields.actorId ? { "user.id": fields.actorId } : {}),
  };
}

/**
 * One handled request (a server action, a route handler, a `/can` API call): its log context, and a
 * span named after it under Next's own request span, which also gets the request id so a search by
 * id finds the whole trace.
 */
export function withRequestScope<T>(spanName: string, fields: LogContext, fn: () => Promise<T>): Promise<T> {
  const attributes = requestAttributes(fields);
  trace.getActiveSpan()?.setAttributes(attributes);
  return withLogContext(fields, () => withSpan(spanName, { attributes }, () => fn()));
}
