"use server";

import { revalidatePath } from "next/cache";
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

const NOT_FOUND: Result<never> = { ok: false, error: { code: "NOT_FOUND", message: "Not found." } };

/** Expected refusals from the users service become messages; anything else is the wrapper's INTERNAL. */
async function run(work: () => Promise<string>): Promise<Result<string>> {
  try {
    const message = await work();
    revalidatePath("/admin");
    return { ok: true, data: message };
  } catch (e) {
    if (e instanceof NotInTenantError) return NOT_FOUND;
    if (e instanceof UserAdminError) return refused(e.message);
    throw e;
  }
}

const saveRole = defineAction({ name: "admin.saveRole", input: roleInput, permission: "users:manage" }, async (ctx) => {
  const { username, role, name, password } = ctx.input;
  if (username === ctx.actor.username) return refused("You cannot change your own role. Ask another administrator.");
  return run(async () => {
    const { previous } = await saveTenantRole(ctx.actor, { username, role, name, password }, changeBy(ctx));
    return previous ? `${username}: ${previous} → ${role} in ${ctx.tenant.name}.` : `${username} is now ${role} in ${ctx.tenant.name}.`;
  });
});

const removeRole = defineAction({ name: "admin.revokeRole", input: target, permission: "users:manage" }, async (ctx) => {
  const { username } = ctx.input;
  if (username === ctx.actor.username) return refused("You cannot remove your own role. Ask another administrator.");
  return run(async () => {
    const { previous } = await revokeTenantRole(ctx.actor, username, changeBy(ctx));
    return `${username} no longer holds ${previous} in ${ctx.tenant.name}.`;
  });
});

const endSessions = defineAction({ name: "admin.revokeSessions", input: target, permission: "users:manage" }, async (ctx) =>
  run(async () => `${ctx.input.username}: ${await endSessionsOf(ctx.actor, ctx.input.username, changeBy(ctx))} session(s) ended.`),
);

const disable = defineAction({ name: "admin.setDisabled", input: disableInput, permission: "users:manage" }, async (ctx) => {
  const { username, disabled } = ctx.input;
  if (username === ctx.actor.username) return refused("You cannot disable your own account.");
  return run(async () => {
    await setDisabledAsAdmin(ctx.actor, username, disabled === "true", changeBy(ctx));
    return `${username} ${disabled === "true" ? "disabled and signed out" : "enabled"}.`;
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
