import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireSignedIn, tenantsWithPermission } from "@/lib/auth/dal";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { listUsers } from "@/lib/auth/users";
import { revokeRoleAction, revokeSessionsAction, saveRoleAction, setDisabledAction } from "./actions";
import { ActionForm } from "./_components/action-form";
import { ApiTokensSection } from "./_components/api-tokens-section";
import { LastActionResult, LastActionResultProvider } from "./_components/last-action-result";
import { DataTable } from "@/components/data-table";

export const metadata: Metadata = { title: "Users, roles and API tokens" };
export const dynamic = "force-dynamic";

const input = "rounded border border-slate-400 bg-white px-2 py-1 text-sm";
const small = "rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-100";

export default async function AdminPage() {
  const s = await requireSignedIn();
  const managed = tenantsWithPermission(s.user, "users:manage");
  if (managed.length === 0 || s.mustEnrollTotp) notFound();
  const users = await listUsers();
  return (
    <LastActionResultProvider>
      <h1 className="text-2xl font-semibold">Users and roles</h1>
      <p className="mt-1 text-sm text-slate-600">
        Roles are per tenant: {ROLES.map((r) => ROLE_LABELS[r]).join("; ")}. Changes apply on the next request and are recorded in the tenant&apos;s audit log.
        Passwords and second factors of existing accounts are managed with the users CLI. A role&apos;s source is &ldquo;by hand&rdquo; (set here or with the
        CLI) or &ldquo;identity provider&rdquo; (from the person&apos;s groups, set again at each company sign-in); saving a role here makes it a hand-granted
        one.
      </p>
      <LastActionResult />
      {managed.map((tenant) => {
        const members = users.filter((u) => u.roles[tenant.id] !== undefined);
        return (
          <section key={tenant.id} aria-labelledby={`t-${tenant.id}`} className="mt-8">
            <h2 id={`t-${tenant.id}`} className="text-lg font-semibold">
              {tenant.name} <span className="text-sm font-normal text-slate-600">({tenant.id})</span>
            </h2>
            <DataTable
              label={`People in ${tenant.name}`}
              className="mt-3"
              columns={[{ label: "User" }, { label: "Role" }, { label: "Source" }, { label: "Account" }, { label: "Actions" }]}
            >
              {members.map((u) => {
                const self = u.username === s.user.username;
                return (
                  <tr key={u.id} className="border-b border-slate-200 align-top">
                    <th scope="row" className="p-2 text-left font-medium">
                      {u.username}
                      <div className="font-normal text-slate-600">{u.name}</div>
                    </th>
                    <td className="p-2">
                      <ActionForm action={saveRoleAction} className="flex flex-wrap items-center gap-2">
                        <input type="hidden" name="tenantId" value={tenant.id} />
                        <input type="hidden" name="username" value={u.username} />
                        <select name="role" defaultValue={u.roles[tenant.id]} aria-label={`Role of ${u.username}`} className={input} disabled={self}>
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {r}
                            </option>
                          ))}
                        </select>
                        {!self && (
                          <button type="submit" className={small}>
                            Save role
                          </button>
                        )}
                      </ActionForm>
                    </td>
                    <td className="p-2">
                      {u.roleSources[tenant.id] === "provider" ? (
                        <span title="From the identity provider's groups: set again at each company sign-in. Saving a role here makes it a hand-granted role.">
                          identity provider
                        </span>
                      ) : (
                        "by hand"
                      )}
                    </td>
                    <td className="p-2">
                      {u.disabled ? "disabled" : "active"} · {u.twoFactorEnabled ? "2FA on" : "2FA off"} · {u.sessions} session{u.sessions === 1 ? "" : "s"}
                    </td>
                    <td className="p-2">
                      {self ? (
                        <span className="text-slate-600">you</span>
                      ) : (
                        <div className="flex flex-wrap gap-2">
                          <ActionForm
                            action={revokeRoleAction}
                            confirm={{
                              title: `Remove ${u.username} from ${tenant.name}?`,
                              body: `${u.username} loses the ${u.roles[tenant.id] ?? ""} role in ${tenant.name} from their next request. Their account and any roles in other tenants stay.`,
                              confirmLabel: "Remove",
                            }}
                          >
                            <input type="hidden" name="tenantId" value={tenant.id} />
                            <input type="hidden" name="username" value={u.username} />
                            <button type="submit" className={small} aria-label={`Remove ${u.username} from ${tenant.name}`}>
                              Remove
                            </button>
                          </ActionForm>
                          <ActionForm
                            action={revokeSessionsAction}
                            confirm={{
                              title: `Sign ${u.username} out everywhere?`,
                              body: `Every session of ${u.username} ends now; they have to sign in again.`,
                              confirmLabel: "Sign out everywhere",
                            }}
                          >
                            <input type="hidden" name="tenantId" value={tenant.id} />
                            <input type="hidden" name="username" value={u.username} />
                            <button type="submit" className={small} aria-label={`Sign out everywhere: ${u.username}`}>
                              Sign out everywhere
                            </button>
                          </ActionForm>
                          <ActionForm
                            action={setDisabledAction}
                            confirm={
                              u.disabled
                                ? undefined
                                : {
                                    title: `Disable ${u.username}?`,
                                    body: `${u.username} is signed out and cannot sign in until an administrator enables the account again.`,
                                    confirmLabel: "Disable",
                                  }
                            }
                          >
                            <input type="hidden" name="tenantId" value={tenant.id} />
                            <input type="hidden" name="username" value={u.username} />
                            <input type="hidden" name="disabled" value={u.disabled ? "false" : "true"} />
                            <button type="submit" className={small} aria-label={`${u.disabled ? "Enable" : "Disable"} ${u.username}`}>
                              {u.disabled ? "Enable" : "Disable"}
                            </button>
                          </ActionForm>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
            <ActionForm action={saveRoleAction} className="mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
              <input type="hidden" name="tenantId" value={tenant.id} />
              <label className="flex flex-col text-sm font-medium">
                Username
                <input name="username" required className={`mt-1 ${input}`} autoComplete="off" />
              </label>
              <label className="flex flex-col text-sm font-medium">
                Role
                <select name="role" defaultValue="viewer" className={`mt-1 ${input}`}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col text-sm font-medium">
                Name (new account)
                <input name="name" className={`mt-1 ${input}`} autoComplete="off" />
              </label>
              <label className="flex flex-col text-sm font-medium">
                Initial password (new account)
                <input name="password" type="password" className={`mt-1 ${input}`} autoComplete="new-password" />
              </label>
              <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-black">
                Add to {tenant.name}
              </button>
            </ActionForm>
            <ApiTokensSection tenantId={tenant.id} tenantName={tenant.name} />
          </section>
        );
      })}
    </LastActionResultProvider>
  );
}
