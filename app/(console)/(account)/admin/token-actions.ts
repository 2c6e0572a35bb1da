"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/actions/define-action";
import type { Result } from "@/lib/api/result";
import { API_TOKEN_ROLES, ApiTokenError, createApiToken, revokeApiToken, type TokenChange } from "@/lib/auth/api-tokens";
import type { AdminState } from "./actions";

export type CreatedToken = { message: string; token: string };
export type CreateTokenState = Result<CreatedToken> | null;

const createInput = z
  .object({
    tenantId: z.string().min(1).max(64),
    name: z.string().trim().min(1, "give the token a name").max(64),
    role: z.enum(API_TOKEN_ROLES),
    expires: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "a date (YYYY-MM-DD)")
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "a real date")
      .optional(),
  })
  .strict();
const revokeInput = z.object({ tenantId: z.string().min(1).max(64), tokenId: z.string().regex(/^[a-z0-9]{12}$/) }).strict();

const changeBy = (ctx: ActionContext<unknown>): TokenChange => ({
  by: { userId: ctx.actor.userId, username: ctx.actor.username, role: ctx.actor.role },
  meta: ctx.meta,
});

/** The forms refresh the page themselves once they have shown the answer, so an answer stays small (no page payload). */
async function expected<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (e) {
    if (e instanceof ApiTokenError) return { ok: false, error: { code: "VALIDATION", message: e.message } };
    throw e;
  }
}

const create = defineAction({ name: "admin.createApiToken", input: createInput, permission: "users:manage" }, async (ctx) => {
  const { tenantId, name, role, expires } = ctx.input;
  return expected(async () => {
    const { token, view } = await createApiToken({ tenantId, name, role, expiresAt: expires ? new Date(`${expires}T00:00:00Z`) : null }, changeBy(ctx));
    return { token, message: (await getTranslations("admin.tokens"))("created", { name: view.name, role: view.role }) };
  });
});

const revoke = defineAction({ name: "admin.revokeApiToken", input: revokeInput, permission: "users:manage" }, async (ctx) =>
  expected(async () => {
    const view = await revokeApiToken(ctx.input.tenantId, ctx.input.tokenId, changeBy(ctx));
    return (await getTranslations("admin.tokens"))("revokedNow", { name: view.name });
  }),
);

// React adds its own `$ACTION_…` fields to a progressively enhanced form; the schemas are strict.
const formInput = (form: FormData) => Object.fromEntries([...form.entries()].filter(([k, v]) => v !== "" && !k.startsWith("$ACTION")));

export async function createApiTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  return create(formInput(form));
}

export async function revokeApiTokenAction(_prev: AdminState, form: FormData): Promise<AdminState> {
  return revoke(formInput(form));
}
