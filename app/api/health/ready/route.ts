import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { getDbHandle } from "@/lib/db";
import { isDraining } from "@/lib/server/lifecycle";

export const dynamic = "force-dynamic";

const READY_PROBE_TIMEOUT_MS = 2_000;
const noStore = { "cache-control": "no-store" };

/**
 * Readiness for a load balancer: 200 while this instance serves and reaches its database; 503 as
 * soon as it starts draining (a stop signal) or when the database does not answer. CAN is not
 * part of it: a CAN outage is the same on every instance, so taking them all out would not help.
 */
export async function GET() {
  if (isDraining()) return NextResponse.json({ ready: false, reason: "draining" }, { status: 503, headers: noStore });
  try {
    const handle = await getDbHandle();
    await Promise.race([
      handle.db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error("database probe timed out")), READY_PROBE_TIMEOUT_MS).unref()),
    ]);
    return NextResponse.json({ ready: true, database: handle.kind }, { headers: noStore });
  } catch {
    return NextResponse.json({ ready: false, reason: "database unavailable" }, { status: 503, headers: noStore });
  }
}
