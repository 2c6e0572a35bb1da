// Domain shapes of CAN's resources. Nothing above lib/can sees CAN's own spellings.

export type MaterializeType = "EXTERNAL" | "RESULT" | "ACCELERATE" | (string & {});

export type PlanSummary = {
  uuid: string;
  name: string;
  displayName: string;
  materializeType: MaterializeType;
};

export type PlanDetails = PlanSummary & {
  /** CAN's metricTimeGranularity as sent (DAY, MONTH, or something we cannot mark). */
  granularity: string | null;
  table: { catalog?: string | undefined; schema?: string | undefined; name?: string | undefined } | null;
  refresh: {
    cron?: string | undefined;
    isFullRefresh?: boolean | undefined;
    lowerInterval?: number | undefined;
    upperInterval?: number | undefined;
  };
};

export type PartitionItem = {
  /** The partition value as CAN sent it (e.g. "2025-10-21", "202510"). */
  value: string;
  status?: string | undefined;
  updatedAt?: string | undefined;
};

export type PartitionListing = {
  hasData: boolean;
  isPartitioned: boolean;
  /** null for full-refresh tables (CAN sends `partition: null`). */
  items: PartitionItem[] | null;
  total: number;
  pagesFetched: number;
  /** false: CAN's list kept changing during every attempt and the caller asked for the last one anyway. */
  settled?: boolean;
};
