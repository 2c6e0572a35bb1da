import { E2E_SANDBOX_PORT } from "../../playwright.config";
import { sandboxControl } from "./sandbox-control";

export type { Fault, SandboxPlanState, SandboxPlanSummary } from "./sandbox-control";

/** The e2e suite's sandbox (started by playwright.config.ts). */
export const sandbox = sandboxControl(`http://127.0.0.1:${E2E_SANDBOX_PORT}`);
export const planByName = sandbox.planByName;
