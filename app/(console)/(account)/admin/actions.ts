"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/actions/define-action";
import type { Result } from "@/lib/api/result";
import { ROLES } from "@/lib/auth/roles";
import { endSessionsOf, NotInTenantError, revokeTenantRole, saveTenantRole, setDisabledAsAdmin } from "@/lib/auth/tenant-admin";
import { UserAdminError, type Change } from "@/lib/auth/users";

export type AdminState = Result<string> | null;

const target = z.object({ tenantId: z.string().min(1).max(64), username: z.string().trim().toLowerCase().min(2).max(64) });
const roleInput = target.extend({
  role: z.enum(ROLES),
  name: z.string().trim().max(120).optional(),
  password: z.string().max(256).optional(),
});
const disableInput = target.extend({ disabled: z.enum(["true", "false"]) });

const changeBy = (ctx: ActionContext<unknown>): Change => ({
  by: { userId: ctx.actor.userId, username: ctx.actor.username, role: ctx.actor.role },
  meta: ctx.meta,
});

function refused(message: string): Result<never> {
  return { ok: false, error: { code: "VALIDATION", message } };
}

/** The page's own words for what it did or refused, in the reader's language (these answers go nowhere else). */
const words = () => getTranslations("admin.results");

/** Expected refusals from the users service become messages; anything else is the wrapper's INTERNAL. */
async function run(work: () => Promise<string>): Promise<Result<string>> {
  try {
    const message = await work();
    revalidatePath("/admin");
    return { ok: true, data: message };
  } catch (e) {
    if (e instanceof NotInTenantError) return { ok: false, error: { code: "NOT_FOUND", message: (await getTranslations("errors.codes"))("NOT_FOUND") } };
    if (e instanceof UserAdminError) return refused(e.message);
    throw e;
  }
}

const saveRole = defineAction({ name: "admin.saveRole", input: roleInput, permission: "users:manage" }, async (ctx) => {
  const { username, role, name, password } = ctx.input;
  const t = await words();
  if (username === ctx.actor.username) return refused(t("ownRole"));
  return run(async () => {
    const { previous } = await saveTenantRole(ctx.actor, { username, role, name, password }, changeBy(ctx));
    const tRole = await getTranslations("roles");
    const about = { user: username, role: tRole(role), tenant: ctx.tenant.name };
    return previous ? t("changed", { ...about, previous: tRole(previous) }) : t("granted", about);
  });
});

const removeRole = defineAction({ name: "admin.revokeRole", input: target, permission: "users:manage" }, async (ctx) => {
  const { username } = ctx.input;
  const t = await words();
  if (username === ctx.actor.username) return refused(t("ownRoleRemove"));
  return run(async () => {
    const { previous } = await revokeTenantRole(ctx.actor, username, changeBy(ctx));
    return t("removed", { user: username, previous: previous ? (await getTranslations("roles"))(previous) : "", tenant: ctx.tenant.name });
  });
});

const endSessions = defineAction({ name: "admin.revokeSessions", input: target, permission: "users:manage" }, async (ctx) =>
  run(async () => (await words())("sessionsEnded", { user: ctx.input.username, count: await endSessionsOf(ctx.actor, ctx.input.username, changeBy(ctx)) })),
);

const disable = defineAction({ name: "admin.setDisabled", input: disableInput, permission: "users:manage" }, async (ctx) => {
  const { username, disabled } = ctx.input;
  const t = await words();
  if (username === ctx.actor.username) return refused(t("ownDisable"));
  return run(async () => {
    await setDisabledAsAdmin(ctx.actor, username, disabled === "true", changeBy(ctx));
    return t(disabled === "true" ? "disabled" : "enabled", { user: username });
  });
});

const formInput = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => v !== ""));

export async function saveRoleAction(_prev: AdminState, form: FormData): Promise<AdminState> {
  return saveRole(formInput(form));
}
export async function revokeRoleAction(_prev: AdminState, form: FormData): Promise<AdminState> {
  return removeRole(formInput(form));
}
export async function revokeSessionsAction(_prev: AdminState, form: FormData): Promise<AdminState> {
  return endSessions(formInput(form));
}
export async function setDisabledAction(_prev: AdminState, form: FormData): Promise<AdminState> {
  return disable(formInput(form));
}
