import { isIP } from "node:net";

/**
 * The client address, read from the one header a trusted reverse proxy sets (TRUST_PROXY_HEADER).
 * `next start` copies the socket address into X-Forwarded-For only when the client sent none, so
 * with no trusted proxy the address is unknowable (a client can write any header): null then,
 * and the sign-in limit uses one shared bucket. For X-Forwarded-For the rightmost entry is the one
 * the nearest proxy appended.
 */
export function clientIpFrom(headers: Pick<Headers, "get">, trustedHeader: string | undefined): string | null {
  if (!trustedHeader) return null;
  const raw = headers.get(trustedHeader);
  if (!raw) return null;
  const value = (trustedHeader === "x-forwarded-for" ? raw.split(",").at(-1) : raw)?.trim() ?? "";
  const unmapped = value.startsWith("::ffff:") && isIP(value.slice(7)) === 4 ? value.slice(7) : value;
  return isIP(unmapped) ? unmapped.toLowerCase() : null;
}
