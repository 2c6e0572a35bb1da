import "server-only";
import type { NextResponse } from "next/server";
import { jsonResult } from "./json-result";

const MESSAGES = {
  UNAUTHENTICATED: "Sign in to continue.",
  NOT_FOUND: "Not found.",
  FORBIDDEN: "Your role in this tenant does not allow this.",
} as const;

/** The JSON answer of a route handler the data-access layer refused; NOT_FOUND reveals nothing. */
export function accessDenied(code: keyof typeof MESSAGES): NextResponse {
  return jsonResult({ ok: false, error: { code, message: MESSAGES[code] } });
}
