import "server-only";
import { rolesOf } from "./session";
import type { Actor, Role } from "./roles";
import { createUser, findUserByUsername, grantRole, revokeRole, revokeSessions, setDisabled, UserAdminError, type Change } from "./users";

// What an admin may do from the admin page, to whom. An admin's reach ends at their tenant: they
// learn nothing about accounts outside it, and a change that acts on the whole account (sessions,
// disabling) needs them to administer every tenant the person works in. The users CLI is not
// limited this way: it is the operator's tool.

/** Thrown for a person the admin may not see: the action answers exactly as for no such person. */
export class NotInTenantError extends Error {
  override name = "NotInTenantError";
}

type Target = { id: string; username: string; roles: Record<string, Role> };

async function findTarget(username: string): Promise<Target | undefined> {
  const u = await findUserByUsername(username);
  return u ? { id: u.id, username: u.username ?? username, roles: await rolesOf(u.id) } : undefined;
}

/** True when the person works in at least one tenant and the actor administers each of them. */
async function reachesWholeAccount(actor: Actor, target: Target): Promise<boolean> {
  const theirs = Object.keys(target.roles);
  if (theirs.length === 0) return false;
  const mine = await rolesOf(actor.userId);
  return theirs.every((tenantId) => mine[tenantId] === "admin");
}

async function memberOrHidden(actor: Actor, username: string): Promise<Target> {
  const target = await findTarget(username);
  if (!target || target.roles[actor.tenantId] === undefined) throw new NotInTenantError();
  return target;
}

/**
 * Sets a person's role in the actor's tenant. Someone outside the tenant is added only as a new
 * account (with an initial password), or when the actor already administers every tenant they work
 * in; otherwise the answer is the same whether or not the username exists elsewhere.
 */
export async function saveTenantRole(
  actor: Actor,
  input: { username: string; role: Role; name?: string | undefined; password?: string | undefined },
  change: Change,
): Promise<{ previous: Role | null; created: boolean }> {
  const target = await findTarget(input.username);
  const visible = target && (target.roles[actor.tenantId] !== undefined || (await reachesWholeAccount(actor, target)));
  let created = false;
  if (!visible) {
    if (!input.password) throw new UserAdminError(`To add ${input.username}, give an initial password (12+ characters): a new account is created.`);
    // A taken username is refused here like at any sign-up; the attempt needs a valid new account.
    await createUser({ username: input.username, name: input.name, password: input.password }, change);
    created = true;
  }
  const { previous } = await grantRole(input.username, actor.tenantId, input.role, change, { keepAnAdmin: true });
  return { previous, created };
}

export async function revokeTenantRole(actor: Actor, username: string, change: Change): Promise<{ previous: Role | null }> {
  await memberOrHidden(actor, username);
  return revokeRole(username, actor.tenantId, change, { keepAnAdmin: true });
}

/** "Sign out everywhere" ends sessions in every tenant the person works in: all must be the actor's. */
export async function endSessionsOf(actor: Actor, username: string, change: Change): Promise<number> {
  const target = await memberOrHidden(actor, username);
  if (!(await reachesWholeAccount(actor, target)))
    throw new UserAdminError(`${username} also works in a tenant you do not administer; ask its administrator (or use the users CLI).`);
  return revokeSessions(username, change);
}

export async function setDisabledAsAdmin(actor: Actor, username: string, disabled: boolean, change: Change): Promise<void> {
  const target = await memberOrHidden(actor, username);
  if (!(await reachesWholeAccount(actor, target)))
    throw new UserAdminError(`${username} also works in a tenant you do not administer; ask its administrator (or use the users CLI).`);
  await setDisabled(username, disabled, change, { keepAnAdmin: true });
}
