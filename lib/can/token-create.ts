import "server-only";
import { z } from "zod";
import type { AppCredentialTenant } from "@/lib/tenants";
import { exchange } from "./exchange";

export const TOKEN_ENDPOINT = "token/create";
const TOKEN_PATH = "/anymetrics/api/v1/token/create";

/** CAN's "Get Access Credentials" answer: the token as a string in `data` (CAN limits headers to 32 characters, we allow more). */
const tokenSchema = z.string().min(1).max(4_096);

/**
 * Trades the tenant's app credentials for a token: no common headers, `{ appId, appSecret, expire? }`
 * in the body. Sent once (a failed try is the caller's to repeat); a failure is a CanError that names
 * the tenant and carries CAN's words, never the secret (lib/can redacts before anyone sees it).
 */
export async function createToken(tenant: AppCredentialTenant, options: { timeoutMs: number; requestId: string }): Promise<string> {
  const { appId, appSecret, tokenTtlSeconds } = tenant.app;
  return exchange({
    url: new URL(`${tenant.baseUrl}${TOKEN_PATH}`),
    method: "POST",
    headers: {},
    body: { appId, appSecret, ...(tokenTtlSeconds !== undefined ? { expire: tokenTtlSeconds } : {}) },
    timeoutMs: options.timeoutMs,
    schema: tokenSchema,
    about: { endpoint: TOKEN_ENDPOINT, requestId: options.requestId, tenantId: tenant.id },
  });
}
