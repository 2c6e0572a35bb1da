import "server-only";
import { allTenants } from "@/lib/tenants";

/**
 * CAN credentials travel in headers, never in bodies; this is a second fence in case a body ever
 * carries one: every tenant secret is replaced before the text reaches the audit log.
 */
export function redactCredentials(text: string): string {
  let out = text;
  for (const t of allTenants()) {
    if (t.authValue.length >= 4 && out.includes(t.authValue)) out = out.split(t.authValue).join("[redacted]");
  }
  return out;
}
