import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireSignedIn, tenantsWithPermission } from "@/lib/auth/dal";
import { ROLES } from "@/lib/auth/roles";
import { listUsers } from "@/lib/auth/users";
import { revokeRoleAction, revokeSessionsAction, saveRoleAction, setDisabledAction } from "./actions";
import { ActionForm } from "./_components/action-form";
import { ApiTokensSection } from "./_components/api-tokens-section";
import { LastActionResult, LastActionResultProvider } from "./_components/last-action-result";
import { DataTable } from "@/components/data-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}
export const dynamic = "force-dynamic";

const input = "rounded border border-slate-400 bg-white px-2 py-1 text-sm";
const small = "rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-100";

export default async function AdminPage() {
  const s = await requireSignedIn();
  const managed = tenantsWithPermission(s.user, "users:manage");
  if (managed.length === 0 || s.mustEnrollTotp) notFound();
  const users = await listUsers();
  const t = await getTranslations("admin");
  const tRole = await getTranslations("roles");
  return (
    <LastActionResultProvider>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro", { roles: ROLES.map((r) => t(`roleLabels.${r}`)).join("; ") })}</p>
      <LastActionResult />
      {managed.map((tenant) => {
        const members = users.filter((u) => u.roles[tenant.id] !== undefined);
        return (
          <section key={tenant.id} aria-labelledby={`t-${tenant.id}`} className="mt-8">
            <h2 id={`t-${tenant.id}`} className="text-lg font-semibold">
              {tenant.name} <span className="text-sm font-normal text-slate-600">({tenant.id})</span>
            </h2>
            <DataTable
              label={t("people", { tenant: tenant.name })}
              className="mt-3"
              columns={[
                { label: t("columns.user") },
                { label: t("columns.role") },
                { label: t("columns.source") },
                { label: t("columns.account") },
                { label: t("columns.actions") },
              ]}
            >
              {members.map((u) => {
                const self = u.username === s.user.username;
                const role = u.roles[tenant.id];
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
                        <select name="role" defaultValue={u.roles[tenant.id]} aria-label={t("roleOf", { user: u.username })} className={input} disabled={self}>
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {tRole(r)}
                            </option>
                          ))}
                        </select>
                        {!self && (
                          <button type="submit" className={small}>
                            {t("saveRole")}
                          </button>
                        )}
                      </ActionForm>
                    </td>
                    <td className="p-2">
                      {u.roleSources[tenant.id] === "provider" ? <span title={t("sourceProviderTitle")}>{t("sourceProvider")}</span> : t("sourceHand")}
                    </td>
                    <td className="p-2">
                      {t("accountState", { disabled: u.disabled ? "yes" : "no", twoFactor: u.twoFactorEnabled ? "yes" : "no", sessions: u.sessions })}
                    </td>
                    <td className="p-2">
                      {self ? (
                        <span className="text-slate-600">{t("you")}</span>
                      ) : (
                        <div className="flex flex-wrap gap-2">
                          <ActionForm
                            action={revokeRoleAction}
                            confirm={{
                              title: t("remove.title", { user: u.username, tenant: tenant.name }),
                              body: t("remove.body", { user: u.username, tenant: tenant.name, role: role ? tRole(role) : "" }),
                              confirmLabel: t("remove.confirm"),
                              cancelLabel: t("cancel"),
                            }}
                          >
                            <input type="hidden" name="tenantId" value={tenant.id} />
                            <input type="hidden" name="username" value={u.username} />
                            <button type="submit" className={small} aria-label={t("remove.aria", { user: u.username, tenant: tenant.name })}>
                              {t("remove.confirm")}
                            </button>
                          </ActionForm>
                          <ActionForm
                            action={revokeSessionsAction}
                            confirm={{
                              title: t("signOut.title", { user: u.username }),
                              body: t("signOut.body", { user: u.username }),
                              confirmLabel: t("signOut.confirm"),
                              cancelLabel: t("cancel"),
                            }}
                          >
                            <input type="hidden" name="tenantId" value={tenant.id} />
                            <input type="hidden" name="username" value={u.username} />
                            <button type="submit" className={small} aria-label={t("signOut.aria", { user: u.username })}>
                              {t("signOut.confirm")}
                            </button>
                          </ActionForm>
                          <ActionForm
                            action={setDisabledAction}
                            confirm={
                              u.disabled
                                ? undefined
                                : {
                                    title: t("disable.title", { user: u.username }),
                                    body: t("disable.body", { user: u.username }),
                                    confirmLabel: t("disable.confirm"),
                                    cancelLabel: t("cancel"),
                                  }
                            }
                          >
                            <input type="hidden" name="tenantId" value={tenant.id} />
                            <input type="hidden" name="username" value={u.username} />
                            <input type="hidden" name="disabled" value={u.disabled ? "false" : "true"} />
                            <button
                              type="submit"
                              className={small}
                              aria-label={u.disabled ? t("disable.ariaEnable", { user: u.username }) : t("disable.ariaDisable", { user: u.username })}
                            >
                              {u.disabled ? t("disable.enable") : t("disable.confirm")}
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
                {t("add.username")}
                <input name="username" required className={`mt-1 ${input}`} autoComplete="off" />
              </label>
              <label className="flex flex-col text-sm font-medium">
                {t("add.role")}
                <select name="role" defaultValue="viewer" className={`mt-1 ${input}`}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {tRole(r)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col text-sm font-medium">
                {t("add.name")}
                <input name="name" className={`mt-1 ${input}`} autoComplete="off" />
              </label>
              <label className="flex flex-col text-sm font-medium">
                {t("add.password")}
                <input name="password" type="password" className={`mt-1 ${input}`} autoComplete="new-password" />
              </label>
              <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-black">
                {t("add.submit", { tenant: tenant.name })}
              </button>
            </ActionForm>
            <ApiTokensSection tenantId={tenant.id} tenantName={tenant.name} />
          </section>
        );
      })}
    </LastActionResultProvider>
  );
}
