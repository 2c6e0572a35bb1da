import "server-only";
import { ensureDemoAccounts } from "@/lib/auth/demo";
import { getAuth } from "@/lib/auth/auth";
import { getDbHandle } from "@/lib/db";
import { isDemoMode } from "@/lib/tenants";
import { installSignalHandlers } from "./shutdown";

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
  console.log(
    JSON.stringify({
      event: "server.ready",
      database: handle.kind,
      demoMode: isDemoMode(),
      ...(created.length > 0 ? { demoAccountsCreated: created } : {}),
    }),
  );
}
