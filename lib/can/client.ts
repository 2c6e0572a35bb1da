import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getEnv } from "@/lib/env";
import type { Tenant } from "@/lib/tenants";
import { envelopeSchema, judgeEnvelope, looksLikeEnvelope } from "./envelope";
import { CanError, type CanErrorDetails } from "./errors";
import { noteAnswered, noteUnreachable } from "./reachability";
import { redactCanError } from "./redact";

export const CAN_API_PREFIX = "/anymetrics/api/v1/accelerate/plan/";
const RETRYABLE_STATUS = new Set([502, 503, 504]);
const MAX_GET_RETRIES = 2;

export type CanRequest<T> = {
  endpoint: string;
  method: "GET" | "POST";
  query?: Record<string, string | number>;
  body?: unknown;
  schema: z.ZodType<T>;
  /** In an envelope, parse `data` (default) or the whole body (the plan list keeps paging beside data). */
  payload?: "data" | "whole";
  /** Mutations answer `data: "success"`; reads must carry data. */
  expectsData?: boolean;
};

export type CanCallOptions = {
  timeoutMs?: number;
  /** Tests shorten the backoff; production uses the default. */
  backoffMs?: number;
  requestId?: string;
};

/** The one door to CAN: headers, request id, timeout, GET-only retries, envelope judgement, zod parse. */
export async function canFetch<T>(tenant: Tenant, req: CanRequest<T>, options: CanCallOptions = {}): Promise<T> {
  const requestId = options.requestId ?? randomUUID();
  const maxRetries = req.method === "GET" ? MAX_GET_RETRIES : 0;
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await attemptOnce(tenant, req, requestId, options);
      noteAnswered(tenant.id);
      return answer;
    } catch (caught) {
      // CAN's words reach the page, the audit log and exports: no credential may ride along.
      const e = caught instanceof CanError ? redactCanError(caught, tenant) : caught;
      if (!(e instanceof CanError) || attempt >= maxRetries || !isRetryable(e)) {
        logFailure(tenant, req, e);
        throw e;
      }
      await sleep(jitteredBackoff(attempt, options.backoffMs ?? 150));
    }
  }
}

function isRetryable(e: CanError): boolean {
  const d = e.details;
  return d.kind === "network" || d.kind === "timeout" || (d.kind === "http" && RETRYABLE_STATUS.has(d.httpStatus ?? 0));
}

async function attemptOnce<T>(tenant: Tenant, req: CanRequest<T>, requestId: string, options: CanCallOptions): Promise<T> {
  const base: Omit<CanErrorDetails, "kind"> = { endpoint: req.endpoint, requestId };
  const url = new URL(`${tenant.baseUrl}${CAN_API_PREFIX}${req.endpoint}`);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, String(v));
  const timeoutMs = options.timeoutMs ?? getEnv().CAN_TIMEOUT_MS;

  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: req.method,
      headers: {
        "tenant-id": tenant.id,
        "auth-type": tenant.authType,
        "auth-value": tenant.authValue,
        "x-request-id": requestId,
        accept: "application/json",
        ...(req.method === "POST" ? { "content-type": "application/json" } : {}),
      },
      body: req.method === "POST" ? JSON.stringify(req.body ?? {}) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
      // A followed redirect would resend the three credential headers (fetch strips only its own
      // list, e.g. authorization and cookie) and a 307/308 the mark's body, to wherever it points.
      redirect: "manual",
    });
    text = await response.text();
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError");
    throw new CanError({ ...base, kind: timedOut ? "timeout" : "network", errorMsg: timedOut ? `no answer within ${timeoutMs} ms` : networkReason(e) });
  }

  if (isRedirect(response)) {
    // Where it points is not shown: CAN's operator should see that it redirects, not follow it.
    throw new CanError({ ...base, kind: "http", httpStatus: response.status, errorMsg: `HTTP ${response.status} redirect, not followed (the tenant's baseUrl must be CAN's final address)` });
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
    const verdict = judgeEnvelope(env.data, req.expectsData ?? true, req.payload ?? "data");
    if (!verdict.ok) throw new CanError({ ...base, kind: "rejected", httpStatus: response.status, ...verdict });
    payload = verdict.payload;
  }
  const parsed = req.schema.safeParse(payload);
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

function jitteredBackoff(attempt: number, baseMs: number): number {
  return baseMs * 2 ** attempt * (0.5 + Math.random());
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function logFailure(tenant: Tenant, req: CanRequest<unknown>, e: unknown): void {
  // Identifiers only: never headers, bodies or credentials.
  const d = e instanceof CanError ? e.details : undefined;
  if (d?.kind === "network" || d?.kind === "timeout") return noteUnreachable(tenant.id, tenant.baseUrl, d.errorMsg ?? d.kind);
  // Anything else is an answer: CAN is there, whatever it said.
  if (d) noteAnswered(tenant.id);
  console.warn(
    JSON.stringify({ event: "can.call_failed", tenant: tenant.id, endpoint: req.endpoint, method: req.method, kind: d?.kind ?? "unexpected", httpStatus: d?.httpStatus, code: d?.code, traceId: d?.traceId, requestId: d?.requestId }),
  );
}
