import "server-only";
import type { AppError, ErrorCode } from "@/lib/api/result";
import type { CanError } from "@/lib/can/errors";
import { getEnv } from "@/lib/env";
import { strictTransportSecurity } from "@/lib/http/security-headers";
import { CONSOLE_CODES, type ConsoleCode } from "./wire";

// The `/can` API answers in CAN's envelope: CAN's own answer when CAN answered, else one of the
// console's documented codes. The traceId of a console refusal is the console's request id.

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export type ApiAnswer = { status: number; body: string; headers?: Record<string, string> };

export function answerOf(a: ApiAnswer): Response {
  const hsts = strictTransportSecurity(getEnv().PUBLIC_URL);
  return new Response(a.body, { status: a.status, headers: { ...JSON_HEADERS, ...(hsts ? { "strict-transport-security": hsts } : {}), ...a.headers } });
}

/** Another host name than the console's (DNS rebinding): the same 421 the proxy gives every other path. */
export function misdirected(publicUrl: string): ApiAnswer {
  return { status: 421, body: `This console is not served under that host name. Open ${publicUrl}`, headers: { "content-type": "text/plain; charset=utf-8" } };
}

export function refusal(code: ConsoleCode, errorMsg: string, requestId: string, headers?: Record<string, string>): ApiAnswer {
  const body = { success: false, code, errorMsg, detailErrorMsg: null, traceId: requestId, data: null };
  return { status: CONSOLE_CODES[code].status, body: JSON.stringify(body), ...(headers ? { headers } : {}) };
}

/** CAN answered: pass its answer on as it came, with HTTP 200 as CAN gave it. */
export function passOn(canAnswer: unknown): ApiAnswer {
  return { status: 200, body: JSON.stringify(canAnswer ?? null) };
}

/**
 * A CAN failure in CAN's words: a refusal (`success:false`, or an HTTP error with CAN's envelope)
 * keeps CAN's code, messages, traceId and HTTP status; no answer, or an unreadable one, is the
 * console's CONSOLE_UPSTREAM_UNAVAILABLE with what happened.
 */
export function canFailure(e: Pick<CanError, "details" | "message">): ApiAnswer {
  const d = e.details;
  if (d.kind === "rejected" || (d.kind === "http" && d.code !== undefined)) {
    const body = {
      success: false,
      code: d.code ?? String(d.httpStatus ?? ""),
      errorMsg: d.errorMsg ?? e.message,
      detailErrorMsg: d.detailErrorMsg ?? null,
      traceId: d.traceId ?? null,
      data: null,
    };
    return { status: d.kind === "http" ? (d.httpStatus ?? 502) : 200, body: JSON.stringify(body) };
  }
  return refusal("CONSOLE_UPSTREAM_UNAVAILABLE", e.message, d.requestId);
}

const FROM_APP: Record<ErrorCode, ConsoleCode> = {
  VALIDATION: "CONSOLE_VALIDATION",
  UNAUTHENTICATED: "CONSOLE_UNAUTHENTICATED",
  FORBIDDEN: "CONSOLE_FORBIDDEN",
  NOT_FOUND: "CONSOLE_NOT_FOUND",
  CONFLICT: "CONSOLE_CONFLICT",
  RATE_LIMITED: "CONSOLE_RATE_LIMITED",
  UPSTREAM_REJECTED: "CONSOLE_UPSTREAM_UNAVAILABLE",
  UPSTREAM_UNAVAILABLE: "CONSOLE_UPSTREAM_UNAVAILABLE",
  INTERNAL: "CONSOLE_INTERNAL",
};

/** A mark's failure as the pages get it, answered in CAN's envelope. */
export function fromAppError(error: AppError, requestId: string): ApiAnswer {
  // The mark's message says whether CAN may have applied it; CAN's own refusal keeps CAN's words.
  if (error.can) return canFailure({ details: error.can, message: error.message });
  return refusal(FROM_APP[error.code], error.message, error.requestId ?? requestId);
}
