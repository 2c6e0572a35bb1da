import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Result } from "@/lib/api/result";
import { toAppError } from "@/lib/api/to-app-error";
import { refusal, validationError } from "./refusal";
import { getCurrentSession, getRequestMeta, type RequestMeta } from "@/lib/auth/dal";
import type { ResolvedSession } from "@/lib/auth/session";
import { withRequestScope } from "@/lib/telemetry/request-scope";

export type AccountContext<I> = { input: I; session: ResolvedSession; meta: RequestMeta };

/**
 * defineAction's twin for the signed-in user's own account (settings), which belongs to no tenant:
 * session, input validation, the handler, one place that maps errors. A handler may redirect on
 * success (Next's redirect is rethrown, never turned into an error).
 */
export function defineAccountAction<S extends z.ZodType, T>(
  config: { name: string; input: S },
  handler: (ctx: AccountContext<z.infer<S>>) => Promise<Result<T>>,
): (raw: unknown) => Promise<Result<T>> {
  return async (raw: unknown): Promise<Result<T>> => {
    try {
      const session = await getCurrentSession();
      if (!session) return refusal("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      const parsed = config.input.safeParse(raw);
      if (!parsed.success) return validationError(parsed.error);
      const meta = await getRequestMeta();
      return await withRequestScope(`action ${config.name}`, { requestId: meta.requestId, actorId: session.user.id }, () =>
        handler({ input: parsed.data, session, meta }),
      );
    } catch (e) {
      unstable_rethrow(e);
      return { ok: false, error: toAppError(e, `action ${config.name}`) };
    }
  };
}
