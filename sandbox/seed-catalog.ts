import type { MaterializeType } from "./state-types";

/** How many periods of history to seed, ending at the seed end, and how messy it should look. */
export type HistorySpec = {
  periods: number;
  /** Scattered single missing runs. */
  missing: number;
  /** One contiguous outage of this many periods (an incident), if set. */
  outage?: number;
  failed: number;
  /** Forces a failure this many periods before the newest, so it shows on the first calendar page. */
  recentFailedOffset?: number;
  /** The plan stopped this many periods before the seed end: its newest periods are absent (a late plan). */
  stalledFor?: number;
};

export type PlanSpec = {
  name: string;
  displayName: string;
  materializeType: MaterializeType;
  granularity: "DAY" | "MONTH" | "WEEK";
  isFullRefresh?: boolean;
  entity: string;
  metrics: string[];
  dimensions: string[];
  cron: string;
  history?: HistorySpec;
};

const threeYearsDaily: HistorySpec = { periods: 1095, missing: 14, outage: 4, failed: 6, recentFailedOffset: 2 };
const threeYearsMonthly: HistorySpec = { periods: 36, missing: 1, failed: 1 };
const tenYearsDaily: HistorySpec = { periods: 3650, missing: 3, failed: 2 };
const oneYearDaily: HistorySpec = { periods: 365, missing: 4, failed: 1 };
const halfYearDaily: HistorySpec = { periods: 180, missing: 2, failed: 1 };

// Names differ per tenant on purpose: a cross-tenant mix-up shows up as a wrong name, not a lookalike.
export const SEED_CATALOG: Readonly<Record<string, readonly PlanSpec[]>> = {
  acme: [
    {
      name: "orders_daily",
      displayName: "Orders (daily)",
      materializeType: "EXTERNAL",
      granularity: "DAY",
      entity: "order",
      metrics: ["order_count", "order_amount", "refund_amount"],
      dimensions: ["region", "channel"],
      cron: "0 0 2 * * ?",
      history: threeYearsDaily,
    },
    {
      name: "revenue_monthly",
      displayName: "Revenue (monthly)",
      materializeType: "EXTERNAL",
      granularity: "MONTH",
      entity: "revenue",
      metrics: ["gross_revenue", "net_revenue"],
      dimensions: ["region", "brand"],
      cron: "0 0 4 1 * ?",
      history: threeYearsMonthly,
    },
    {
      name: "customer_snapshot",
      displayName: "Customer snapshot (full refresh)",
      materializeType: "EXTERNAL",
      granularity: "DAY",
      isFullRefresh: true,
      entity: "customer",
      metrics: ["active_customers"],
      dimensions: ["segment"],
      cron: "0 30 3 * * ?",
    },
    {
      name: "store_sales_result",
      displayName: "Store sales (result)",
      materializeType: "RESULT",
      granularity: "DAY",
      entity: "store",
      metrics: ["sales_amount"],
      dimensions: ["store_id"],
      cron: "0 0 1 * * ?",
      history: halfYearDaily,
    },
    {
      name: "basket_accelerate",
      displayName: "Basket analysis (accelerate)",
      materializeType: "ACCELERATE",
      granularity: "DAY",
      entity: "basket",
      metrics: ["basket_size", "basket_value"],
      dimensions: ["channel"],
      cron: "0 0 1 * * ?",
      history: oneYearDaily,
    },
    {
      name: "clickstream_events_10y",
      displayName: "Clickstream events (10 years)",
      materializeType: "EXTERNAL",
      granularity: "DAY",
      entity: "event",
      metrics: ["event_count", "unique_visitors"],
      dimensions: ["device"],
      cron: "0 15 2 * * ?",
      history: tenYearsDaily,
    },
    {
      name: "orders_weekly",
      displayName: "Orders (weekly)",
      materializeType: "EXTERNAL",
      granularity: "WEEK",
      entity: "order",
      metrics: ["order_count"],
      dimensions: ["region"],
      cron: "0 0 5 ? * MON",
      history: { periods: 104, missing: 2, failed: 1 },
    },
    {
      // The demo's late plan: its loads stopped 35 days before the seed end (the plans page flags it). More
      // than a month, so it is also the latest of the e2e run's plans whatever the real date (every
      // seeded plan is late there: the e2e seed ends on a fixed day).
      name: "stock_levels_daily",
      displayName: "Stock levels (daily)",
      materializeType: "EXTERNAL",
      granularity: "DAY",
      entity: "stock",
      metrics: ["units_on_hand"],
      dimensions: ["warehouse"],
      cron: "0 0 3 * * ?",
      history: { periods: 120, missing: 0, failed: 0, stalledFor: 35 },
    },
  ],
  globex: [
    {
      name: "shipments_daily",
      displayName: "Shipments (daily)",
      materializeType: "EXTERNAL",
      granularity: "DAY",
      entity: "shipment",
      metrics: ["shipment_count", "freight_weight_kg"],
      dimensions: ["origin_hub", "carrier"],
      cron: "0 30 1 * * ?",
      history: threeYearsDaily,
    },
    {
      name: "freight_cost_monthly",
      displayName: "Freight cost (monthly)",
      materializeType: "EXTERNAL",
      granularity: "MONTH",
      entity: "freight",
      metrics: ["freight_cost", "fuel_surcharge"],
      dimensions: ["lane"],
      cron: "0 0 6 2 * ?",
      history: threeYearsMonthly,
    },
    {
      name: "fleet_snapshot",
      displayName: "Fleet snapshot (full refresh)",
      materializeType: "EXTERNAL",
      granularity: "DAY",
      isFullRefresh: true,
      entity: "vehicle",
      metrics: ["active_vehicles"],
      dimensions: ["depot"],
      cron: "0 0 3 * * ?",
    },
    {
      name: "delivery_sla_result",
      displayName: "Delivery SLA (result)",
      materializeType: "RESULT",
      granularity: "DAY",
      entity: "delivery",
      metrics: ["on_time_rate"],
      dimensions: ["region"],
      cron: "0 0 2 * * ?",
      history: halfYearDaily,
    },
    {
      name: "route_accelerate",
      displayName: "Route performance (accelerate)",
      materializeType: "ACCELERATE",
      granularity: "DAY",
      entity: "route",
      metrics: ["route_km", "stops"],
      dimensions: ["depot"],
      cron: "0 0 2 * * ?",
      history: oneYearDaily,
    },
    {
      name: "tracking_events_10y",
      displayName: "Tracking events (10 years)",
      materializeType: "EXTERNAL",
      granularity: "DAY",
      entity: "scan",
      metrics: ["scan_count"],
      dimensions: ["hub"],
      cron: "0 45 2 * * ?",
      history: tenYearsDaily,
    },
  ],
};
