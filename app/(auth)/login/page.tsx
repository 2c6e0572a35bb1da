import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser, safeReturnPath } from "@/lib/auth/dal";
import { isDemoMode } from "@/lib/tenants";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).next;
  const next = safeReturnPath(Array.isArray(raw) ? raw[0] : raw);
  if (await getSessionUser()) redirect(next);
  return (
    <main className="mx-auto mt-16 max-w-sm rounded border border-slate-300 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">CAN Partition Console</p>
      <LoginForm next={next} />
      {isDemoMode() && (
        <p className="mt-6 text-xs text-slate-600">
          Demo mode: sign in as <code>admin</code>, <code>operator</code> or <code>viewer</code> with the password <code>demo-password</code>.
        </p>
      )}
    </main>
  );
}
