// The console's cookie names, shared by the auth config (lib/auth/auth.ts) and proxy.ts. No imports:
// the proxy reads SESSION_COOKIE_NAMES on every request.
//
// Over https every cookie Better Auth sets carries the `__Host-` prefix: the browser then accepts it
// only with Secure, Path=/ and no Domain, so neither a sibling subdomain nor a plain-http page can
// plant or overwrite the session. Over http (local use) the names carry no prefix.

export const COOKIE_PREFIX = "can-console";
export const HOST_PREFIX = "__Host-";

/** Every cookie Better Auth (core and the two-factor plugin) may set for us. */
export const AUTH_COOKIES = ["session_token", "session_data", "account_data", "dont_remember", "two_factor", "trust_device"] as const;
export type AuthCookie = (typeof AUTH_COOKIES)[number];

export function authCookieName(cookie: AuthCookie, https: boolean): string {
  return `${https ? HOST_PREFIX : ""}${COOKIE_PREFIX}.${cookie}`;
}

/** The session cookie under either mode: what the proxy looks for. */
export const SESSION_COOKIE_NAMES = [authCookieName("session_token", false), authCookieName("session_token", true)] as const;

/**
 * Better Auth's `advanced` cookie options for the public URL's scheme. Better Auth would add its own
 * `__Secure-` prefix when `useSecureCookies` is on, so it stays off and we name the cookies and set
 * `secure` ourselves.
 */
export function authCookieOptions(publicUrl: string) {
  const https = new URL(publicUrl).protocol === "https:";
  return {
    useSecureCookies: false,
    cookiePrefix: COOKIE_PREFIX,
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: https },
    cookies: https ? Object.fromEntries(AUTH_COOKIES.map((c) => [c, { name: authCookieName(c, true) }])) : {},
  };
}
