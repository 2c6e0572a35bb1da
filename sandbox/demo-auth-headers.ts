import type { DemoTenant } from "@/lib/demo-tenants";

/**
 * CAN's three headers for a demo tenant, as a script calling the sandbox directly would send them:
 * the API key as it is, or a token fresh from token/create for an app-credential tenant.
 * For tests, the bench and scripts; the app obtains and renews its tokens in lib/can.
 */
export async function demoAuthHeaders(sandboxUrl: string, tenant: DemoTenant): Promise<Record<string, string>> {
  if (tenant.authType === "APIKEY") return { "tenant-id": tenant.id, "auth-type": "APIKEY", "auth-value": tenant.authValue };
  const res = await fetch(`${sandboxUrl}/anymetrics/api/v1/token/create`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ appId: tenant.appId, appSecret: tenant.appSecret }),
  });
  const answer = (await res.json()) as { success?: boolean; data?: unknown; errorMsg?: string };
  if (answer.success !== true || typeof answer.data !== "string") throw new Error(`token/create for ${tenant.id}: ${answer.errorMsg ?? `HTTP ${res.status}`}`);
  return { "tenant-id": tenant.id, "auth-type": "TOKEN", "auth-value": answer.data };
}
