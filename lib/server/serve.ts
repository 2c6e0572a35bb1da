import "server-only";
import { ensureDemoAccounts } from "@/lib/auth/demo";
import { getAuth } from "@/lib/auth/auth";
import { getDbHandle } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { allTenants, isDemoMode } from "@/lib/tenants";
import { installSignalHandlers } from "./shutdown";
import { startupWarnings } from "./startup-warnings";
import { watchTenantsFile } from "./tenants-file-watch";
import { logEvent } from "@/lib/log/log-event";

/**
 * The rest of start-up once every setting passed: the drain on stop signals, the auth set-up, the
 * demo accounts (demo mode), a watch on the tenants file, the warnings an operator should see, and
 * the `server.ready` line.
 */
export async function serve(): Promise<void> {
  installSignalHandlers();
  const handle = await getDbHandle();
  await getAuth();
  const created = await ensureDemoAccounts();
  const tenantsFile = getEnv().CAN_TENANTS_FILE;
  if (tenantsFile) watchTenantsFile(tenantsFile);
  for (const { event, ...w } of startupWarnings({ demoMode: isDemoMode(), tenants: allTenants(), trustProxyHeader: getEnv().TRUST_PROXY_HEADER }))
    logEvent("warn", event, w);
  logEvent("info", "server.ready", {
    database: handle.kind,
    demoMode: isDemoMode(),
    ...(created.length > 0 ? { demoAccountsCreated: created } : {}),
  });
}
