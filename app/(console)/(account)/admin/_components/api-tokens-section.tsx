import { Time, ZoneName } from "@/components/time/time";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";
import { DataTable } from "@/components/data-table";

/** A tenant's API tokens for schedulers and scripts: who made them, when they were last used, revoke. */
export async function ApiTokensSection({ tenantId, tenantName }: { tenantId: string; tenantName: string }) {
  const tokens = await listApiTokens(tenantId);
  return (
    // Not a landmark of its own: the tenant's section around it is the region a reader navigates by.
    <div className="mt-6">
      <h3 id={`tokens-${tenantId}`} className="text-base font-semibold">
        API tokens for schedulers in {tenantName}
      </h3>
      <p className="mt-1 text-sm text-slate-600">
        A scheduler calls CAN&apos;s API through the console with a token, so its marks are checked and recorded like a person&apos;s.
      </p>
      {tokens.length === 0 ? (
        <p className="mt-2 text-sm">No tokens yet.</p>
      ) : (
        <DataTable
          label={`API tokens of ${tenantName}`}
          className="mt-2"
          columns={[
            { label: "Token" },
            { label: "Role" },
            {
              label: (
                <>
                  Created (<ZoneName />)
                </>
              ),
            },
            { label: "Last used" },
            { label: "State" },
            { label: "Actions" },
          ]}
        >
          {tokens.map((t) => {
            const state = t.revokedAt ? (
              <>
                revoked <Time iso={t.revokedAt} /> by {t.revokedBy ?? "?"}
              </>
            ) : t.status === "expired" && t.expiresAt ? (
              <>
                expired <Time iso={t.expiresAt} />
              </>
            ) : t.expiresAt ? (
              <>
                active, expires <Time iso={t.expiresAt} />
              </>
            ) : (
              "active, no expiry"
            );
            return (
              <tr key={t.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 text-left font-medium">
                  {t.name}
                  <div className="font-mono text-xs font-normal text-slate-600">cpc_{t.id}_…</div>
                </th>
                <td className="p-2">{t.role}</td>
                <td className="p-2">
                  <Time iso={t.createdAt} /> by {t.createdBy}
                </td>
                <td className="p-2">
                  {t.lastUsedAt ? (
                    <>
                      <Time iso={t.lastUsedAt} /> from {t.lastUsedIp ?? "an unknown address"}
                    </>
                  ) : (
                    "never"
                  )}
                </td>
                <td className="p-2">{state}</td>
                <td className="p-2">{t.status === "active" ? <RevokeTokenButton tenantId={tenantId} tokenId={t.id} name={t.name} /> : null}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <CreateTokenForm tenantId={tenantId} tenantName={tenantName} />
    </div>
  );
}
