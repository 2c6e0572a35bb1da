/** The CAN endpoints the sandbox speaks; anything else under the CAN prefix is a 404. */
export const CAN_ENDPOINT_NAMES = [
  "queryAccelerateResultPlanList",
  "queryAccelerateResultPlan",
  "queryReferenceScript",
  "queryMtPartitionList",
  "updatePartition",
  "clearPartition",
] as const;
export type CanEndpointName = (typeof CAN_ENDPOINT_NAMES)[number];

// Any version segment is accepted: one docs page writes {version} where the others write v1.
const CAN_PATH = /^\/anymetrics\/api\/[^/]+\/accelerate\/plan\/([^/]+)$/;

/** The endpoint name for a CAN-shaped path (known or not), or null when the path is not CAN's. */
export function canEndpointOf(pathname: string): string | null {
  return CAN_PATH.exec(pathname)?.[1] ?? null;
}

export function isCanEndpointName(name: string): name is CanEndpointName {
  return (CAN_ENDPOINT_NAMES as readonly string[]).includes(name);
}
