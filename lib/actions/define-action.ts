import "server-only";
import { z } from "zod";
import { toAppError } from "@/lib/api/to-app-error";
import type { AppError, Result } from "@/lib/api/result";
import { authorizeTenant, getRequestMeta, type Actor, type Permission, type RequestMeta } from "@/lib/auth/dal";
import type { Tenant } from "@/lib/tenants";
import { withRequestScope } from "@/lib/telemetry/request-scope";
import { validationError } from "./refusal";

export type ActionContext<I> = { input: I; actor: Actor; tenant: Tenant; meta: RequestMeta };

const tenantScoped = z.object({ tenantId: z.string().min(1).max(64) });

const DENIED: Record<"UNAUTHENTICATED" | "NOT_FOUND" | "FORBIDDEN", AppError> = {
  UNAUTHENTICATED: { code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again." },
  NOT_FOUND: { code: "NOT_FOUND", message: "Not found." },
  FORBIDDEN: { code: "FORBIDDEN", message: "Your role in this tenant does not allow this action." },
};

/**
 * Every server action goes through here, in this order: session and permission for the tenant
 * (required by the type, so no action can skip it), input validation, the handler, one place that
 * maps errors. Expected failures are returned; unknown ones become INTERNAL with a request id.
 * Auditing is the handler's job because intent and outcome rows wrap the CAN call itself.
 */
export function defineAction<S extends z.ZodType<{ tenantId: string }>, T>(
  config: { name: string; input: S; permission: Permission },
  handler: (ctx: ActionContext<z.infer<S>>) => Promise<Result<T>>,
): (raw: unknown) => Promise<Result<T>> {
  return async (raw: unknown): Promise<Result<T>> => {
    try {
      const scope = tenantScoped.safeParse(raw);
      if (!scope.success) return { ok: false, error: { code: "VALIDATION", message: "The request names no tenant." } };
      const access = await authorizeTenant(scope.data.tenantId, config.permission);
      if (!access.ok) return { ok: false, error: DENIED[access.code] };
      const parsed = config.input.safeParse(raw);
      if (!parsed.success) return validationError(parsed.error);
      const meta = await getRequestMeta();
      const context = { requestId: meta.requestId, tenant: access.tenant.id, actorId: access.actor.userId };
      return await withRequestScope(`action ${config.name}`, context, () => handler({ input: parsed.data, actor: access.actor, tenant: access.tenant, meta }));
    } catch (e) {
      return { ok: false, error: toAppError(e, `action ${config.name}`) };
    }
  };
}
