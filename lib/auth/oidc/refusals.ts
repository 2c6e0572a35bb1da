// Every way a company sign-in can end without a session, in one table: the login page's message,
// the audit row's reason and the metric's outcome all come from here, so they cannot disagree.
// Client-safe (pure data): the login page imports it.

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

/** What the login page says; `label` is the provider's name as configured (OIDC_LABEL). */
export function oidcRefusalMessage(refusal: OidcRefusal, label: string): string {
  switch (refusal) {
    case "denied":
      return `Sign-in with ${label} was cancelled or refused by ${label}. Nothing was signed in.`;
    case "state":
      return "That sign-in could not be matched to this browser: it was started elsewhere, took too long, or was used twice. Start again.";
    case "issuer":
      return `The answer did not come from the configured ${label} provider, so it was refused. Tell your administrator if this repeats.`;
    case "code":
      return `The sign-in code from ${label} had expired or was already used. Start again.`;
    case "profile":
      return `The answer from ${label} could not be verified, or it named no e-mail address. Tell your administrator.`;
    case "not-linked":
      return `An account with your e-mail address already exists here and is not linked to ${label}. Ask an administrator.`;
    case "disabled":
      return "This account is disabled. Ask an administrator.";
    case "rate-limited":
      return "Too many sign-in attempts from here. Wait a few minutes and try again.";
    case "unavailable":
      return `${label} cannot be reached or is not set up correctly right now. Try again later, or tell your administrator.`;
    case "other":
      return `Sign-in with ${label} failed. Try again; if it keeps failing, tell your administrator.`;
  }
}
