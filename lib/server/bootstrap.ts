import "server-only";
import { ensureDemoAccounts } from "@/lib/auth/demo";
import { getAuth } from "@/lib/auth/auth";
import { getDbHandle } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { allTenants, isDemoMode } from "@/lib/tenants";
import { installSignalHandlers } from "./shutdown";
import { startupWarnings } from "./startup-warnings";

/**
 * Start-up work of a server process: open the database (applying migrations under an advisory
 * lock), check the auth configuration, in demo mode create the demo accounts, and let stop signals
 * drain the instance (lib/server/shutdown.ts). Fails fast with the configuration error instead of
 * on the first request.
 */
export async function bootstrapServer(): Promise<void> {
  installSignalHandlers();
  const handle = await getDbHandle();
  await getAuth();
  const created = await ensureDemoAccounts();
  // Reading the tenants now also stops a bad tenants file here rather than on the first request.
  for (const w of startupWarnings({ demoMode: isDemoMode(), tenants: allTenants(), trustProxyHeader: getEnv().TRUST_PROXY_HEADER })) console.warn(JSON.stringify(w));
  console.log(
    JSON.stringify({
      event: "server.ready",
      database: handle.kind,
      demoMode: isDemoMode(),
      ...(created.length > 0 ? { demoAccountsCreated: created } : {}),
    }),
  );
}
