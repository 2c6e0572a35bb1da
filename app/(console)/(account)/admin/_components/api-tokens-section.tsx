import { getTranslations } from "next-intl/server";
import { Time, ZoneName } from "@/components/time/time";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";
import { DataTable } from "@/components/data-table";

/** A tenant's API tokens for schedulers and scripts: who made them, when they were last used, revoke. */
export async function ApiTokensSection({ tenantId, tenantName }: { tenantId: string; tenantName: string }) {
  const tokens = await listApiTokens(tenantId);
  const t = await getTranslations("admin.tokens");
  const time = (iso: string) =>
    function TimeAt() {
      return <Time iso={iso} />;
    };
  return (
    // Not a landmark of its own: the tenant's section around it is the region a reader navigates by.
    <div className="mt-6">
      <h3 id={`tokens-${tenantId}`} className="text-base font-semibold">
        {t("heading", { tenant: tenantName })}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      {tokens.length === 0 ? (
        <p className="mt-2 text-sm">{t("none")}</p>
      ) : (
        <DataTable
          label={t("label", { tenant: tenantName })}
          className="mt-2"
          columns={[
            { label: t("columns.token") },
            { label: t("columns.role") },
            { label: t.rich("columns.created", { zone: () => <ZoneName /> }) },
            { label: t("columns.lastUsed") },
            { label: t("columns.state") },
            { label: t("columns.actions") },
          ]}
        >
          {tokens.map((token) => {
            const state = token.revokedAt
              ? t.rich("revoked", { time: time(token.revokedAt), by: token.revokedBy ?? "?" })
              : token.status === "expired" && token.expiresAt
                ? t.rich("expired", { time: time(token.expiresAt) })
                : token.expiresAt
                  ? t.rich("activeExpires", { time: time(token.expiresAt) })
                  : t("activeNoExpiry");
            return (
              <tr key={token.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 text-left font-medium">
                  {token.name}
                  <div className="font-mono text-xs font-normal text-slate-600">{t("shown", { id: token.id })}</div>
                </th>
                <td className="p-2">{token.role}</td>
                <td className="p-2">{t.rich("createdBy", { time: time(token.createdAt), by: token.createdBy })}</td>
                <td className="p-2">
                  {token.lastUsedAt ? t.rich("usedFrom", { time: time(token.lastUsedAt), ip: token.lastUsedIp ?? t("unknownAddress") }) : t("never")}
                </td>
                <td className="p-2">{state}</td>
                <td className="p-2">{token.status === "active" ? <RevokeTokenButton tenantId={tenantId} tokenId={token.id} name={token.name} /> : null}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <CreateTokenForm tenantId={tenantId} tenantName={tenantName} />
    </div>
  );
}
