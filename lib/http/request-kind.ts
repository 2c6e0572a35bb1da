// What proxy.ts does with a request depends on who sends it. One table, so a new kind of endpoint
// gets its handling by adding a prefix here, not by another `if` in the proxy.
//
//               host check   draining 503   server-action guard   sign-in redirect
//   page            yes          yes               yes                  yes
//   route           yes          (itself)          no                   no
//   machine-api     (itself)     (itself)          no                   no
//   probe           no           (itself)          no                   no
//
// `route`: our own GET handlers under /api/ (session cookie, checked by the handler).
// `machine-api`: handlers for schedulers under /can/anymetrics/api/ (API token in a header, no
// cookie, POSTs without Origin): the handler authenticates; a 307 to /login or an Origin check
// would only break the caller. Its endpoints are outside the proxy's matcher (proxy.ts): the
// handler checks the host itself; other paths under the prefix still pass the proxy.
// `probe`: endpoints a load balancer or a scraper calls by the instance's address, not PUBLIC_URL's
// host: health (names no tenant) and metrics (a bearer token, METRICS_TOKEN, checked by the handler).

export type RequestKind = "page" | "route" | "machine-api" | "probe";

const PROBES = new Set(["/api/health", "/api/health/ready", "/api/metrics"]);

export function requestKindOf(pathname: string): RequestKind {
  if (PROBES.has(pathname)) return "probe";
  if (pathname.startsWith("/can/anymetrics/api/")) return "machine-api";
  if (pathname.startsWith("/api/")) return "route";
  return "page";
}
