import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookie-names";
import { getEnv } from "@/lib/env";
import { isServerActionRequest, refuseServerAction } from "@/lib/http/action-guard";
import { currentHostPolicy } from "@/lib/http/current-host-policy";
import { isAllowedHost } from "@/lib/http/host-guard";
import { requestKindOf } from "@/lib/http/request-kind";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/http/security-headers";
import { refuseWhileDraining } from "@/lib/server/draining-response";

// Convenience for sign-in: every page, route handler and action checks the session itself through
// lib/auth/dal.ts; this passes the requested path on (so sign-in can return to it) and sends
// visitors without any session cookie straight to the sign-in page. The real checks here, in order:
// the Host must be PUBLIC_URL's (DNS rebinding, docs/decisions/0012-web-hardening-review.md); a
// draining instance refuses new page work; server-action POSTs from a foreign or `null` Origin (or
// oversized) are refused before Next runs them (docs/decisions/0006-origin-check.md). Every response
// that passes here carries a CSP with a fresh script nonce, and HSTS under an https PUBLIC_URL.
// What applies to which path (pages, /api routes, the machine API, health probes) is the table in
// lib/http/request-kind.ts.
const PATH_HEADER = "x-console-path";

function secured(response: NextResponse, csp: string): NextResponse {
  response.headers.set("content-security-policy", csp);
  const hsts = strictTransportSecurity(getEnv().PUBLIC_URL);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const kind = requestKindOf(pathname);
  const env = getEnv();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, env.NODE_ENV === "development", env.OIDC_ISSUER ? [new URL(env.OIDC_ISSUER).origin] : []);
  const hosts = currentHostPolicy();

  if (kind !== "probe" && !isAllowedHost(request.headers, hosts)) {
    // Names the right address: someone who typed localhost instead of 127.0.0.1 knows where to go.
    const refusal = new NextResponse(`This console is not served under that host name. Open ${env.PUBLIC_URL}`, {
      status: 421,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
    return secured(refusal, csp);
  }
  // Route handlers, the machine API and probes authenticate and drain themselves.
  if (kind !== "page") return secured(NextResponse.next(), csp);

  // A stopping instance takes no new work.
  const draining = refuseWhileDraining();
  if (draining) return secured(draining, csp);
  const action = isServerActionRequest(request.method, request.headers, pathname);
  if (action) {
    const refusal = refuseServerAction(request.headers, hosts.trustForwardedHost);
    if (refusal) {
      const body = { ok: false, error: { code: refusal.code, message: refusal.message } };
      return secured(NextResponse.json(body, { status: refusal.status, headers: { "cache-control": "no-store" } }), csp);
    }
  }
  const hasCookie = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  // A signed-out action call is answered by the action itself (UNAUTHENTICATED), not redirected.
  if (!hasCookie && !action && pathname !== "/login") {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
    return secured(NextResponse.redirect(login), csp);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(PATH_HEADER, `${pathname}${search}`);
  // Next takes the nonce for its own scripts from the request's CSP header.
  forwarded.set("content-security-policy", csp);
  return secured(NextResponse.next({ request: { headers: forwarded } }), csp);
}

// Static files skip the proxy (next.config.js gives them a static CSP). So do the scheduler API's
// endpoints, which check the host themselves (lib/can-api/handle.ts): a proxy pass was a tenth of a
// machine mark's cost. Each exclusion ends at a boundary, so `/robots.txt.x` or `/_next/staticX`
// still go through the checks above.
export const config = {
  matcher: ["/((?!_next/static/|_next/image$|favicon\\.ico$|robots\\.txt$|can/anymetrics/api/v1/accelerate/plan/).*)"],
};
