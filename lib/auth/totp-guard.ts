import "server-only";
import { APIError, createAuthEndpoint, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import type { BetterAuthPlugin } from "better-auth";

type Ctx = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The user a pending second-factor sign-in belongs to, from Better Auth's signed challenge cookie. */
async function pendingUserId(ctx: Ctx): Promise<string | null> {
  const cookie = ctx.context.createAuthCookie("two_factor");
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!identifier) return null;
  const record = await ctx.context.internalAdapter.findVerificationValue(identifier);
  return record && record.expiresAt > new Date() ? record.value : null;
}

/**
 * Better Auth 1.7 accepts one TOTP code twice within its window. Before each verification this
 * claims (user, code) in the database; a second claim within the window is refused, on any app
 * instance. It also exposes, server-side only, who a pending challenge is for (the per-account
 * sign-in limit needs it).
 */
export function totpGuard(claim: (userId: string, code: string) => Promise<boolean>) {
  return {
    id: "totp-replay-guard",
    endpoints: {
      pendingTwoFactorUser: createAuthEndpoint.serverOnly({ method: "POST", requireHeaders: true }, async (ctx) => {
        return ctx.json({ userId: await pendingUserId(ctx) });
      }),
    },
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/two-factor/verify-totp",
          handler: createAuthMiddleware(async (ctx) => {
            const code = typeof ctx.body?.code === "string" ? ctx.body.code.trim() : "";
            const session = await getSessionFromCtx(ctx).catch(() => null);
            const userId = session?.user.id ?? (await pendingUserId(ctx));
            if (!userId || !/^\d{6}$/.test(code)) return; // Better Auth refuses these itself
            if (!(await claim(userId, code))) {
              throw new APIError("UNAUTHORIZED", { message: "This code was already used. Wait for the next one.", code: "TOTP_CODE_REPLAYED" });
            }
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
