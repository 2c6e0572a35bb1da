import { getTranslations } from "next-intl/server";

/**
 * A signed-in person with no role in any tenant: said plainly, with what to do, instead of an empty
 * console. With company sign-in, roles follow the person's groups, read again at each sign-in.
 */
export async function NoAccess({ username, companyLabel }: { username: string; companyLabel?: string | undefined }) {
  const t = await getTranslations("noAccess");
  return (
    <section aria-labelledby="no-access" className="rounded border border-amber-300 bg-amber-50 p-6">
      <h1 id="no-access" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="mt-2">{t.rich("signedInAs", { user: () => <strong>{username}</strong> })}</p>
      <p className="mt-2">{companyLabel ? t("fromGroups", { label: companyLabel }) : t("askAdmin")}</p>
    </section>
  );
}
