export type RequestCounts = {
  total: number;
  byTenant: Record<string, number>;
  byEndpoint: Record<string, number>;
  byTenantAndEndpoint: Record<string, Record<string, number>>;
};

/** Requests without a tenant-id header are counted under this key. */
export const NO_TENANT = "(none)";

/** Counts CAN calls (refused ones too) so tests can assert how many calls the app really made. */
export class RequestCounters {
  #counts: RequestCounts = RequestCounters.#empty();

  static #empty(): RequestCounts {
    return { total: 0, byTenant: {}, byEndpoint: {}, byTenantAndEndpoint: {} };
  }

  record(tenantHeader: string | undefined, endpoint: string): void {
    const tenant = tenantHeader || NO_TENANT;
    const c = this.#counts;
    c.total += 1;
    c.byTenant[tenant] = (c.byTenant[tenant] ?? 0) + 1;
    c.byEndpoint[endpoint] = (c.byEndpoint[endpoint] ?? 0) + 1;
    const perTenant = (c.byTenantAndEndpoint[tenant] ??= {});
    perTenant[endpoint] = (perTenant[endpoint] ?? 0) + 1;
  }

  snapshot(): RequestCounts {
    return structuredClone(this.#counts);
  }

  reset(): void {
    this.#counts = RequestCounters.#empty();
  }
}
