import type { Result } from "./result";

/** Client-side GET of one of our route handlers; network failures become a Result too. */
export async function fetchResult<T>(url: string): Promise<Result<T>> {
  try {
    const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
    return (await response.json()) as Result<T>;
  } catch {
    return { ok: false, error: { code: "UPSTREAM_UNAVAILABLE", message: "The console's server could not be reached. Check your connection and retry." } };
  }
}
