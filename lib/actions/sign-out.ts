"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { applyCookies } from "@/lib/auth/apply-cookies";
import { getRequestMeta } from "@/lib/auth/dal";
import { signOut } from "@/lib/auth/sign-in";

/** The header's Sign out: ends this session (audited) and goes to the sign-in page. */
export async function signOutAction(): Promise<void> {
  const cleared = await signOut({ headers: new Headers(await headers()), meta: await getRequestMeta() });
  await applyCookies(cleared);
  redirect("/login");
}
