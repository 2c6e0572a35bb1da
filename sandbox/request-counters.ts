export type RequestCounts = {
  total: number;
  byTenant: Record<string, number>;
  byEndpoint: Record<string, number>;
  byTenantAndEndpoint: Record<string, Record<string, number>>;
  /** Marks that authenticated and changed state (a refused or invalid one is counted above only). */
  applied: Record<string, Record<string, number>>;
  /** Tokens token/create issued, per tenant (its calls, refused ones too, are counted above). */
  tokensIssued: Record<string, number>;
};

/** Requests without a tenant-id header are counted under this key. */
export const NO_TENANT = "(none)";

/** A mark as the sandbox received it: which tenant header, which endpoint, the parsed body. */
export type ReceivedMutation = { tenant: string; endpoint: string; body: unknown };
const MUTATION_LOG_SIZE = 200;
/** A call's `x-request-id` as received, so a test can follow one id from the page to CAN and back. */
export type ReceivedRequest = { tenant: string; endpoint: string; requestId: string | null };
const REQUEST_LOG_SIZE = 200;

/**
 * Counts CAN calls (refused ones too) so tests can assert how many calls the app really made, and
 * keeps the last mutation bodies so a test can compare what CAN received with what was sent.
 */
export class RequestCounters {
  #counts: RequestCounts = RequestCounters.#empty();
  #mutations: ReceivedMutation[] = [];
  #recent: ReceivedRequest[] = [];

  static #empty(): RequestCounts {
    return { total: 0, byTenant: {}, byEndpoint: {}, byTenantAndEndpoint: {}, applied: {}, tokensIssued: {} };
  }

  record(tenantHeader: string | undefined, endpoint: string, requestId?: string): void {
    const tenant = tenantHeader || NO_TENANT;
    this.#recent.push({ tenant, endpoint, requestId: requestId || null });
    if (this.#recent.length > REQUEST_LOG_SIZE) this.#recent.shift();
    const c = this.#counts;
    c.total += 1;
    c.byTenant[tenant] = (c.byTenant[tenant] ?? 0) + 1;
    c.byEndpoint[endpoint] = (c.byEndpoint[endpoint] ?? 0) + 1;
    const perTenant = (c.byTenantAndEndpoint[tenant] ??= {});
    perTenant[endpoint] = (perTenant[endpoint] ?? 0) + 1;
  }

  recordApplied(tenantId: string, endpoint: string): void {
    const perTenant = (this.#counts.applied[tenantId] ??= {});
    perTenant[endpoint] = (perTenant[endpoint] ?? 0) + 1;
  }

  recordTokenIssued(tenantId: string): void {
    this.#counts.tokensIssued[tenantId] = (this.#counts.tokensIssued[tenantId] ?? 0) + 1;
  }

  recordMutation(tenantHeader: string | undefined, endpoint: string, body: unknown): void {
    this.#mutations.push({ tenant: tenantHeader || NO_TENANT, endpoint, body: structuredClone(body) });
    if (this.#mutations.length > MUTATION_LOG_SIZE) this.#mutations.shift();
  }

  mutations(): ReceivedMutation[] {
    return structuredClone(this.#mutations);
  }

  recent(): ReceivedRequest[] {
    return structuredClone(this.#recent);
  }

  snapshot(): RequestCounts {
    return structuredClone(this.#counts);
  }

  reset(): void {
    this.#counts = RequestCounters.#empty();
    this.#mutations = [];
    this.#recent = [];
  }
}
