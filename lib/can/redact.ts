import "server-only";
import { allTenants, tenantSecrets, type Tenant } from "@/lib/tenants";
import { CanError } from "./errors";
import { issuedTokens } from "./token-store";

export const REDACTED = "[redacted]";

/** Shorter values would blank out ordinary text; a credential that short is no secret anyway. */
const MIN_SECRET_LENGTH = 4;

// CAN may echo the header it judged ("auth-value: sk-…", "authValue=…", JSON "auth_value":"…"),
// even a value that is no longer any tenant's (a rotated key).
const ECHO = /(auth[-_ ]?value["']?\s*[:=]\s*["']?)[^\s"',;&)]+/gi;

/**
 * Every tenant credential (API key or app secret), every token this instance was issued, and
 * anything CAN labels as an auth-value, replaced in a text that came from CAN. React's taint only
 * refuses the exact credential string as a whole value, so a credential inside a sentence
 * ("bad key sk-…") needs this.
 */
export function redactCredentials(text: string, tenants: readonly Tenant[] = allTenants()): string {
  let out = text.replace(ECHO, `$1${REDACTED}`);
  for (const secret of [...tenants.flatMap(tenantSecrets), ...issuedTokens()]) {
    if (secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** The same CanError with every text CAN wrote redacted; the message is rebuilt from it. */
export function redactCanError(e: CanError, tenant: Tenant): CanError {
  const tenants = [tenant, ...allTenants()];
  const clean = (v: string | undefined) => (v === undefined ? undefined : redactCredentials(v, tenants));
  const d = e.details;
  return new CanError({ ...d, code: clean(d.code), errorMsg: clean(d.errorMsg), detailErrorMsg: clean(d.detailErrorMsg), traceId: clean(d.traceId) });
}
