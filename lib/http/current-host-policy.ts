import "server-only";
import { getEnv } from "@/lib/env";
import { hostPolicyFrom, type HostPolicy } from "./host-guard";

let policy: { key: string; value: HostPolicy } | undefined;

/** The host policy of the current settings, built once per change of them. */
export function currentHostPolicy(): HostPolicy {
  const env = getEnv();
  const key = `${env.PUBLIC_URL} ${env.ALLOWED_HOSTS.join(",")} ${env.TRUST_FORWARDED_HOST}`;
  if (policy?.key !== key) policy = { key, value: hostPolicyFrom(env.PUBLIC_URL, env.ALLOWED_HOSTS, env.TRUST_FORWARDED_HOST) };
  return policy.value;
}
