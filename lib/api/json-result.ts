import "server-only";
import { NextResponse } from "next/server";
import { HTTP_STATUS, type Result } from "./result";

export function jsonResult<T>(result: Result<T>): NextResponse {
  return NextResponse.json(result, {
    status: result.ok ? 200 : HTTP_STATUS[result.error.code],
    headers: { "cache-control": "no-store" },
  });
}

export function notFoundResult(): NextResponse {
  return jsonResult({ ok: false, error: { code: "NOT_FOUND", message: "Not found" } });
}

/** A request whose parameters do not parse: 400 with what was wrong, before any work. */
export function validationResult(message: string): NextResponse {
  return jsonResult({ ok: false, error: { code: "VALIDATION", message } });
}
