import { handleCanApi } from "@/lib/can-api/handle";

// CAN's API served by the console for schedulers (docs/schedulers.md): token, tenant and role
// checks, validation, the audit log and the answer envelope all live in lib/can-api.

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ endpoint: string }> };

export async function GET(request: Request, { params }: Context) {
  return handleCanApi(request, (await params).endpoint);
}

export async function POST(request: Request, { params }: Context) {
  return handleCanApi(request, (await params).endpoint);
}
