import { signOutAction } from "@/lib/actions/sign-out";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-800">
        Sign out
      </button>
    </form>
  );
}
