import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "./auth";
import { isCanEndpointName, type CanEndpointName } from "./can-endpoints";
import { failEnvelope } from "./envelope";
import { playFaults } from "./fault-responses";
import { readJsonBody, sendJson } from "./http-io";
import { clearPartition, updatePartition } from "./mutation-handlers";
import { listPartitions } from "./partition-list-handler";
import { getPlan, getReferenceScript, listPlans } from "./plan-handlers";
import { positiveInt, type CanHandler, type SandboxContext } from "./sandbox-context";

const ROUTES: Record<CanEndpointName, { method: "GET" | "POST"; handler: CanHandler }> = {
  queryAccelerateResultPlanList: { method: "POST", handler: listPlans },
  queryAccelerateResultPlan: { method: "GET", handler: getPlan },
  queryReferenceScript: { method: "GET", handler: getReferenceScript },
  queryMtPartitionList: { method: "GET", handler: listPartitions },
  updatePartition: { method: "POST", handler: updatePartition },
  clearPartition: { method: "POST", handler: clearPartition },
};

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Which page a list call asks for, so a fault can target "the 3rd page" only. */
function requestedPage(endpoint: CanEndpointName, url: URL, body: unknown): number | undefined {
  if (endpoint === "queryMtPartitionList") return positiveInt(url.searchParams.get("pageNumber")) ?? undefined;
  if (endpoint === "queryAccelerateResultPlanList" && body !== null && typeof body === "object") {
    return positiveInt((body as { pager?: { pageNumber?: unknown } }).pager?.pageNumber) ?? undefined;
  }
  return undefined;
}

/** Which plan a call is about (a query's `uuid`, or a mark body's), so a fault can target one plan only. */
function requestedPlan(url: URL, body: unknown): string | undefined {
  const fromBody = body !== null && typeof body === "object" ? (body as { uuid?: unknown }).uuid : undefined;
  if (typeof fromBody === "string") return fromBody;
  return url.searchParams.get("uuid") ?? undefined;
}

/**
 * One CAN call, in the order a real deployment would show: count it, read the body, let the
 * configured latency and any faults act (faults stand for the network and gateway in front of CAN,
 * so they fire before auth and before any state is touched), then authenticate and run the endpoint.
 */
export async function handleCanRequest(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL, endpointName: string): Promise<void> {
  if (!isCanEndpointName(endpointName)) {
    sendJson(res, 404, failEnvelope("404", `unknown endpoint: ${url.pathname}`));
    return;
  }
  const route = ROUTES[endpointName];
  const tenantHeader = headerValue(req, "tenant-id");
  ctx.counters.record(tenantHeader, endpointName, headerValue(req, "x-request-id"));

  if (req.method !== route.method) {
    sendJson(res, 405, failEnvelope("405", `${endpointName} expects ${route.method}, got ${req.method ?? "?"}`));
    return;
  }

  const { body, error: bodyError } = route.method === "POST" ? await readJsonBody(req) : { body: undefined, error: null };

  const outcome = ctx.faults.take({
    endpoint: endpointName,
    tenant: tenantHeader,
    page: requestedPage(endpointName, url, body),
    plan: requestedPlan(url, body),
  });
  if (await playFaults(outcome, ctx.config.latencyMs, ctx.sleeper, req, res)) return;

  if (endpointName === "updatePartition" || endpointName === "clearPartition") ctx.counters.recordMutation(tenantHeader, endpointName, body);
  if (bodyError) {
    sendJson(res, 200, failEnvelope("400", bodyError));
    return;
  }
  const auth = authenticate(req.headers, ctx.tenants, ctx.tokens);
  if (!auth.ok) {
    sendJson(res, 200, failEnvelope("401", auth.message));
    return;
  }
  const reply = await route.handler(ctx, { tenantId: auth.tenantId, query: url.searchParams, body });
  const applied = (reply.body as { success?: unknown } | null)?.success === true;
  if (applied && (endpointName === "updatePartition" || endpointName === "clearPartition")) ctx.counters.recordApplied(auth.tenantId, endpointName);
  sendJson(res, reply.status ?? 200, reply.body);
}
