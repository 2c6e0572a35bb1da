// A second app instance with the console's default settings (the bench's main app shares only reads
// in flight, so its cold loads stay cold): the rows that measure the shared reads run against it.
// Same sandbox, its own port and database folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchContext } from "./context";
import { openSession, type Session } from "@/tests/support/action-client";
import { freePort, startService, waitForHttp } from "@/tests/support/processes";

export type DefaultInstance = { appUrl: string; session: Session };

export async function withDefaultInstance(ctx: BenchContext, run: (instance: DefaultInstance) => Promise<void>): Promise<void> {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "bench-defaults-"));
  const { CAN_LIST_CACHE_SECONDS: _measuredDefault, CAN_API_RATE_PER_MINUTE: _default, ...env } = process.env;
  const app = startService("defaults-app", "npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...env, SANDBOX_URL: ctx.sandbox.url, PUBLIC_URL: appUrl, DATA_DIR: dataDir, NODE_ENV: "production" },
    show: "quiet",
    group: true,
  });
  try {
    if (!(await waitForHttp(`${appUrl}/api/health/ready`, { timeoutMs: 120_000, alive: app.alive, ok: (s) => s === 200 })).up)
      throw new Error(`the instance with default settings did not start:\n${app.lastLines(50).join("\n")}`);
    await run({ appUrl, session: await openSession(process.cwd(), appUrl, "viewer", "demo-password") });
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
