import "server-only";
import { z } from "zod";
import type { Tenant } from "@/lib/tenants";
import { canFetch, type CanCallOptions } from "./client";

/** The read endpoints a machine may call through the console, with their HTTP method. */
export const PASS_THROUGH_READS = {
  queryMtPartitionList: "GET",
  queryAccelerateResultPlan: "GET",
  queryReferenceScript: "GET",
  queryAccelerateResultPlanList: "POST",
} as const;
export type PassThroughRead = keyof typeof PASS_THROUGH_READS;

const anyAnswer = z.unknown();

/**
 * One read with the tenant's credential, answered as CAN answered it (its envelope or its bare body):
 * the same door as every other call (timeout, GET retries, envelope judgement), no reshaping.
 */
export async function readThrough(
  tenant: Tenant,
  endpoint: PassThroughRead,
  input: { query?: Record<string, string | number>; body?: unknown },
  options?: CanCallOptions,
): Promise<unknown> {
  return canFetch(tenant, { endpoint, method: PASS_THROUGH_READS[endpoint], ...input, schema: anyAnswer, payload: "whole" }, options);
}
