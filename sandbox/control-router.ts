import type { IncomingMessage, ServerResponse } from "node:http";
import { stateView, type ControlReply } from "./control-state-view";
import { z } from "zod";
import { faultListSchema } from "./faults";
import { manyPlans } from "./seed";
import { parseJson, readBody, sendJson } from "./http-io";
import { isLoopbackAddress } from "./loopback";
import { mergeConfig, runtimeConfigPatchSchema } from "./runtime-config";
import type { SandboxContext } from "./sandbox-context";
import { describeZodError } from "./zod-message";

export const CONTROL_PREFIX = "/__sandbox/";

const manyPlansSchema = z.object({ tenant: z.string().min(1), count: z.number().int().min(1).max(10_000) });

const bad = (status: number, error: string): ControlReply => ({ status, body: { error } });

async function jsonBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; reply: ControlReply }> {
  const parsed = parseJson(await readBody(req));
  return parsed.ok ? parsed : { ok: false, reply: bad(400, "request body is not valid JSON") };
}

async function route(ctx: SandboxContext, req: IncomingMessage, url: URL): Promise<ControlReply> {
  const key = `${req.method ?? "GET"} ${url.pathname.slice(CONTROL_PREFIX.length)}`;
  switch (key) {
    case "GET health":
      return { status: 200, body: { ok: true } };
    case "POST reset": {
      ctx.sleeper.dropPending();
      await ctx.store.reseed(ctx.seedEnd);
      ctx.faults.clear();
      ctx.counters.reset();
      Object.assign(ctx.config, ctx.startupConfig);
      return { status: 200, body: { ok: true, seedEnd: ctx.seedEnd, config: ctx.config } };
    }
    case "GET state":
      return stateView(ctx.store.state, url.searchParams.get("tenant"), url.searchParams.get("uuid"));
    case "GET config":
      return { status: 200, body: ctx.config };
    case "POST config": {
      const body = await jsonBody(req);
      if (!body.ok) return body.reply;
      const patch = runtimeConfigPatchSchema.safeParse(body.value);
      if (!patch.success) return bad(400, describeZodError(patch.error));
      Object.assign(ctx.config, mergeConfig(ctx.config, patch.data));
      return { status: 200, body: ctx.config };
    }
    case "GET faults":
      return { status: 200, body: ctx.faults.list() };
    case "POST faults": {
      const body = await jsonBody(req);
      if (!body.ok) return body.reply;
      const faults = faultListSchema.safeParse(body.value);
      if (!faults.success) return bad(400, describeZodError(faults.error));
      ctx.faults.replace(faults.data);
      return { status: 200, body: ctx.faults.list() };
    }
    case "DELETE faults":
      ctx.faults.clear();
      return { status: 200, body: [] };
    case "GET requests":
      return { status: 200, body: ctx.counters.snapshot() };
    case "GET requests/recent":
      return { status: 200, body: ctx.counters.recent() };
    case "GET tokens":
      return { status: 200, body: ctx.tokens.list() };
    case "POST tokens/expire":
      // Every issued token ends now: the next call with one is refused as expired.
      return { status: 200, body: { expired: ctx.tokens.expireAll() } };
    case "POST plans/many": {
      const body = await jsonBody(req);
      if (!body.ok) return body.reply;
      const asked = manyPlansSchema.safeParse(body.value);
      if (!asked.success) return bad(400, describeZodError(asked.error));
      const { tenant, count } = asked.data;
      if (!ctx.store.state.tenants[tenant]) return bad(404, `unknown tenant ${tenant}`);
      const total = await ctx.store.transact((state) => {
        const plans = state.tenants[tenant]?.plans ?? [];
        const added = manyPlans(tenant, count, plans.filter((p) => p.name.startsWith("bulk_plan_")).length, ctx.seedEnd);
        const next = [...plans, ...added];
        return { next: { ...state, tenants: { ...state.tenants, [tenant]: { plans: next } } }, result: next.length };
      });
      return { status: 200, body: { tenant, added: count, plans: total } };
    }
    case "GET mutations":
      return { status: 200, body: ctx.counters.mutations() };
    default:
      return bad(404, `unknown control route: ${req.method ?? "?"} ${url.pathname}`);
  }
}

/** /__sandbox/*: JSON in and out, no CAN headers, loopback callers only. */
export async function handleControlRequest(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    sendJson(res, 403, { error: "the sandbox control endpoint accepts loopback callers only" });
    return;
  }
  const reply = await route(ctx, req, url);
  sendJson(res, reply.status, reply.body);
}
