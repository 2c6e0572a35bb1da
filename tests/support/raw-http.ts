import { request as httpRequest } from "node:http";
import { E2E_APP_PORT } from "../../playwright.config";

// A request to the e2e app with any Host header: fetch (undici) and browsers set Host from the URL,
// and the Host check is about what a DNS-rebound name or a forged header puts there.

export type RawAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

export function rawRequest(path: string, init: { method?: string; headers: Record<string, string>; body?: string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: E2E_APP_PORT, path, method: init.method ?? "GET", headers: init.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}
