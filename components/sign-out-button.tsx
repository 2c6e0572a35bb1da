import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/actions/sign-out";

export async function SignOutButton() {
  const t = await getTranslations("header");
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-800">
        {t("signOut")}
      </button>
    </form>
  );
}
