"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId } from "react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/use-error-text";
import { createApiTokenAction, type CreateTokenState } from "../token-actions";

const input = "rounded border border-slate-400 bg-white px-2 py-1 text-sm";

/** Creates a token and shows its secret once, ready to copy, with what to do with it. */
export function CreateTokenForm({ tenantId, tenantName }: { tenantId: string; tenantName: string }) {
  const [state, formAction, pending] = useActionState<CreateTokenState, FormData>(createApiTokenAction, null);
  const secretId = useId();
  const t = useTranslations("admin.tokens");
  const errorText = useErrorText();
  const router = useRouter();
  const created = state?.ok ? state.data.token : null;
  // The list above gains the new token; this form keeps showing its secret.
  useEffect(() => {
    if (created) router.refresh();
  }, [created, router]);
  return (
    <form action={formAction} aria-busy={pending} className="mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
      <input type="hidden" name="tenantId" value={tenantId} />
      <label className="flex flex-col text-sm font-medium">
        {t("name")}
        <input name="name" required maxLength={64} placeholder={t("namePlaceholder")} className={`mt-1 ${input}`} autoComplete="off" />
      </label>
      <label className="flex flex-col text-sm font-medium">
        {t("role")}
        <select name="role" defaultValue="operator" className={`mt-1 ${input}`}>
          <option value="operator">{t("roleOperator")}</option>
          <option value="viewer">{t("roleViewer")}</option>
        </select>
      </label>
      <label className="flex flex-col text-sm font-medium">
        {t("expires")}
        <input name="expires" type="date" className={`mt-1 ${input}`} />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-black disabled:opacity-60">
        {pending ? t("creating") : t("create", { tenant: tenantName })}
      </button>
      {state && !state.ok && (
        <p role="alert" className="w-full text-sm text-red-800">
          {errorText(state.error)}
        </p>
      )}
      {state?.ok && (
        <div role="status" className="w-full rounded border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">
          <p>{state.data.message}</p>
          <label htmlFor={secretId} className="mt-2 block font-medium">
            {t("newToken")}
          </label>
          <input
            id={secretId}
            readOnly
            value={state.data.token}
            onFocus={(e) => e.currentTarget.select()}
            className={`mt-1 w-full font-mono ${input}`}
            data-testid="new-api-token"
          />
          <p className="mt-1">{t.rich("sendAs", { tenant: tenantId, code: (chunks) => <code>{chunks}</code> })}</p>
        </div>
      )}
    </form>
  );
}
