import "server-only";
import { cookies } from "next/headers";
import type { CookieToSet } from "./cookies";

/** Puts Better Auth's cookies (a new session, or the ones that clear it) on the current response. */
export async function applyCookies(list: readonly CookieToSet[]): Promise<void> {
  const jar = await cookies();
  for (const c of list) jar.set(c.name, c.value, c.options);
}
