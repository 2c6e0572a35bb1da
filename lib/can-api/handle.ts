import "server-only";
import { z } from "zod";
import { getRequestMeta } from "@/lib/auth/dal";
import type { Permission } from "@/lib/auth/roles";
import { CanError } from "@/lib/can/errors";
import { PASS_THROUGH_READS, readThrough, type PassThroughRead } from "@/lib/can/pass-through";
import { performMark } from "@/lib/services/marking";
import { getEnv } from "@/lib/env";
import { currentHostPolicy } from "@/lib/http/current-host-policy";
import { isAllowedHost } from "@/lib/http/host-guard";
import { isDraining } from "@/lib/server/lifecycle";
import { answerOf, canFailure, fromAppError, misdirected, passOn, refusal, type ApiAnswer } from "./answers";
import { authenticateCaller, type Caller } from "./authenticate";
import { bodyHashOf, claimIdempotencyKey, recordIdempotentAnswer } from "./idempotency";
import { parseClearPartition, parseUpdatePartition, type MarkParse } from "./mark-request";
import { countApiRequest } from "./rate-limit";
import { partitionListQuery, planListWire, planQuery } from "./wire";
import { logEvent } from "@/lib/log/log-event";
import { withRequestScope } from "@/lib/telemetry/request-scope";

// The `/can` API: CAN's own paths and wire format, served by the console for schedulers and
// scripts, so their marks take the pages' one mark path and land in the same audit log.

export const MAX_BODY_BYTES = 1_000_000;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

type MarkEndpoint = "updatePartition" | "clearPartition";
type Endpoint = MarkEndpoint | PassThroughRead;

const MARKS: Record<MarkEndpoint, (tenantId: string, raw: unknown) => MarkParse> = {
  updatePartition: parseUpdatePartition,
  clearPartition: parseClearPartition,
};

/** Every endpoint with its method and the permission its token's role needs. */
export const CAN_API_ENDPOINTS: Record<Endpoint, { method: "GET" | "POST"; permission: Permission }> = {
  updatePartition: { method: "POST", permission: "partitions:mark" },
  clearPartition: { method: "POST", permission: "partitions:mark" },
  queryMtPartitionList: { method: PASS_THROUGH_READS.queryMtPartitionList, permission: "plans:read" },
  queryAccelerateResultPlan: { method: PASS_THROUGH_READS.queryAccelerateResultPlan, permission: "plans:read" },
  queryReferenceScript: { method: PASS_THROUGH_READS.queryReferenceScript, permission: "plans:read" },
  queryAccelerateResultPlanList: { method: PASS_THROUGH_READS.queryAccelerateResultPlanList, permission: "plans:read" },
};

const isEndpoint = (name: string): name is Endpoint => Object.hasOwn(CAN_API_ENDPOINTS, name);
const isMark = (name: Endpoint): name is MarkEndpoint => Object.hasOwn(MARKS, name);

/** One request to `/can/anymetrics/api/v1/accelerate/plan/<endpoint>`; never throws. */
export async function handleCanApi(request: Request, endpoint: string): Promise<Response> {
  const started = performance.now();
  const meta = await getRequestMeta();
  let answer: ApiAnswer;
  let tokenId: string | undefined;
  let tenantId: string | undefined;
  try {
    answer = await (async (): Promise<ApiAnswer> => {
      // The proxy does not see these paths (proxy.ts): the host check of every other path, here.
      if (!isAllowedHost(request.headers, currentHostPolicy())) return misdirected(getEnv().PUBLIC_URL);
      if (isDraining())
        return refusal("CONSOLE_UPSTREAM_UNAVAILABLE", "this console instance is restarting: send the request again", meta.requestId, {
          "retry-after": "2",
          connection: "close",
        });
      if (!isEndpoint(endpoint)) return refusal("CONSOLE_NOT_FOUND", `no endpoint ${endpoint} in the console's API`, meta.requestId);
      const spec = CAN_API_ENDPOINTS[endpoint];
      if (request.method !== spec.method)
        return { ...refusal("CONSOLE_VALIDATION", `${endpoint} takes ${spec.method}`, meta.requestId), status: 405, headers: { allow: spec.method } };
      const auth = await authenticateCaller(request.headers, spec.permission, meta.ip, meta.requestId);
      if (!auth.ok) return auth.answer;
      tokenId = auth.caller.token.id;
      tenantId = auth.caller.tenant.id;
      const rate = await countApiRequest(auth.caller.token.id);
      if (!rate.ok)
        return refusal(
          "CONSOLE_RATE_LIMITED",
          `over ${rate.limit} requests per minute for this token: try again in ${rate.retryAfterSeconds} s`,
          meta.requestId,
          { "retry-after": String(rate.retryAfterSeconds) },
        );
      const caller = auth.caller;
      return await withRequestScope(`can-api ${endpoint}`, { requestId: meta.requestId, tenant: caller.tenant.id, actorId: `token:${caller.token.id}` }, () =>
        isMark(endpoint) ? mark(request, endpoint, caller, meta) : read(request, endpoint, caller, meta.requestId),
      );
    })();
  } catch (e) {
    if (e instanceof CanError) answer = canFailure(e);
    else {
      // The cause stays in the log; the caller gets the request id as traceId.
      logEvent("error", "can_api.internal_error", { requestId: meta.requestId, endpoint, error: e instanceof Error ? e.stack : String(e) });
      answer = refusal("CONSOLE_INTERNAL", "the console failed; quote the traceId when you report it", meta.requestId);
    }
  }
  logEvent("info", "can_api.request", {
    requestId: meta.requestId,
    tenant: tenantId,
    token: tokenId,
    endpoint,
    status: answer.status,
    ms: Math.round(performance.now() - started),
  });
  return answerOf(answer);
}

async function readBody(request: Request, requestId: string): Promise<{ ok: true; text: string } | { ok: false; answer: ApiAnswer }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return { ok: false, answer: refusal("CONSOLE_PAYLOAD_TOO_LARGE", `the body is over ${MAX_BODY_BYTES} bytes`, requestId) };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    return { ok: false, answer: refusal("CONSOLE_PAYLOAD_TOO_LARGE", `the body is over ${MAX_BODY_BYTES} bytes`, requestId) };
  return { ok: true, text };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

async function mark(request: Request, endpoint: MarkEndpoint, caller: Caller, meta: Awaited<ReturnType<typeof getRequestMeta>>): Promise<ApiAnswer> {
  const body = await readBody(request, meta.requestId);
  if (!body.ok) return body.answer;
  const json = parseJson(body.text);
  if (!json.ok) return refusal("CONSOLE_VALIDATION", "the body is not valid JSON", meta.requestId);
  const parsed = MARKS[endpoint](caller.tenant.id, json.value);
  if (!parsed.ok) return refusal("CONSOLE_VALIDATION", parsed.message, meta.requestId);

  const key = request.headers.get("idempotency-key");
  if (key !== null && !IDEMPOTENCY_KEY.test(key)) return refusal("CONSOLE_VALIDATION", "Idempotency-Key: 1–200 printable ASCII characters", meta.requestId);
  if (key !== null) {
    const claim = await claimIdempotencyKey(caller.token.id, key, bodyHashOf(`${endpoint}\n${body.text}`));
    if (claim.state === "replay") return { status: claim.httpStatus, body: claim.answer, headers: { "idempotency-replayed": "true" } };
    if (claim.state === "other-body")
      return refusal("CONSOLE_CONFLICT", "this Idempotency-Key was used with another request body in the last 24 hours", meta.requestId);
    if (claim.state === "in-progress")
      return refusal(
        "CONSOLE_CONFLICT",
        "a request with this Idempotency-Key is still in progress, or ended without an answer: see the tenant's audit log before sending it again",
        meta.requestId,
      );
  }

  const { token, tenant } = caller;
  const result = await performMark({
    tenant,
    actor: { userId: `token:${token.id}`, username: token.name, tenantId: tenant.id, role: token.role },
    meta,
    planUuid: parsed.mark.planUuid,
    change: parsed.mark.change,
    partitionCount: parsed.mark.partitionCount,
    confirmation: { by: "machine", tokenId: token.id, tokenName: token.name },
  });
  const answer = result.ok ? passOn(result.data.canAnswer) : fromAppError(result.error, meta.requestId);
  if (key !== null) await recordIdempotentAnswer(token.id, key, answer.status, answer.body);
  return answer;
}

const readInputs: Record<PassThroughRead, z.ZodType<{ query?: Record<string, string | number>; body?: unknown }>> = {
  queryMtPartitionList: partitionListQuery.transform((query) => ({ query })),
  queryAccelerateResultPlan: planQuery.transform((query) => ({ query })),
  queryReferenceScript: planQuery.transform((query) => ({ query })),
  queryAccelerateResultPlanList: planListWire.transform((body) => ({ body })),
};

async function read(request: Request, endpoint: PassThroughRead, caller: Caller, requestId: string): Promise<ApiAnswer> {
  let raw: unknown;
  if (PASS_THROUGH_READS[endpoint] === "GET") raw = Object.fromEntries(new URL(request.url).searchParams);
  else {
    const body = await readBody(request, requestId);
    if (!body.ok) return body.answer;
    const json = parseJson(body.text);
    if (!json.ok) return refusal("CONSOLE_VALIDATION", "the body is not valid JSON", requestId);
    raw = json.value;
  }
  const input = readInputs[endpoint].safeParse(raw);
  if (!input.success) {
    const why = input.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(request)"}: ${i.message}`)
      .join("; ");
    return refusal("CONSOLE_VALIDATION", why, requestId);
  }
  return passOn(await readThrough(caller.tenant, endpoint, input.data, { requestId }));
}
