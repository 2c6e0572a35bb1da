"use client";

import { useLocale, useTranslations } from "next-intl";
import type { AppError } from "@/lib/api/result";

/**
 * What a failure says in the reader's language. The server writes our own messages in English,
 * because the same errors answer the `/can` API and land in logs (machine-facing, ADR 0024); in
 * English they are shown as written, in another language the console says it by the error's code,
 * or by the kind of CAN failure. CAN's own errorMsg is never translated: ErrorPanel shows it as sent.
 */
export function useErrorText(): (error: AppError) => string {
  const locale = useLocale();
  const t = useTranslations("errors");
  return (error) => {
    if (locale === "en") return error.message;
    return error.can ? t(`canKinds.${error.can.kind}`) : t(`codes.${error.code}`);
  };
}
