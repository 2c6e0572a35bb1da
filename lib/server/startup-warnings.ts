import type { Tenant } from "@/lib/tenants";

export type StartupWarning = { event: "server.warning"; warning: string; tenant?: string };

/**
 * Configurations that work but weaken a guarantee, said once at start-up so an operator sees them
 * in the log. Demo mode (the sandbox on loopback) is a development set-up and is not warned about.
 */
export function startupWarnings(config: { demoMode: boolean; tenants: readonly Tenant[]; trustProxyHeader: string | undefined }): StartupWarning[] {
  if (config.demoMode) return [];
  const warnings: StartupWarning[] = config.tenants
    .filter((t) => t.allowInsecureHttp)
    .map((t) => ({
      event: "server.warning",
      tenant: t.id,
      warning: `tenant ${t.id} talks to CAN over plain http (allowInsecureHttp): its credential crosses the network in clear text`,
    }));
  if (!config.trustProxyHeader) {
    warnings.push({
      event: "server.warning",
      warning:
        "TRUST_PROXY_HEADER is not set: client addresses are unknown, so the per-address sign-in limit cannot tell clients apart (see docs/environment.md)",
    });
  }
  return warnings;
}
