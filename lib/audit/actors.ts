// Client-safe: the actor name the audit log records for changes seen in CAN's list that no console
// mark explains (lib/audit/observed.ts writes it; the audit pages word it in the reader's language).
export const OUTSIDE_ACTOR = "outside the console";

/** The actor name of role changes the identity provider's groups made at a company sign-in (lib/auth/oidc/provider-roles.ts). */
export const PROVIDER_ACTOR = "identity provider";
