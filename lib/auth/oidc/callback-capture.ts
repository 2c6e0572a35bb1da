import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { processGlobal } from "@/lib/process-global";

/**
 * What Better Auth saw while it handled one provider callback: the verified profile (ID token
 * claims, or userinfo) and the session it created. lib/auth/auth.ts writes it from Better Auth's
 * own hooks, lib/auth/oidc/complete.ts reads it once the callback is handled: so roles come from
 * the exact claims Better Auth verified, not from a second, unchecked read of the token.
 */
export type CallbackCapture = {
  profile?: Record<string, unknown>;
  session?: { token: string; userId: string };
};

const storage = processGlobal("oidc-callback-capture", () => new AsyncLocalStorage<CallbackCapture>());

export function runCapturing<T>(capture: CallbackCapture, fn: () => Promise<T>): Promise<T> {
  return storage.run(capture, fn);
}

/** The capture of the callback being handled; undefined anywhere else (password sign-ins, CLI). */
export function currentCapture(): CallbackCapture | undefined {
  return storage.getStore();
}
