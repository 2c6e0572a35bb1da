import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

export type ScrapeAccess = { ok: true } | { ok: false; status: 401 | 404; message: string };

/**
 * Metrics name tenants and load, so a scrape needs METRICS_TOKEN as a bearer token. Loopback alone
 * is not enough: behind `next start` the socket address is not known to a handler, and a client can
 * write any X-Forwarded-For (docs/decisions/0021-metrics-and-request-ids.md). Unset: metrics are off.
 */
export function checkScrape(authorization: string | null, token: string | undefined): ScrapeAccess {
  if (!token) return { ok: false, status: 404, message: "Metrics are off: set METRICS_TOKEN to turn them on." };
  const m = /^Bearer (\S+)$/.exec(authorization ?? "");
  if (!m || !sameSecret(m[1]!, token)) return { ok: false, status: 401, message: "A scrape needs Authorization: Bearer <METRICS_TOKEN>." };
  return { ok: true };
}

/** Compared as digests, so neither the length nor the content leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (v: string) => createHash("sha256").update(v).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
