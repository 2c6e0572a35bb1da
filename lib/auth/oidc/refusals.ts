// Every way a company sign-in can end without a session, in one table: the audit row's reason, the
// metric's outcome and the login page's message (messages/*.json, login.oidcRefusal.<refusal>) are
// keyed by it, so they cannot disagree. Client-safe (pure data): the login page imports it.

export type OidcRefusal = "denied" | "state" | "issuer" | "code" | "profile" | "not-linked" | "disabled" | "rate-limited" | "unavailable" | "other";

/** The `error` codes Better Auth and the provider put on the redirect back to /login, by class. */
const BY_CODE: Record<string, OidcRefusal> = {
  // The provider's own (OpenID Connect Core 3.1.2.6): the person said no, or may not use this client.
  access_denied: "denied",
  login_required: "denied",
  consent_required: "denied",
  interaction_required: "denied",
  // Better Auth's state checks: no state, another browser's state, a doubled or late callback.
  state_not_found: "state",
  state_mismatch: "state",
  state_security_mismatch: "state",
  state_invalid: "state",
  please_restart_the_process: "state",
  nonce_binding_missing: "state",
  // RFC 9207's `iss` parameter or the ID token named another issuer than discovery's.
  issuer_mismatch: "issuer",
  issuer_missing: "issuer",
  // The code exchange failed: expired, replayed, or the PKCE verifier did not match.
  invalid_code: "code",
  no_code: "code",
  // The ID token failed its signature, audience or nonce check, or the answer had no e-mail address.
  unable_to_get_user_info: "profile",
  email_not_found: "profile",
  // A local account holds the e-mail address: accounts are never linked by e-mail (ADR 0023).
  account_not_linked: "not-linked",
  unable_to_link_account: "not-linked",
  ACCOUNT_DISABLED: "disabled",
  rate_limited: "rate-limited",
  oidc_unavailable: "unavailable",
};

export function oidcRefusalOf(code: string | null | undefined): OidcRefusal {
  return code && Object.hasOwn(BY_CODE, code) ? (BY_CODE[code] ?? "other") : "other";
}
