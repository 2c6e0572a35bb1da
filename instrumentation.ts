// Next.js runs register() once per server process before it serves. NEXT_RUNTIME is a build-time
// constant Next inlines per runtime (the one process.env read outside lib/env.ts, by necessity):
// the database work only exists on the Node.js runtime.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { bootstrapServer } = await import("./lib/server/bootstrap");
    await bootstrapServer();
  }
}
