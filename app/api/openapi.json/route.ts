import { canApiOpenApi } from "@/lib/can-api/openapi";

// Public: it describes the API's shape, nothing of any tenant.
export const dynamic = "force-static";

export function GET() {
  return Response.json(canApiOpenApi(), { headers: { "cache-control": "public, max-age=300" } });
}
