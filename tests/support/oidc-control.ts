// The test OpenID provider's client registration and its control endpoint, for specs and the
// Playwright config alike (tests/support/oidc-test-provider.ts).

/** The console's client at the test provider (test values; the secret is only ever loopback). */
export const OIDC_TEST_CLIENT = { clientId: "can-console-e2e", clientSecret: "e2e-oidc-client-secret-0123456789" } as const;

export function oidcControl(issuer: string) {
  const post = async (path: string, body?: unknown) => {
    const res = await fetch(`${issuer}/__control/${path}`, { method: "POST", body: body === undefined ? null : JSON.stringify(body) });
    if (!res.ok) throw new Error(`test provider ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  return {
    /** The `groups` claim this account gets from its next sign-in on. */
    setGroups: (username: string, groups: string[]) => post("groups", { username, groups }),
    /** Every authorization code issued so far is expired from now on. */
    expireCodes: () => post("expire-codes"),
  };
}
