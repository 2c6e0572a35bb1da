import { startCompanySignInAction } from "./actions";

/** The company sign-in button: a plain form, so it works before (or without) the page's JavaScript. */
export function CompanySignIn({ text, next }: { text: string; next: string }) {
  return (
    <form action={startCompanySignInAction} className="mt-6">
      <input type="hidden" name="next" value={next} />
      <button
        type="submit"
        className="w-full rounded border-2 border-slate-900 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2"
      >
        {text}
      </button>
    </form>
  );
}
