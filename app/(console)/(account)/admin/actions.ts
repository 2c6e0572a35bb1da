"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/actions/define-action";
import type { Result } from "@/lib/api/result";
import { ROLES } from "@/lib/auth/roles";
import { createUser, findUserByUsername, grantRole, listUsers, revokeRole, revokeSessions, setDisabled, UserAdminError, type Change } from "@/lib/auth/users";
import { rolesOf } from "@/lib/auth/session";
import { authorizeTenant } from "@/lib/auth/dal";

export type AdminState = Result<string> | null;

const target = z.object({ tenantId: z.string().min(1).max(64), username: z.string().trim().toLowerCase().min(2).max(64) });
const roleInput = target.extend({
  role: z.enum(ROLES),
  name: z.string().trim().max(120).optional(),
  password: z.string().max(256).optional(),
});
const disableInput = target.extend({ disabled: z.enum(["true", "false"]) });

const changeBy = (ctx: ActionContext<unknown>): Change => ({ by: { userId: ctx.actor.userId, username: ctx.actor.username, role: ctx.actor.role }, meta: ctx.meta });

function refused(message: string): Result<never> {
  return { ok: false, error: { code: "VALIDATION", message } };
}

/** Expected refusals from the users service become messages; anything else is the wrapper's INTERNAL. */
async function run(work: () => Promise<string>): Promise<Result<string>> {
  try {
    const message = await work();
    revalidatePath("/admin");
    return { ok: true, data: message };
  } catch (e) {
    if (e instanceof UserAdminError) return refused(e.message);
    throw e;
  }
}

/** The target must already belong to the tenant: an admin of one tenant manages its people only. */
async function memberOf(tenantId: string, username: string): Promise<boolean> {
  const u = await findUserByUsername(username);
  return !!u && (await rolesOf(u.id))[tenantId] !== undefined;
}

const saveRole = defineAction({ name: "admin.saveRole", input: roleInput, permission: "users:manage" }, async (ctx) => {
  const { tenantId, username, role, name, password } = ctx.input;
  if (username === ctx.actor.username) return refused("You cannot change your own role. Ask another administrator.");
  return run(async () => {
    if (!(await findUserByUsername(username))) {
      if (!password) throw new UserAdminError(`${username} has no account yet: give an initial password (12+ characters) to create it.`);
      await createUser({ username, name, password }, changeBy(ctx));
    }
    const { previous } = await grantRole(username, tenantId, role, changeBy(ctx));
    return previous ? `${username}: ${previous} → ${role} in ${ctx.tenant.name}.` : `${username} is now ${role} in ${ctx.tenant.name}.`;
  });
});

const removeRole = defineAction({ name: "admin.revokeRole", input: target, permission: "users:manage" }, async (ctx) => {
  const { tenantId, username } = ctx.input;
  if (username === ctx.actor.username) return refused("You cannot remove your own role. Ask another administrator.");
  return run(async () => {
    const { previous } = await revokeRole(username, tenantId, changeBy(ctx));
    return `${username} no longer holds ${previous} in ${ctx.tenant.name}.`;
  });
});

const endSessions = defineAction({ name: "admin.revokeSessions", input: target, permission: "users:manage" }, async (ctx) => {
  if (!(await memberOf(ctx.input.tenantId, ctx.input.username))) return { ok: false, error: { code: "NOT_FOUND", message: "Not found." } };
  return run(async () => `${ctx.input.username}: ${await revokeSessions(ctx.input.username, changeBy(ctx))} session(s) ended.`);
});

const disable = defineAction({ name: "admin.setDisabled", input: disableInput, permission: "users:manage" }, async (ctx) => {
  const { username, disabled } = ctx.input;
  if (username === ctx.actor.username) return refused("You cannot disable your own account.");
  const u = await findUserByUsername(username);
  if (!u || !(await memberOf(ctx.input.tenantId, username))) return { ok: false, error: { code: "NOT_FOUND", message: "Not found." } };
  // An account spans tenants: only an admin of every tenant the person belongs to may block it.
  for (const tenantId of Object.keys(await rolesOf(u.id))) {
    const access = await authorizeTenant(tenantId, "users:manage");
    if (!access.ok) return refused(`${username} also works in a tenant you do not administer; ask its administrator (or use the users CLI).`);
  }
  return run(async () => {
    await setDisabled(username, disabled === "true", changeBy(ctx));
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

export type AdminMember = Awaited<ReturnType<typeof listUsers>>[number];
