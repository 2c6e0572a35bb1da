import "server-only";
import { isDemoMode } from "@/lib/tenants";
import type { Role } from "./roles";
import { createUser, findUserByUsername, grantRole, type Change } from "./users";

export const DEMO_PASSWORD = "demo-password";

export const DEMO_ACCOUNTS: { username: string; name: string; roles: Record<string, Role> }[] = [
  { username: "admin", name: "Demo Admin", roles: { acme: "admin", globex: "admin" } },
  { username: "operator", name: "Demo Operator", roles: { acme: "operator", globex: "viewer" } },
  { username: "viewer", name: "Demo Viewer", roles: { acme: "viewer" } },
];

const SYSTEM: Change = { by: { userId: null, username: "system:demo-setup", role: null }, meta: null };

/**
 * Demo mode only: creates each demo account that does not exist yet, with its roles. An existing
 * account is left as it is (its password or roles may have been changed on purpose). Two
 * instances starting together cannot create one twice: usernames are unique, and the loser of
 * that race skips the account.
 */
export async function ensureDemoAccounts(): Promise<string[]> {
  if (!isDemoMode()) return [];
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByUsername(account.username)) continue;
    try {
      await createUser({ username: account.username, name: account.name, password: DEMO_PASSWORD }, SYSTEM);
    } catch (e) {
      if (await findUserByUsername(account.username)) continue; // another instance won the race
      throw e;
    }
    for (const [tenantId, role] of Object.entries(account.roles)) await grantRole(account.username, tenantId, role, SYSTEM);
    created.push(account.username);
  }
  return created;
}
