import "server-only";
import type { z } from "zod";
import { envelopeSchema, judgeEnvelope, looksLikeEnvelope } from "./envelope";
import { CanError, type CanErrorDetails } from "./errors";

/** One HTTP exchange with CAN, already addressed and authenticated by the caller. */
export type Exchange<T> = {
  url: URL;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  schema: z.ZodType<T>;
  /** In an envelope, parse `data` (default) or the whole body. */
  payload?: "data" | "whole";
  /** Mutations answer `data: "success"`; reads must carry data. */
  expectsData?: boolean;
  /** What a CanError names: the endpoint, the request id, and for token/create the tenant. */
  about: Omit<CanErrorDetails, "kind">;
};

/** Sends once, never follows a redirect, judges CAN's envelope and parses with zod; every failure is a CanError. */
export async function exchange<T>(x: Exchange<T>): Promise<T> {
  const base = x.about;
  let response: Response;
  let text: string;
  try {
    response = await fetch(x.url, {
      method: x.method,
      headers: {
        ...x.headers,
        "x-request-id": base.requestId,
        accept: "application/json",
        ...(x.method === "POST" ? { "content-type": "application/json" } : {}),
      },
      body: x.method === "POST" ? JSON.stringify(x.body ?? {}) : undefined,
      signal: AbortSignal.timeout(x.timeoutMs),
      cache: "no-store",
      // A followed redirect would resend the three credential headers (fetch strips only its own
      // list, e.g. authorization and cookie) and a 307/308 the mark's body, to wherever it points.
      redirect: "manual",
    });
    text = await response.text();
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
    throw new CanError({ ...base, kind: timedOut ? "timeout" : "network", errorMsg: timedOut ? `no answer within ${x.timeoutMs} ms` : networkReason(e) });
  }

  if (isRedirect(response)) {
    // Where it points is not shown: CAN's operator should see that it redirects, not follow it.
    throw new CanError({
      ...base,
      kind: "http",
      httpStatus: response.status,
      errorMsg: `HTTP ${response.status} redirect, not followed (the tenant's baseUrl must be CAN's final address)`,
    });
  }
  const body = parseJson(text);
  if (!response.ok) {
    const env = body.ok && looksLikeEnvelope(body.value) ? envelopeSchema.safeParse(body.value) : undefined;
    throw new CanError({
      ...base,
      kind: "http",
      httpStatus: response.status,
      code: env?.success && env.data.code != null ? String(env.data.code) : undefined,
      errorMsg: env?.success && env.data.errorMsg ? env.data.errorMsg : `HTTP ${response.status} ${response.statusText}`.trim(),
      detailErrorMsg: env?.success ? (env.data.detailErrorMsg ?? undefined) : undefined,
      traceId: env?.success ? (env.data.traceId ?? undefined) : undefined,
    });
  }
  if (!body.ok) throw new CanError({ ...base, kind: "malformed", httpStatus: response.status, errorMsg: "the body is not valid JSON" });

  let payload: unknown = body.value;
  let traceId: string | undefined;
  if (looksLikeEnvelope(body.value)) {
    const env = envelopeSchema.safeParse(body.value);
    if (!env.success) throw new CanError({ ...base, kind: "malformed", errorMsg: `bad envelope: ${summarizeIssues(env.error)}` });
    traceId = env.data.traceId ?? undefined;
    const verdict = judgeEnvelope(env.data, x.expectsData ?? true, x.payload ?? "data");
    if (!verdict.ok) throw new CanError({ ...base, kind: "rejected", httpStatus: response.status, ...verdict });
    payload = verdict.payload;
  }
  const parsed = x.schema.safeParse(payload);
  if (!parsed.success) {
    throw new CanError({ ...base, kind: "malformed", traceId, errorMsg: `unexpected response shape: ${summarizeIssues(parsed.error)}` });
  }
  return parsed.data;
}

function isRedirect(response: Response): boolean {
  return response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
}

function networkReason(e: unknown): string {
  const cause = e instanceof Error ? (e.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? `connection failed (${cause.code})` : "connection failed";
}
