// Decides, before Next sees it, whether a server-action POST may proceed. Next's own CSRF check
// (Origin against X-Forwarded-Host / Host) throws for a foreign or `null` Origin and answers 500
// with an error digest; its body-size check does the same for an oversized body. Refusing here
// gives the client a clean 4xx and keeps those errors out of the server log. The host itself has
// already been checked against PUBLIC_URL (host-guard.ts). Pure: proxy.ts runs it on every request,
// and unit tests call it directly.

import { addressedHost } from "./host-guard";

/** Next's default `serverActions.bodySizeLimit` (1 MB); the mark schemas stay far below it. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export type ActionRefusal = { status: 403 | 411 | 413; code: "FORBIDDEN" | "VALIDATION"; message: string };

type HeaderReader = Pick<Headers, "get">;

function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : null;
  } catch {
    return null; // "null" (sandboxed frames, some redirects) and anything unparsable
  }
}

const FORM_TYPES = /^\s*(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/**
 * A server-action call: a fetch from our pages (`Next-Action` header), or a form posted before
 * hydration (no header; the action id travels in the form). Pages accept no other POST; route
 * handlers under /api/ are not actions.
 */
export function isServerActionRequest(method: string, headers: HeaderReader, pathname: string): boolean {
  if (method !== "POST" || pathname.startsWith("/api/")) return false;
  return headers.get("next-action") !== null || FORM_TYPES.test(headers.get("content-type") ?? "");
}

/** null when the request may go on; otherwise the refusal to answer with. */
export function refuseServerAction(headers: HeaderReader, trustForwardedHost: boolean): ActionRefusal | null {
  const origin = headers.get("origin");
  const host = addressedHost(headers, trustForwardedHost);
  const from = origin === null ? null : originHost(origin);
  // Browsers send Origin on every POST. A fetch-style call without one is not from our pages; a
  // plain form post without one is let through as Next does (scripts such as the bench sign in so).
  const missingAllowed = origin === null && headers.get("next-action") === null;
  if (!missingAllowed && (from === null || host === null || from.toLowerCase() !== host.toLowerCase())) {
    return { status: 403, code: "FORBIDDEN", message: "Cross-origin request refused." };
  }
  const length = headers.get("content-length");
  if (length === null || !/^\d+$/.test(length.trim())) {
    return { status: 411, code: "VALIDATION", message: "The request must state its length." };
  }
  if (Number(length) > ACTION_BODY_LIMIT_BYTES) {
    return { status: 413, code: "VALIDATION", message: "The request is too large." };
  }
  return null;
}
