import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/status-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forbidden"))("title") };
}

/** 403 from `forbidden()` (lib/auth/dal.ts): a role in this tenant that does not include the page. */
export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <StatusPage title={t("heading")}>
      <p>{t("body")}</p>
    </StatusPage>
  );
}
