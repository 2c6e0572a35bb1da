import { NextResponse, type NextRequest } from "next/server";
import { refuseWhileDraining } from "@/lib/server/draining-response";

// Convenience only: every page, route handler and action checks the session itself through
// lib/auth/dal.ts. This passes the requested path on (so sign-in can return to it) and sends
// visitors without any session cookie straight to the sign-in page. API routes answer 401 themselves
// and never read the path header, so the matcher leaves them out (one less hop per refetch).
const PATH_HEADER = "x-console-path";
const SESSION_COOKIES = ["can-console.session_token", "__Secure-can-console.session_token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A stopping instance takes no new work (API routes, outside this matcher, refuse it themselves).
  const draining = refuseWhileDraining();
  if (draining) return draining;
  const hasCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasCookie && pathname !== "/login") {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
