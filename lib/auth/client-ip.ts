import { isIP } from "node:net";

/**
 * The client address, read from the one header a trusted reverse proxy sets (TRUST_PROXY_HEADER).
 * `next start` copies the socket address into X-Forwarded-For only when the client sent none, so
 * with no trusted proxy the address is unknowable (a client can write any header): null then.
 * For X-Forwarded-For the rightmost entry is the one the nearest proxy appended.
 */
export function clientIpFrom(headers: Pick<Headers, "get">, trustedHeader: string | undefined): string | null {
  if (!trustedHeader) return null;
  return addressIn(headers, trustedHeader);
}

/**
 * With no trusted proxy: the address X-Forwarded-For claims. For a client that sends none it is the
 * socket address `next start` wrote there, so honest clients are told apart; a client that forges
 * one only chooses its own sign-in-limit bucket. Never recorded as the client's address.
 */
export function claimedIpFrom(headers: Pick<Headers, "get">, trustedHeader: string | undefined): string | null {
  return trustedHeader ? null : addressIn(headers, "x-forwarded-for");
}

function addressIn(headers: Pick<Headers, "get">, header: string): string | null {
  const raw = headers.get(header);
  if (!raw) return null;
  const value = (header === "x-forwarded-for" ? raw.split(",").at(-1) : raw)?.trim() ?? "";
  const unmapped = value.startsWith("::ffff:") && isIP(value.slice(7)) === 4 ? value.slice(7) : value;
  return isIP(unmapped) ? unmapped.toLowerCase() : null;
}
