"use server";

import { eq } from "drizzle-orm";
import { z } from "zod";
import { defineAccountAction } from "@/lib/actions/define-account-action";
import { getDb } from "@/lib/db";
import { user } from "@/lib/db/schema";
import { LOCALES } from "@/i18n/locales";

const input = z.object({ locale: z.enum(LOCALES) });

/**
 * The header's language switcher: stores the choice with the signed-in user, so it follows them to
 * any browser (i18n/request.ts reads it before the cookie). The browser's cookie is set by the
 * switcher itself, which also works signed out (the login page).
 */
export const saveLocaleAction = defineAccountAction({ name: "account.save_locale", input }, async ({ input, session }) => {
  const db = await getDb();
  await db.update(user).set({ locale: input.locale }).where(eq(user.id, session.user.id));
  return { ok: true, data: { locale: input.locale } };
});
