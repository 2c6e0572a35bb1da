import "server-only";
import { getEnv } from "@/lib/env";
import { scrape } from "@/lib/telemetry/metrics";
import { checkScrape } from "@/lib/telemetry/scrape-access";

export const dynamic = "force-dynamic";

/** Prometheus' text format for this instance (each instance is scraped by its own address). */
export async function GET(request: Request) {
  const access = checkScrape(request.headers.get("authorization"), getEnv().METRICS_TOKEN);
  const noStore = { "cache-control": "no-store" };
  if (!access.ok) {
    const headers = { ...noStore, "content-type": "text/plain; charset=utf-8", ...(access.status === 401 ? { "www-authenticate": "Bearer" } : {}) };
    return new Response(access.message, { status: access.status, headers });
  }
  const { contentType, text } = await scrape();
  return new Response(text, { headers: { ...noStore, "content-type": contentType } });
}
