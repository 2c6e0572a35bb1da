/**
 * A signed-in person with no role in any tenant: said plainly, with what to do, instead of an empty
 * console. With company sign-in, roles follow the person's groups, read again at each sign-in.
 */
export function NoAccess({ username, companyLabel }: { username: string; companyLabel?: string | undefined }) {
  return (
    <section aria-labelledby="no-access" className="rounded border border-amber-300 bg-amber-50 p-6">
      <h1 id="no-access" className="text-2xl font-semibold">
        No access
      </h1>
      <p className="mt-2">
        You are signed in as <strong>{username}</strong>, but you hold no role in any tenant of this console, so there is nothing to show.
      </p>
      <p className="mt-2">
        {companyLabel
          ? `Roles come from your groups at ${companyLabel}, or from an administrator here. If you were just added to a group, sign out and sign in again.`
          : "Ask an administrator to give you a role in a tenant."}
      </p>
    </section>
  );
}
