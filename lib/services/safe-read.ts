import "server-only";
import { toAppError } from "@/lib/api/to-app-error";
import type { Result } from "@/lib/api/result";

/** Runs a read and returns a Result, so pages and route handlers share one error mapping. */
export async function safeRead<T>(context: string, read: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await read() };
  } catch (e) {
    return { ok: false, error: toAppError(e, context) };
  }
}
