import type { CanErrorView } from "@/lib/can/errors";

// The one result shape for reads (route handlers, prefetch) and server actions.
export type ErrorCode =
  "VALIDATION" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "UPSTREAM_REJECTED" | "UPSTREAM_UNAVAILABLE" | "INTERNAL";

export type AppError = {
  code: ErrorCode;
  message: string;
  requestId?: string | undefined;
  can?: CanErrorView | undefined;
  fieldErrors?: Record<string, string[]> | undefined;
};

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UPSTREAM_REJECTED: 502,
  UPSTREAM_UNAVAILABLE: 503,
  INTERNAL: 500,
};
