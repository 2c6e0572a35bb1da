import { randomBytes } from "node:crypto";

/** CAN's documented default: "valid for 6 hours" when token/create gives no `expire`. */
export const CAN_DEFAULT_TOKEN_TTL_SECONDS = 6 * 60 * 60;
/** Expired tokens are remembered (to answer "expired" rather than "invalid") up to this many. */
const REMEMBERED = 2_000;

export type TokenCheck = "valid" | "expired" | "unknown";

/**
 * The tokens token/create issued, in memory only: a restarted sandbox has forgotten them, as a CAN
 * that lost its sessions would, and callers must cope by asking for a new one.
 */
export class TokenBook {
  #tokens = new Map<string, { tenantId: string; expiresAt: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  issue(tenantId: string, ttlSeconds: number): string {
    if (this.#tokens.size >= REMEMBERED) this.#forgetExpired();
    // 32 characters: the longest header value an older CAN page allows.
    const token = `tkn-${randomBytes(14).toString("hex")}`;
    this.#tokens.set(token, { tenantId, expiresAt: this.#now() + ttlSeconds * 1_000 });
    return token;
  }

  check(tenantId: string, token: string): TokenCheck {
    const entry = this.#tokens.get(token);
    if (!entry || entry.tenantId !== tenantId) return "unknown";
    return this.#now() < entry.expiresAt ? "valid" : "expired";
  }

  /** Ends every live token now (the control endpoint's way to reach "at expiry" without waiting). */
  expireAll(): number {
    const now = this.#now();
    let ended = 0;
    for (const entry of this.#tokens.values()) {
      if (entry.expiresAt > now) {
        entry.expiresAt = now;
        ended += 1;
      }
    }
    return ended;
  }

  /** Every token issued and still remembered (the control endpoint's, for scans that must find none). */
  list(): { tenant: string; token: string; live: boolean }[] {
    const now = this.#now();
    return [...this.#tokens].map(([token, e]) => ({ tenant: e.tenantId, token, live: now < e.expiresAt }));
  }

  #forgetExpired(): void {
    const now = this.#now();
    for (const [token, entry] of this.#tokens) if (entry.expiresAt <= now) this.#tokens.delete(token);
  }
}
