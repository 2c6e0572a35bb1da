import "server-only";
import { createHash } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { user as userTable } from "@/lib/db/schema";

/** The alphabet and length of usernames everywhere (lib/auth/users.ts, Better Auth's validator). */
const ALLOWED = /[^a-z0-9_.]/g;

/** Candidates in order: the provider's preferred_username, then the e-mail's local part. */
export function usernameCandidates(profile: Record<string, unknown>): string[] {
  const raw = [profile.preferred_username, typeof profile.email === "string" ? profile.email.split("@")[0] : undefined];
  return raw
    .filter((v): v is string => typeof v === "string")
    .map((v) => v.toLowerCase().replace(ALLOWED, "_").slice(0, 56))
    .filter((v) => v.length >= 2);
}

/**
 * A company user gets a username at first sign-in (the admin page and the users CLI name users by
 * it). A name a local account already holds is never taken over: a suffix from the provider's
 * subject keeps it apart, and the name stays as given on later sign-ins.
 */
export async function ensureUsername(userId: string, profile: Record<string, unknown>): Promise<string> {
  const db = await getDb();
  const [u] = await db.select({ username: userTable.username }).from(userTable).where(eq(userTable.id, userId));
  if (u?.username) return u.username;
  const suffix = createHash("sha256")
    .update(String(profile.sub ?? userId))
    .digest("hex")
    .slice(0, 6);
  const base = usernameCandidates(profile)[0] ?? "user";
  for (const name of [base, `${base}_${suffix}`, `user_${suffix}_${userId.slice(0, 6).toLowerCase().replace(ALLOWED, "_")}`]) {
    const [taken] = await db
      .select({ id: userTable.id })
      .from(userTable)
      .where(and(eq(userTable.username, name), ne(userTable.id, userId)));
    if (taken) continue;
    await db.update(userTable).set({ username: name, displayUsername: name }).where(eq(userTable.id, userId));
    return name;
  }
  throw new Error("no free username for a company user");
}
