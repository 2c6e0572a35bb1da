import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookie-names";
import { isServerActionRequest, refuseServerAction } from "@/lib/http/action-guard";
import { refuseWhileDraining } from "@/lib/server/draining-response";

// Convenience only: every page, route handler and action checks the session itself through
// lib/auth/dal.ts. This passes the requested path on (so sign-in can return to it) and sends
// visitors without any session cookie straight to the sign-in page. Two real checks live here: a
// draining instance refuses new work (API routes, outside the matcher to save a hop per refetch,
// refuse it themselves), and server-action POSTs from a foreign or `null` Origin (or oversized) are
// refused before Next runs them (docs/decisions/0006-origin-check.md).
const PATH_HEADER = "x-console-path";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A stopping instance takes no new work.
  const draining = refuseWhileDraining();
  if (draining) return draining;
  const action = isServerActionRequest(request.method, request.headers, pathname);
  if (action) {
    const refusal = refuseServerAction(request.headers);
    if (refusal) {
      return NextResponse.json(
        { ok: false, error: { code: refusal.code, message: refusal.message } },
        { status: refusal.status, headers: { "cache-control": "no-store" } },
      );
    }
  }
  const hasCookie = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  // A signed-out action call is answered by the action itself (UNAUTHENTICATED), not redirected.
  if (!hasCookie && !action && pathname !== "/login") {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  // `/can/…` is the machine API: token-authenticated, no cookies, no server actions; it refuses
  // work itself while draining.
  matcher: ["/((?!api/|can/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
