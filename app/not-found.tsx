import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/status-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notFound"))("title") };
}

/** Every 404: unknown paths, and tenants or plans the user holds no role in (told apart from nothing). */
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <StatusPage title={t("heading")}>
      <p>{t("body")}</p>
    </StatusPage>
  );
}
