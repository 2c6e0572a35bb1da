import "server-only";
import { z } from "zod";
import type { MarkBody, MarkEndpoint } from "@/lib/marks/kinds";
import type { Tenant } from "@/lib/tenants";
import { canFetch, type CanCallOptions } from "./client";

const answerSchema = z.unknown();

/**
 * Sends one mark (updatePartition or clearPartition) and returns CAN's answer as it came: the whole
 * envelope, or a bare body. Never retried: a mark sent twice is a mark nobody asked for.
 */
export async function sendMark(tenant: Tenant, endpoint: MarkEndpoint, body: MarkBody, options?: CanCallOptions): Promise<unknown> {
  return canFetch(tenant, { endpoint, method: "POST", body, schema: answerSchema, expectsData: false, payload: "whole" }, options);
}
