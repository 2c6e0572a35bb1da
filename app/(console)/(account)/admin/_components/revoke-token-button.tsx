"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { revokeApiTokenAction } from "../token-actions";

/** Revoking stops a scheduler at once, so it asks first. */
export function RevokeTokenButton({ tenantId, tokenId, name }: { tenantId: string; tokenId: string; name: string }) {
  const [state, formAction, pending] = useActionState(revokeApiTokenAction, null);
  const [asking, setAsking] = useState(false);
  const t = useTranslations("admin");
  const errorText = useErrorText();
  const router = useRouter();
  const done = state?.ok === true;
  // The table's State column then says "revoked"; this button's row has no action left.
  useEffect(() => {
    if (done) router.refresh();
  }, [done, router]);
  const small = "rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-100";
  if (state?.ok)
    return (
      <p role="status" className="text-sm text-green-800">
        {state.data}
      </p>
    );
  return (
    <form action={formAction} aria-busy={pending} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="tokenId" value={tokenId} />
      {asking ? (
        <>
          <span className="text-sm">{t("tokens.revokeAsk", { name })}</span>
          <button type="submit" disabled={pending} className="rounded bg-red-800 px-2 py-1 text-sm text-white hover:bg-red-900">
            {t("tokens.confirmRevoke")}
          </button>
          <button type="button" className={small} onClick={() => setAsking(false)}>
            {t("cancel")}
          </button>
        </>
      ) : (
        <button type="button" className={small} aria-label={t("tokens.revokeAria", { name })} onClick={() => setAsking(true)}>
          {t("tokens.revoke")}
        </button>
      )}
      {state && !state.ok && (
        <p role="alert" className="w-full text-sm text-red-800">
          {errorText(state.error)}
        </p>
      )}
    </form>
  );
}
