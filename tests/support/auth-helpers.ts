import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { resetAuthForTests } from "@/lib/auth/auth";
import { ensureDemoAccounts } from "@/lib/auth/demo";
import { resetEnvForTests } from "@/lib/env";
import { cookieHeader, type CookieToSet } from "@/lib/auth/cookies";
import type { RequestMeta } from "@/lib/auth/roles";
import { signInWithPassword, signInWithTotp, type SignInOutcome } from "@/lib/auth/sign-in";

export function requestFrom(ip: string | null, cookies: readonly CookieToSet[] = []): { headers: Headers; meta: RequestMeta } {
  const headers = new Headers({ "user-agent": "vitest" });
  if (ip) headers.set("x-forwarded-for", ip);
  const c = cookieHeader(cookies);
  if (c) headers.set("cookie", c);
  return { headers, meta: { ip, userAgent: "vitest", requestId: randomUUID() } };
}

export async function passwordStep(username: string, password: string, ip: string | null = "10.1.1.1"): Promise<SignInOutcome> {
  return signInWithPassword({ username, password, ...requestFrom(ip) });
}

export async function totpStep(cookies: readonly CookieToSet[], code: string, ip: string | null = "10.1.1.1"): Promise<SignInOutcome> {
  return signInWithTotp({ code, ...requestFrom(ip, cookies) });
}

export function cookiesOf(outcome: SignInOutcome): CookieToSet[] {
  if (outcome.kind === "refused") throw new Error(`refused: ${outcome.reason}`);
  return outcome.cookies;
}

export function sessionHeaders(cookies: readonly CookieToSet[]): Headers {
  return requestFrom("10.1.1.1", cookies).headers;
}

/**
 * A test file's sign-in settings: sets the variables (and unsets `unset`) before its tests, with
 * fresh env and auth and the demo accounts, and takes the variables away afterwards.
 */
export function withAuthEnv(env: Record<string, string>, unset: readonly string[] = []): void {
  beforeAll(async () => {
    for (const k of unset) delete process.env[k];
    Object.assign(process.env, env);
    resetEnvForTests();
    resetAuthForTests();
    await ensureDemoAccounts();
  });
  afterAll(() => {
    for (const k of Object.keys(env)) delete process.env[k];
    resetEnvForTests();
  });
}
