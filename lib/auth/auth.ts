import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { genericOAuth, twoFactor, username } from "better-auth/plugins";
import { getDb, type Db } from "@/lib/db";
import { account, session, totpCodeUse, twoFactor as twoFactorTable, user, verification } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { authLogger } from "./auth-logger";
import { authCookieOptions } from "./cookie-names";
import { currentCapture } from "./oidc/callback-capture";
import { discoveryUrlOf, OIDC_PROVIDER_ID, oidcSettings } from "./oidc/settings";
import { resolveAuthSecret } from "./secret";
import { totpGuard } from "./totp-guard";
import { processGlobal } from "@/lib/process-global";

export const ACCOUNT_DISABLED = "ACCOUNT_DISABLED";
/** A code stays claimed for two TOTP periods plus the verifier's one-step tolerance. */
const TOTP_CLAIM_SECONDS = 120;

function createAuth(db: Db, secret: string) {
  const env = getEnv();
  return betterAuth({
    appName: "CAN Partition Console",
    baseURL: env.PUBLIC_URL,
    secret,
    telemetry: { enabled: false },
    logger: authLogger,
    database: drizzleAdapter(db, { provider: "pg", schema: { user, session, account, verification, twoFactor: twoFactorTable } }),
    // Accounts come from the users CLI and the admin page only; nobody signs up.
    emailAndPassword: { enabled: true, disableSignUp: true, maxPasswordLength: 256 },
    user: { additionalFields: { disabled: { type: "boolean", required: false, defaultValue: false, input: false } } },
    session: {
      // Absolute lifetime: never extended. The idle timeout is ours (lib/auth/session.ts).
      expiresIn: env.SESSION_MAX_HOURS * 3600,
      disableSessionRefresh: true,
      // Every request reads the session row, so a revocation takes effect at once on every instance.
      cookieCache: { enabled: false },
    },
    // Our own limiter (lib/auth/rate-limit.ts) keeps per-account and per-IP counts in the database.
    rateLimit: { enabled: false },
    advanced: {
      // https: `__Host-` names, Secure, Path=/, no Domain (lib/auth/cookie-names.ts, shared with proxy.ts).
      ...authCookieOptions(env.PUBLIC_URL),
      ipAddress: env.TRUST_PROXY_HEADER ? { ipAddressHeaders: [env.TRUST_PROXY_HEADER] } : { disableIpTracking: true },
    },
    // Company sign-in (docs/decisions/0023): a provider's account is its (issuer, sub), never matched
    // to a local account by e-mail; provider errors come back to the login page as ?error=<code>.
    account: { accountLinking: { enabled: false } },
    onAPIError: { errorURL: new URL("/login", env.PUBLIC_URL).toString() },
    databaseHooks: {
      session: {
        create: {
          before: async (s) => {
            const [u] = await db.select({ disabled: user.disabled }).from(user).where(eq(user.id, s.userId));
            if (!u || u.disabled) throw new APIError("FORBIDDEN", { message: "This account is disabled.", code: ACCOUNT_DISABLED });
          },
          // Inside a provider callback: the session to audit, give roles to, or take back.
          after: async (s) => {
            const capture = currentCapture();
            if (capture) capture.session = { token: s.token, userId: s.userId };
          },
        },
      },
    },
    plugins: [
      username({ minUsernameLength: 2, maxUsernameLength: 64 }),
      twoFactor({ issuer: "CAN Partition Console" }),
      totpGuard((userId, code) => claimTotpCode(db, userId, code)),
      ...companySignIn(),
    ],
  });
}

/**
 * Better Auth's generic OAuth plugin with discovery: authorization code flow with PKCE, `state`
 * bound to a cookie, a `nonce` checked in the ID token, whose signature, issuer and audience are
 * verified against discovery's JWKS (requireIdTokenVerification: no unverified token is read).
 */
function companySignIn() {
  const oidc = oidcSettings();
  if (!oidc) return [];
  return [
    genericOAuth({
      config: [
        {
          providerId: OIDC_PROVIDER_ID,
          discoveryUrl: discoveryUrlOf(oidc.issuer),
          clientId: oidc.clientId,
          clientSecret: oidc.clientSecret,
          scopes: oidc.scopes,
          pkce: true,
          requireIdTokenVerification: true,
          mapProfileToUser: (profile) => {
            const capture = currentCapture();
            if (capture) capture.profile = { ...profile };
            return {};
          },
        },
      ],
    }),
  ];
}

export type Auth = ReturnType<typeof createAuth>;

/** Claims (user, code) atomically; false when the code was accepted within the claim window. */
export async function claimTotpCode(db: Db, userId: string, code: string): Promise<boolean> {
  await db
    .delete(totpCodeUse)
    .where(and(eq(totpCodeUse.userId, userId), lt(totpCodeUse.usedAt, sql`now() - make_interval(secs => ${TOTP_CLAIM_SECONDS * 5})`)));
  const claimed = await db
    .insert(totpCodeUse)
    .values({ userId, code })
    .onConflictDoUpdate({
      target: [totpCodeUse.userId, totpCodeUse.code],
      set: { usedAt: sql`now()` },
      setWhere: lt(totpCodeUse.usedAt, sql`now() - make_interval(secs => ${TOTP_CLAIM_SECONDS})`),
    })
    .returning({ userId: totpCodeUse.userId });
  return claimed.length === 1;
}

// One Better Auth instance per process, built on first use (it needs the database and the secret).
type Slot = { auth?: Promise<Auth> };
const slot = processGlobal<Slot>("auth", () => ({}));

export function getAuth(): Promise<Auth> {
  slot.auth ??= (async () => {
    const db = await getDb();
    return createAuth(db, await resolveAuthSecret(db));
  })().catch((e: unknown) => {
    slot.auth = undefined;
    throw e;
  });
  return slot.auth;
}

/** Tests swap databases between files; the auth instance must follow. */
export function resetAuthForTests(): void {
  slot.auth = undefined;
}
