// Decides, before Next sees it, whether a server-action POST may proceed. Next's own CSRF check
// (Origin against X-Forwarded-Host / Host) throws for a foreign or `null` Origin and answers 500
// with an error digest; its body-size check does the same for an oversized body. Refusing here
// gives the client a clean 4xx and keeps those errors out of the server log. No imports: proxy.ts
// runs it on every request, and unit tests call it directly.

/** Next's default `serverActions.bodySizeLimit` (1 MB); the mark schemas stay far below it. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export type ActionRefusal = { status: 403 | 411 | 413; code: "FORBIDDEN" | "VALIDATION"; message: string };

type HeaderReader = Pick<Headers, "get">;

/** The host the client addressed: the proxy's X-Forwarded-Host (first entry) or Host, as Next reads it. */
function addressedHost(headers: HeaderReader): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return (forwarded || headers.get("host")?.trim()) ?? null;
}

function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : null;
  } catch {
    return null; // "null" (sandboxed frames, some redirects) and anything unparsable
  }
}

export function isServerActionRequest(method: string, headers: HeaderReader): boolean {
  return method === "POST" && headers.get("next-action") !== null;
}

/** null when the request may go on; otherwise the refusal to answer with. */
export function refuseServerAction(headers: HeaderReader): ActionRefusal | null {
  const origin = headers.get("origin");
  const host = addressedHost(headers);
  const from = origin === null ? null : originHost(origin);
  // Browsers send Origin on every POST; a request without one is not from our pages.
  if (from === null || host === null || from.toLowerCase() !== host.toLowerCase()) {
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
