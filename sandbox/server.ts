import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isValidKey } from "@/lib/partitions";
import { canEndpointOf } from "./can-endpoints";
import { handleCanRequest } from "./can-router";
import { localYesterday } from "./clock";
import { CONTROL_PREFIX, handleControlRequest } from "./control-router";
import { DEMO_TENANTS } from "@/lib/demo-tenants";
import { failEnvelope } from "./envelope";
import { FaultBook } from "./faults";
import { BodyTooLargeError, sendJson } from "./http-io";
import { RequestCounters } from "./request-counters";
import { DEFAULT_RUNTIME_CONFIG, mergeConfig, type RuntimeConfig } from "./runtime-config";
import type { SandboxContext } from "./sandbox-context";
import { Sleeper } from "./sleeper";
import { StateStore } from "./state-store";
import { handleTokenRequest, isTokenPath } from "./token-handler";
import { TokenBook } from "./tokens";

export type StartSandboxOptions = {
  host?: string;
  /** 0 picks a free port; the returned url has the real one. */
  port?: number;
  dataDir: string;
  /** Reseed even if a state file exists. */
  reset?: boolean;
  /** Last seeded day, "YYYY-MM-DD"; defaults to yesterday (local calendar). */
  seedEnd?: string;
  config?: Partial<RuntimeConfig>;
  log?: (line: string) => void;
};

export type RunningSandbox = { url: string; close(): Promise<void> };

async function dispatch(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      await handleControlRequest(ctx, req, res, url);
      return;
    }
    if (isTokenPath(url.pathname)) {
      await handleTokenRequest(ctx, req, res);
      return;
    }
    const endpoint = canEndpointOf(url.pathname);
    if (endpoint !== null) {
      await handleCanRequest(ctx, req, res, url, endpoint);
      return;
    }
    sendJson(res, 404, failEnvelope("404", `unknown endpoint: ${url.pathname}`));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendJson(res, 413, failEnvelope("413", error.message));
      return;
    }
    // The cause goes to the log only; the caller gets a generic message and a traceId.
    ctx.log(`CAN sandbox: internal error on ${req.method ?? "?"} ${req.url ?? ""}: ${(error as Error).stack ?? String(error)}`);
    sendJson(res, 500, failEnvelope("500", "internal sandbox error"));
  }
}

export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const seedEnd = options.seedEnd ?? localYesterday();
  if (!isValidKey(seedEnd, "DAY")) throw new Error(`seed end must be a real date YYYY-MM-DD, got "${seedEnd}"`);
  const host = options.host ?? "127.0.0.1";
  const startupConfig = mergeConfig(DEFAULT_RUNTIME_CONFIG, options.config ?? {});
  const store = await StateStore.open(options.dataDir, { reset: options.reset ?? false, seedEnd });
  const ctx: SandboxContext = {
    store,
    tenants: DEMO_TENANTS,
    config: { ...startupConfig },
    startupConfig,
    seedEnd,
    faults: new FaultBook(),
    counters: new RequestCounters(),
    tokens: new TokenBook(),
    sleeper: new Sleeper(),
    log: options.log ?? ((line) => console.error(line)),
  };

  const server = createServer((req, res) => void dispatch(ctx, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      // Wake hanging requests first so they drop their sockets instead of holding close() open.
      ctx.sleeper.cancelAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.idle();
    })();
    return closing;
  };
  return { url, close };
}
