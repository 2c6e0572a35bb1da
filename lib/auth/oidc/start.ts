import "server-only";
import { isAPIError } from "better-auth/api";
import { getAuth } from "@/lib/auth/auth";
import { cookiesFromHeaders, type CookieToSet } from "@/lib/auth/cookies";
import { getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log/log-event";
import { OIDC_PROVIDER_ID, oidcSettings, sameIssuer } from "./settings";

export type OidcStart = { ok: true; url: string; cookies: CookieToSet[] } | { ok: false; code: "oidc_unavailable" | "issuer_mismatch" };

/**
 * The first leg: Better Auth stores the state (with the PKCE verifier and the nonce) and sets the
 * cookie that binds it to this browser; we send the browser to the provider. The provider's
 * discovery document must name the configured issuer (OpenID Connect Discovery 1.0, 4.3): tokens
 * are then checked against that issuer, so a look-alike discovery document cannot swap it.
 */
export async function startOidcSignIn(input: { next: string; headers: Headers }): Promise<OidcStart> {
  const oidc = oidcSettings();
  if (!oidc) return { ok: false, code: "oidc_unavailable" };
  const auth = await getAuth();
  const base = getEnv().PUBLIC_URL;
  const errorPage = new URL("/login", base);
  if (input.next !== "/") errorPage.searchParams.set("next", input.next);
  let result;
  try {
    result = await auth.api.signInSocial({
      body: { provider: OIDC_PROVIDER_ID, callbackURL: new URL(input.next, base).toString(), errorCallbackURL: errorPage.toString(), disableRedirect: true },
      headers: input.headers,
      returnHeaders: true,
    });
  } catch (e) {
    if (!isAPIError(e)) throw e;
    // Discovery failed (provider down, wrong URL): Better Auth retries it at the next attempt.
    logEvent("warn", "auth.oidc_unavailable", { reason: e.message });
    return { ok: false, code: "oidc_unavailable" };
  }
  const provider = (await auth.$context).socialProviders.find((p) => p.id === OIDC_PROVIDER_ID);
  const discovered = provider && "issuer" in provider && typeof provider.issuer === "string" ? provider.issuer : undefined;
  if (!discovered || !sameIssuer(discovered, oidc.issuer)) {
    logEvent("error", "auth.oidc_issuer_mismatch", { configured: oidc.issuer, discovered: discovered ?? null });
    return { ok: false, code: "issuer_mismatch" };
  }
  const url = result.response.url;
  if (!url) return { ok: false, code: "oidc_unavailable" };
  return { ok: true, url, cookies: cookiesFromHeaders(result.headers) };
}
