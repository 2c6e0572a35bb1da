import "server-only";
import { ConfigError, getEnv } from "@/lib/env";
import { startTracing } from "@/lib/telemetry/tracing";
import { tracingSettings } from "@/lib/telemetry/tracing-settings";
import { checkConfiguration, problemLines } from "./config-check";

/**
 * Start-up work of a server process, run by Next's register hook before any request is handled:
 * check every setting (lib/server/config-check.ts), then install the drain on stop signals, check
 * the auth configuration and, in demo mode, create the demo accounts. A bad setting stops the
 * process here with one line per problem and exit code 1, never a server answering 500s.
 */
export async function bootstrapServer(): Promise<void> {
  await startTracingIfConfigured();
  const problems = await checkConfiguration();
  if (problems.length > 0) return refuseToStart(problems);
  // Loaded only now: auth and the rest are heavy, and not needed to refuse a bad setting.
  const { serve } = await import("./serve");
  try {
    await serve();
  } catch (e) {
    // A bug rather than a setting: its stack helps whoever fixes it.
    if (!(e instanceof ConfigError)) console.error(e);
    return refuseToStart(problemLines(e));
  }
}

/** Before the database opens, so its client is the traced one. A bad setting is left to the check below. */
async function startTracingIfConfigured(): Promise<void> {
  let settings;
  try {
    settings = tracingSettings(getEnv());
  } catch {
    return;
  }
  if (settings) await startTracing(settings);
}

/**
 * Plain lines on stderr, no stack: they are for the person starting the console. Next has not
 * handled a request yet (it waits for this hook), so exiting here means nothing was ever served.
 */
async function refuseToStart(problems: readonly string[]): Promise<never> {
  for (const p of problems) console.error(`Configuration error: ${p}`);
  console.error(`The console did not start: fix the setting${problems.length > 1 ? "s" : ""} above and start it again.`);
  // Releases the embedded database's lock file, if the check got that far.
  const { closeDb } = await import("@/lib/db");
  await closeDb().catch(() => undefined);
  process.exit(1);
}
