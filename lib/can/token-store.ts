import "server-only";
import { CREDENTIAL_TAINT_MESSAGE, reactTaint, type AppCredentialTenant } from "@/lib/tenants";
import { createToken } from "./token-create";
import { logEvent } from "@/lib/log/log-event";

/** CAN's documented life of a token asked for without `expire`. */
export const CAN_DEFAULT_TOKEN_TTL_SECONDS = 6 * 60 * 60;
/** Renewed at this share of its life, so a call never starts with a token about to lapse. */
const RENEW_AT = 0.8;
/** Issued tokens remembered per tenant for redaction (CAN may quote the one it just refused). */
const REMEMBERED = 3;

type Issued = { token: string; renewAt: number; expiresAt: number };
type Slot = { current?: Issued | undefined; pending?: Promise<Issued> | undefined; recent: string[] };
export type TokenOptions = { timeoutMs: number; requestId: string };

// Per instance: each process holds its own token per tenant (CAN is assumed to keep earlier tokens
// valid when it issues a new one). Keyed by the tenant object, which lives as long as the registry.
const slots = new Map<AppCredentialTenant, Slot>();

function slotOf(tenant: AppCredentialTenant): Slot {
  let slot = slots.get(tenant);
  if (!slot) slots.set(tenant, (slot = { recent: [] }));
  return slot;
}

/**
 * The tenant's token: the one held while it is young, else a new one. Every caller that finds it
 * due waits for the same token/create. A renewal that fails while the old token still has life
 * left keeps the old one (CAN's sign-in briefly unwell need not fail calls that would succeed).
 */
export async function tokenFor(tenant: AppCredentialTenant, options: TokenOptions): Promise<string> {
  const slot = slotOf(tenant);
  const held = slot.current;
  if (held && Date.now() < held.renewAt) return held.token;
  try {
    return (await renew(tenant, slot, options)).token;
  } catch (e) {
    if (held && slot.current === held && Date.now() < held.expiresAt) return held.token;
    throw e;
  }
}

/**
 * CAN refused `refused` as unauthenticated: a new token, unless another caller already replaced
 * that one (then its replacement), so a burst of refusals at expiry costs one token/create.
 */
export async function renewAfterRefusal(tenant: AppCredentialTenant, refused: string, options: TokenOptions): Promise<string> {
  const slot = slotOf(tenant);
  if (slot.current && slot.current.token !== refused) return slot.current.token;
  slot.current = undefined;
  return (await renew(tenant, slot, options)).token;
}

function renew(tenant: AppCredentialTenant, slot: Slot, options: TokenOptions): Promise<Issued> {
  slot.pending ??= (async () => {
    // Life counted from the request, not the answer: the token may be a little older than it looks.
    const asked = Date.now();
    const token = await createToken(tenant, options);
    const lifeMs = (tenant.app.tokenTtlSeconds ?? CAN_DEFAULT_TOKEN_TTL_SECONDS) * 1_000;
    const issued: Issued = { token, renewAt: asked + lifeMs * RENEW_AT, expiresAt: asked + lifeMs };
    // Tainted for as long as it is held: should it reach a browser-bound render, React refuses.
    reactTaint?.(CREDENTIAL_TAINT_MESSAGE, issued, token);
    slot.recent = [token, ...slot.recent].slice(0, REMEMBERED);
    slot.current = issued;
    logEvent("info", "can.token_issued", { tenant: tenant.id, lifeSeconds: lifeMs / 1_000, requestId: options.requestId });
    return issued;
  })().finally(() => {
    slot.pending = undefined;
  });
  return slot.pending;
}

/** Every token this instance holds or held lately, for redacting CAN's error text. */
export function issuedTokens(): string[] {
  return [...slots.values()].flatMap((s) => s.recent);
}
