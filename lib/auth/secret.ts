import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { appSetting } from "@/lib/db/schema";
import { AUTH_SECRET_REQUIRED, ConfigError, getEnv } from "@/lib/env";
import { isDemoMode } from "@/lib/tenants";

/**
 * AUTH_SECRET signs session cookies and encrypts TOTP secrets. Outside demo mode it must be given
 * (the same value on every instance). In demo mode, when unset, one is generated once and kept in
 * the database, so every instance over that database shares it.
 */
export async function resolveAuthSecret(db: Db): Promise<string> {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (!isDemoMode()) throw new ConfigError(AUTH_SECRET_REQUIRED);
  await db
    .insert(appSetting)
    .values({ key: "demo_auth_secret", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSetting).where(eq(appSetting.key, "demo_auth_secret"));
  if (!row) throw new Error("demo auth secret missing after insert");
  return row.value;
}
