/**
 * The control endpoint rewrites state and injects faults, so only this machine may call it, even
 * when the sandbox listens on 0.0.0.0. Exact loopback addresses only (incl. IPv4-mapped IPv6).
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}
