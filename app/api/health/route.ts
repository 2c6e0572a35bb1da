import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/dal";
import { probeTenants } from "@/lib/services/health";
import { allTenants } from "@/lib/tenants";

export const dynamic = "force-dynamic";

/**
 * Liveness of the app (anyone: load balancers, `npm start`, Playwright), plus, for a signed-in user,
 * CAN reachability of the tenants they hold a role in. Signed out, it names no tenant and calls no
 * CAN: tenant ids are not public, and an anonymous probe must not fan out to every upstream.
 * The app is "ok" even when a CAN is down.
 */
export async function GET() {
  const user = await getSessionUser();
  const body: { status: "ok"; time: string; tenants?: Awaited<ReturnType<typeof probeTenants>> } = { status: "ok", time: new Date().toISOString() };
  if (user) body.tenants = await probeTenants(allTenants().filter((t) => user.roles[t.id] !== undefined));
  return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
}
