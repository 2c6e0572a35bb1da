// `npm run users -- token …`: API tokens for schedulers and scripts (the same service as /admin).
import { API_TOKEN_ROLES, createApiToken, listApiTokens, revokeApiToken, type ApiTokenRole, type TokenChange } from "@/lib/auth/api-tokens";
import { UsageError } from "./cli-support";

export const TOKEN_USAGE = `  token create <tenant> <name> <role> [--expires YYYY-MM-DD]
                                          an API token (${API_TOKEN_ROLES.join(" or ")}); prints the secret once
  token list <tenant>                     the tenant's tokens: created, last used, expiry, revoked
  token revoke <tenant> <token-id>        refuse the token from the next request on`;

const isTokenRole = (r: string): r is ApiTokenRole => (API_TOKEN_ROLES as readonly string[]).includes(r);

function expiryFrom(args: string[]): Date | null {
  const at = args.indexOf("--expires");
  if (at < 0) return null;
  const day = args[at + 1] ?? "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    throw new UsageError("--expires takes a date, YYYY-MM-DD (the token stops working at its start, UTC)");
  return new Date(`${day}T00:00:00Z`);
}

export async function tokenCommand(args: string[], change: TokenChange, checkTenant: (id: string) => void): Promise<number> {
  const [sub, tenant = "", ...rest] = args;
  if (!sub || !tenant) throw new UsageError(`missing arguments\n${TOKEN_USAGE}`);
  checkTenant(tenant);
  switch (sub) {
    case "create": {
      const [name = "", role = ""] = rest;
      if (!name || !isTokenRole(role)) throw new UsageError(`token create <tenant> <name> <${API_TOKEN_ROLES.join("|")}> [--expires YYYY-MM-DD]`);
      const { token, view } = await createApiToken({ tenantId: tenant, name, role, expiresAt: expiryFrom(rest) }, change);
      console.error(`created token ${view.id} (${view.name}, ${view.role} in ${tenant}${view.expiresAt ? `, expires ${view.expiresAt}` : ", no expiry"}).`);
      console.error("The secret is shown this once; store it in the scheduler's secret store:");
      console.log(token);
      return 0;
    }
    case "list": {
      const tokens = await listApiTokens(tenant);
      if (tokens.length === 0) console.log(`no API tokens in ${tenant}`);
      for (const t of tokens) {
        const state = t.revokedAt
          ? `REVOKED ${t.revokedAt} by ${t.revokedBy ?? "?"}`
          : t.status === "expired"
            ? `EXPIRED ${t.expiresAt ?? ""}`
            : t.expiresAt
              ? `expires ${t.expiresAt}`
              : "no expiry";
        const used = t.lastUsedAt ? `last used ${t.lastUsedAt} from ${t.lastUsedIp ?? "unknown address"}` : "never used";
        console.log(`${t.id}  ${t.name.padEnd(24)} ${t.role.padEnd(9)} created ${t.createdAt} by ${t.createdBy}; ${used}; ${state}`);
      }
      return 0;
    }
    case "revoke": {
      const [id = ""] = rest;
      if (!id) throw new UsageError("token revoke <tenant> <token-id>");
      const view = await revokeApiToken(tenant, id, change);
      console.log(`revoked ${view.id} (${view.name}) in ${tenant}`);
      return 0;
    }
    default:
      throw new UsageError(`unknown token command ${sub}\n${TOKEN_USAGE}`);
  }
}
