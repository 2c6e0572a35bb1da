// Which Host a request may name. A browser tricked by DNS rebinding (evil.example resolving to
// 127.0.0.1) sends `Host: evil.example`, and its Origin matches that Host, so an Origin check alone
// lets it act as a same-origin page, which matters for a demo console whose passwords are public.
// Only PUBLIC_URL's host (and an explicit allow-list) is served. X-Forwarded-Host is a request
// header anyone can set, so it names the host only when a reverse proxy is declared to set it.
// No imports: proxy.ts runs it on every request, and unit tests call it directly.

type HeaderReader = Pick<Headers, "get">;

export type HostPolicy = { allowed: ReadonlySet<string>; protocol: string; trustForwardedHost: boolean };

/** `host[:port]` lower-cased, default ports dropped, so `Host: console.example.com:443` matches https://console.example.com. */
function normalizeHost(raw: string, protocol: string): string {
  const host = raw.trim().toLowerCase();
  const defaultPort = protocol === "https:" ? ":443" : ":80";
  return host.endsWith(defaultPort) ? host.slice(0, -defaultPort.length) : host;
}

export function hostPolicyFrom(publicUrl: string, extraHosts: readonly string[], trustForwardedHost: boolean): HostPolicy {
  const url = new URL(publicUrl);
  const allowed = new Set([url.host, ...extraHosts].map((h) => normalizeHost(h, url.protocol)));
  return { allowed, protocol: url.protocol, trustForwardedHost };
}

/** The host the client addressed: Host, or the first X-Forwarded-Host entry when a proxy is trusted to set it. */
export function addressedHost(headers: HeaderReader, trustForwardedHost: boolean): string | null {
  const forwarded = trustForwardedHost ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return (forwarded || headers.get("host")?.trim()) ?? null;
}

export function isAllowedHost(headers: HeaderReader, policy: HostPolicy): boolean {
  const host = addressedHost(headers, policy.trustForwardedHost);
  return host !== null && policy.allowed.has(normalizeHost(host, policy.protocol));
}
