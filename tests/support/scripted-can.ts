import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { CanError } from "@/lib/can/errors";
import type { FixedCredentialTenant } from "@/lib/tenants";

export type Seen = { method: string; path: string; query: URLSearchParams; headers: IncomingMessage["headers"]; body: string };
export type Handler = (req: Seen, res: ServerResponse) => void;

/**
 * A real HTTP server whose answers each test scripts, for the client's edge cases
 * (the CAN sandbox covers the faithful wire format; this covers the odd ones).
 */
export async function startScriptedCan() {
  const seen: Seen[] = [];
  let handler: Handler = (_req, res) => res.end("{}");
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const s: Seen = { method: req.method ?? "", path: url.pathname, query: url.searchParams, headers: req.headers, body };
      seen.push(s);
      handler(s, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const tenant: FixedCredentialTenant = { id: "t1", name: "T1", baseUrl: `http://127.0.0.1:${port}`, authType: "APIKEY", authValue: "sk-test-secret-value" };
  return {
    tenant,
    seen,
    handle(h: Handler) {
      handler = h;
      seen.length = 0;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * Answers CAN's plan read (`queryAccelerateResultPlan`) with a DAY plan named `p_<uuid>` of the given
 * type, and says whether it did; other requests are left to the caller.
 */
export function answerPlanRead(r: Seen, res: ServerResponse, materializeType: "EXTERNAL" | "RESULT" = "EXTERNAL"): boolean {
  if (!r.path.endsWith("queryAccelerateResultPlan")) return false;
  const id = r.query.get("uuid") ?? "";
  const data = { id, name: `p_${id}`, materializeType, metricTimeGranularity: "DAY", refreshConfig: { isFullRefresh: false } };
  json(res, { data, success: true, code: "200", errorMsg: null });
  return true;
}

export function json(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** The CanError a call failed with (the test fails if it succeeded or threw anything else). */
export async function canFailure(p: Promise<unknown>): Promise<CanError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CanError);
  return e as CanError;
}
