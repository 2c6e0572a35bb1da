// A closed-loop load generator: `concurrency` clients, each sending its next GET as soon as the last
// one is answered, over kept-alive loopback connections (node:http, so the client adds as little as
// possible to what is measured).
import http from "node:http";
import { performance } from "node:perf_hooks";

export type LoadResult = { latenciesMs: number[]; elapsedMs: number; errors: number; bytes: number; statuses: Record<number, number> };

function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method: "GET", headers }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}

export async function runLoad(target: string, headers: Record<string, string>, total: number, concurrency: number): Promise<LoadResult> {
  const url = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let bytes = 0;
  let issued = 0;
  const started = performance.now();
  const client = async () => {
    while (issued < total) {
      issued++;
      const t0 = performance.now();
      try {
        const r = await get(agent, url, headers);
        latenciesMs.push(performance.now() - t0);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        bytes += r.bytes;
        if (r.status !== 200) errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { latenciesMs, elapsedMs, errors, bytes, statuses };
}
