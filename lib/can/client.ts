import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getEnv } from "@/lib/env";
import { metrics, secondsSince } from "@/lib/telemetry/metrics";
import { SpanKind, withSpan } from "@/lib/telemetry/tracing";
import type { Tenant } from "@/lib/tenants";
import { CanError } from "./errors";
import { exchange } from "./exchange";
import { noteAnswered, noteUnreachable } from "./reachability";
import { redactCanError } from "./redact";
import { renewAfterRefusal, tokenFor, type TokenOptions } from "./token-store";
import { logEvent } from "@/lib/log/log-event";
import { currentLogContext } from "@/lib/log/context";

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

/**
 * The one door to CAN: headers, request id, timeout, GET-only retries, envelope judgement, zod parse.
 * For a tenant with app credentials, also the token: obtained and renewed here, and when CAN refuses
 * one as unauthenticated, renewed once and the call sent once more (a POST too: that refusal proves
 * CAN did nothing; a timeout or a lost connection proves nothing, so a POST is never resent for one).
 */
export async function canFetch<T>(tenant: Tenant, req: CanRequest<T>, options: CanCallOptions = {}): Promise<T> {
  const requestId = options.requestId ?? currentLogContext().requestId ?? randomUUID();
  const attributes = { "app.request.id": requestId, "app.tenant": tenant.id, "can.endpoint": req.endpoint, "http.request.method": req.method };
  return withSpan(`CAN ${req.endpoint}`, { kind: SpanKind.CLIENT, attributes }, () => measuredCall(tenant, req, options, requestId));
}

async function measuredCall<T>(tenant: Tenant, req: CanRequest<T>, options: CanCallOptions, requestId: string): Promise<T> {
  const startedAt = performance.now();
  const m = metrics();
  try {
    const answer = await callWithRetries(tenant, req, options, requestId);
    m.canCalls.inc({ tenant: tenant.id, endpoint: req.endpoint, outcome: "ok" });
    return answer;
  } catch (e) {
    m.canCalls.inc({ tenant: tenant.id, endpoint: req.endpoint, outcome: e instanceof CanError ? e.details.kind : "unexpected" });
    throw e;
  } finally {
    m.canCallSeconds.observe({ tenant: tenant.id, endpoint: req.endpoint }, secondsSince(startedAt));
  }
}

async function callWithRetries<T>(tenant: Tenant, req: CanRequest<T>, options: CanCallOptions, requestId: string): Promise<T> {
  const timeoutMs = options.timeoutMs ?? getEnv().CAN_TIMEOUT_MS;
  const maxRetries = req.method === "GET" ? MAX_GET_RETRIES : 0;
  const tokens: TokenOptions = { timeoutMs, requestId };
  let refusedToken: string | undefined;
  for (let attempt = 0; ;) {
    let authValue: string | undefined;
    try {
      authValue = tenant.app
        ? await (refusedToken === undefined ? tokenFor(tenant, tokens) : renewAfterRefusal(tenant, refusedToken, tokens))
        : tenant.authValue;
      const answer = await attemptOnce(tenant, authValue, req, requestId, timeoutMs);
      noteAnswered(tenant.id);
      return answer;
    } catch (caught) {
      // CAN's words reach the page, the audit log and exports: no credential may ride along.
      const e = caught instanceof CanError ? redactCanError(caught, tenant) : caught;
      if (e instanceof CanError && tenant.app && refusedToken === undefined && authValue !== undefined && isAuthRefusal(e)) {
        refusedToken = authValue;
        continue;
      }
      if (!(e instanceof CanError) || attempt >= maxRetries || !isRetryable(e)) {
        logFailure(tenant, req, requestId, e);
        throw e;
      }
      await sleep(jitteredBackoff(attempt, options.backoffMs ?? 150));
      attempt++;
    }
  }
}

/**
 * CAN said the credential did not authenticate: HTTP 401, or its envelope's code "401" (the
 * sandbox's answer; a real CAN's answer to an expired token is undocumented, docs/decisions/0014).
 * Only an answer from the endpoint called counts: a failed token/create is not a refused token.
 */
function isAuthRefusal(e: CanError): boolean {
  const d = e.details;
  return d.tenantId === undefined && ((d.kind === "http" && d.httpStatus === 401) || (d.kind === "rejected" && d.code === "401"));
}

function isRetryable(e: CanError): boolean {
  const d = e.details;
  return d.kind === "network" || d.kind === "timeout" || (d.kind === "http" && RETRYABLE_STATUS.has(d.httpStatus ?? 0));
}

function attemptOnce<T>(tenant: Tenant, authValue: string, req: CanRequest<T>, requestId: string, timeoutMs: number): Promise<T> {
  const url = new URL(`${tenant.baseUrl}${CAN_API_PREFIX}${req.endpoint}`);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, String(v));
  return exchange({
    url,
    method: req.method,
    headers: { "tenant-id": tenant.id, "auth-type": tenant.authType, "auth-value": authValue },
    body: req.body,
    timeoutMs,
    schema: req.schema,
    ...(req.payload ? { payload: req.payload } : {}),
    ...(req.expectsData !== undefined ? { expectsData: req.expectsData } : {}),
    about: { endpoint: req.endpoint, requestId },
  });
}

function jitteredBackoff(attempt: number, baseMs: number): number {
  return baseMs * 2 ** attempt * (0.5 + Math.random());
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Every failed call gets a line with its request id, the one the user reads and CAN received. An
 * unreachable CAN fails every request alike: its warning is given once (reachability.ts), and each
 * call's own line drops to info so the id can still be found without a warning per request.
 */
function logFailure(tenant: Tenant, req: CanRequest<unknown>, requestId: string, e: unknown): void {
  // Identifiers only: never headers, bodies or credentials.
  const d = e instanceof CanError ? e.details : undefined;
  const unreachable = d?.kind === "network" || d?.kind === "timeout";
  if (unreachable) noteUnreachable(tenant.id, tenant.baseUrl, d.errorMsg ?? d.kind);
  // Anything else is an answer: CAN is there, whatever it said.
  else if (d) noteAnswered(tenant.id);
  logEvent(unreachable ? "info" : "warn", "can.call_failed", {
    tenant: tenant.id,
    endpoint: d?.endpoint ?? req.endpoint,
    method: req.method,
    kind: d?.kind ?? "unexpected",
    httpStatus: d?.httpStatus,
    code: d?.code,
    traceId: d?.traceId,
    requestId,
  });
}
