import "server-only";
import { accessDenied } from "@/lib/api/access-denied";
import { jsonResult, notFoundResult, validationResult } from "@/lib/api/json-result";
import type { Result } from "@/lib/api/result";
import { toAppError } from "@/lib/api/to-app-error";
import { authorizeTenant, type Actor, type Permission } from "@/lib/auth/dal";
import { planUuidParam } from "@/lib/schemas/plans";
import { refuseWhileDraining } from "@/lib/server/draining-response";
import type { Tenant } from "@/lib/tenants";
import { randomUUID } from "node:crypto";
import { withRequestScope } from "@/lib/telemetry/request-scope";

/** A parser's verdict on the query string: the value, or what to tell the caller (400). */
export type QueryParse<Q> = { ok: true; query: Q } | { ok: false; message: string };

export type RouteContext<P, Q> = { request: Request; tenant: Tenant; actor: Actor; params: P; query: Q };

type RouteParams = Promise<Record<string, string> & { tenant: string }>;

/**
 * Every tenant GET route handler, in this order, like `defineAction` for actions: a stopping
 * instance refuses (503), session and permission for the tenant, the path's own parameters (a bad
 * one is 404, as for a plan that does not exist), the query string (400), the handler, one
 * mapping of errors. The handler answers a Result (sent as JSON) or its own Response (a stream).
 */
export function defineRoute<P, Q>(
  config: {
    name: string;
    permission: Permission;
    params: (raw: Record<string, string>) => P | null;
    query: (search: URLSearchParams) => QueryParse<Q>;
    /** Checked after the session, before the permission: a refusal the handler must not reach. */
    refuse?: (request: Request) => Result<never> | null;
  },
  handler: (ctx: RouteContext<P, Q>) => Promise<Result<unknown> | Response>,
): (request: Request, context: { params: RouteParams }) => Promise<Response> {
  return async (request, context) => {
    const draining = refuseWhileDraining();
    if (draining) return draining;
    try {
      const raw = await context.params;
      const refused = config.refuse?.(request);
      if (refused) return jsonResult(refused);
      const access = await authorizeTenant(raw.tenant, config.permission);
      if (!access.ok) return accessDenied(access.code);
      const params = config.params(raw);
      if (params === null) return notFoundResult();
      const query = config.query(new URL(request.url).searchParams);
      if (!query.ok) return validationResult(query.message);
      // One id for the request: every CAN call it makes is sent, logged and reported under it.
      const logContext = { requestId: randomUUID(), tenant: access.tenant.id, actorId: access.actor.userId };
      const answer = await withRequestScope(`route ${config.name}`, logContext, () =>
        handler({ request, tenant: access.tenant, actor: access.actor, params, query: query.query }),
      );
      return answer instanceof Response ? answer : jsonResult(answer);
    } catch (e) {
      return jsonResult({ ok: false, error: toAppError(e, `route ${config.name}`) });
    }
  };
}

/** For routes that read nothing from the path beyond the tenant, or nothing from the query string. */
export const noParams = (): Record<string, never> => ({});
export const noQuery = (): QueryParse<Record<string, never>> => ({ ok: true, query: {} });

/** The path's plan uuid, or null (404) when it cannot be one. */
export const planParams = (raw: Record<string, string>): { planUuid: string } | null => {
  const parsed = planUuidParam.safeParse(raw.uuid);
  return parsed.success ? { planUuid: parsed.data } : null;
};
