import "server-only";
import { authenticateApiToken, type ApiTokenView } from "@/lib/auth/api-tokens";
import { hasPermission, type Permission } from "@/lib/auth/roles";
import { getTenant, type Tenant } from "@/lib/tenants";
import { refusal, type ApiAnswer } from "./answers";

export type Caller = { token: ApiTokenView; tenant: Tenant };

const WHY: Record<"malformed" | "unknown" | "revoked" | "expired", string> = {
  malformed: "auth-value is not a console API token (cpc_…)",
  unknown: "the API token is not valid",
  revoked: "the API token has been revoked",
  expired: "the API token has expired",
};

/**
 * CAN's three headers, read the console's way: `tenant-id` is our tenant id, `auth-type` must be
 * APIKEY, `auth-value` is a console API token of that tenant whose role allows the call.
 */
export async function authenticateCaller(
  headers: Headers,
  permission: Permission,
  ip: string | null,
  requestId: string,
): Promise<{ ok: true; caller: Caller } | { ok: false; answer: ApiAnswer }> {
  const tenantId = headers.get("tenant-id")?.trim() ?? "";
  const authType = headers.get("auth-type")?.trim() ?? "";
  const authValue = headers.get("auth-value")?.trim() ?? "";
  if (!authValue) return { ok: false, answer: refusal("CONSOLE_UNAUTHENTICATED", "auth-value is required: a console API token", requestId) };
  if (authType.toUpperCase() !== "APIKEY")
    return { ok: false, answer: refusal("CONSOLE_FORBIDDEN", "auth-type must be APIKEY for the console's API", requestId) };
  const check = await authenticateApiToken(authValue, ip);
  if (!check.ok) return { ok: false, answer: refusal("CONSOLE_UNAUTHENTICATED", WHY[check.why], requestId) };
  const { token } = check;
  // The same answer for another tenant's id and an unknown one: a token learns nothing of other tenants.
  const tenant = token.tenantId === tenantId ? getTenant(tenantId) : undefined;
  if (!tenant) return { ok: false, answer: refusal("CONSOLE_FORBIDDEN", "this token does not belong to the tenant named by tenant-id", requestId) };
  if (!hasPermission(token.role, permission)) {
    return {
      ok: false,
      answer: refusal(
        "CONSOLE_FORBIDDEN",
        `a ${token.role} token may not call this endpoint${permission === "partitions:mark" ? " (marking needs an operator token)" : ""}`,
        requestId,
      ),
    };
  }
  return { ok: true, caller: { token, tenant } };
}
