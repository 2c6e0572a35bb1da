import { readFileSync } from "node:fs";
import { join } from "node:path";
import { E2E_APP_DATA_DIR } from "../../playwright.config";

/** The e2e app's JSON log lines (start-e2e-app copies its output to server.log) that carry this request id. */
export function loggedForRequest(requestId: string): Record<string, unknown>[] {
  return readFileSync(join(E2E_APP_DATA_DIR, "server.log"), "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{") && line.includes(`"requestId":"${requestId}"`))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
