import { NextResponse } from "next/server";
import { isDraining } from "./lifecycle";

/**
 * The answer of a stopping instance to new work: 503 before anything is done, so a balancer may
 * resend the request (even a POST) to another instance. Null while the instance serves.
 */
export function refuseWhileDraining(): NextResponse | null {
  if (!isDraining()) return null;
  return new NextResponse("This console instance is restarting. Try again in a moment.", {
    status: 503,
    headers: { "retry-after": "2", connection: "close", "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
