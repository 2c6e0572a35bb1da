import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { sameSecret } from "./auth";
import type { DemoAppTenant } from "@/lib/demo-tenants";
import { failEnvelope, okEnvelope } from "./envelope";
import { playFaults } from "./fault-responses";
import { readJsonBody, sendJson } from "./http-io";
import type { SandboxContext } from "./sandbox-context";
import { describeZodError } from "./zod-message";

export const TOKEN_ENDPOINT = "token/create";

// Any version segment, as for the plan endpoints.
const TOKEN_PATH = /^\/anymetrics\/api\/[^/]+\/token\/create$/;

export function isTokenPath(pathname: string): boolean {
  return TOKEN_PATH.test(pathname);
}

const tokenRequestSchema = z.object({
  appId: z.string().min(1).max(200),
  appSecret: z.string().min(1).max(200),
  /** Seconds; CAN's default (6 hours, or the control setting) when absent. */
  expire: z
    .int()
    .min(1)
    .max(30 * 24 * 60 * 60)
    .optional(),
});

function appTenantOf(ctx: SandboxContext, appId: unknown): DemoAppTenant | undefined {
  return ctx.tenants.find((t): t is DemoAppTenant => t.authType === "TOKEN" && t.appId === appId);
}

/**
 * `POST …/token/create`: no common headers, `{ appId, appSecret, expire? }` in, the token as a string
 * in `data` out. Counted under the tenant the appId belongs to, so tests see renewals per tenant.
 * Only faults that name this endpoint act here: a fault aimed at CAN's plan API leaves sign-in alone.
 */
export async function handleTokenRequest(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { body, error: bodyError } = await readJsonBody(req);
  const claimed = appTenantOf(ctx, (body as { appId?: unknown } | null | undefined)?.appId);
  ctx.counters.record(claimed?.id, TOKEN_ENDPOINT);
  if (req.method !== "POST") {
    sendJson(res, 405, failEnvelope("405", `${TOKEN_ENDPOINT} expects POST, got ${req.method ?? "?"}`));
    return;
  }

  const outcome = ctx.faults.take({ endpoint: TOKEN_ENDPOINT, tenant: claimed?.id, page: undefined }, { explicitOnly: true });
  if (await playFaults(outcome, ctx.config.latencyMs, ctx.sleeper, req, res)) return;
  if (bodyError) {
    sendJson(res, 200, failEnvelope("400", bodyError));
    return;
  }
  const request = tokenRequestSchema.safeParse(body);
  if (!request.success) {
    sendJson(res, 200, failEnvelope("400", `invalid token request: ${describeZodError(request.error)}`));
    return;
  }
  // Never says which of the two was wrong, and never echoes either.
  if (!claimed || !sameSecret(claimed.appSecret, request.data.appSecret)) {
    sendJson(res, 200, failEnvelope("401", "authentication failed: invalid appId or appSecret"));
    return;
  }
  const token = ctx.tokens.issue(claimed.id, request.data.expire ?? ctx.config.tokenTtlSeconds);
  ctx.counters.recordTokenIssued(claimed.id);
  sendJson(res, 200, okEnvelope(token));
}
