import { NextResponse } from "next/server";
import { probeTenants } from "@/lib/services/health";

export const dynamic = "force-dynamic";

/** Liveness of the app plus each tenant's CAN reachability. The app is "ok" even when a CAN is down. */
export async function GET() {
  const tenants = await probeTenants();
  return NextResponse.json(
    { status: "ok", time: new Date().toISOString(), tenants },
    { headers: { "cache-control": "no-store" } },
  );
}
