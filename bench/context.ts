import type { Browser } from "@playwright/test";
import type { Figure } from "./report";
import type { SandboxControl } from "@/tests/support/sandbox-control";
import type { Session } from "@/tests/support/action-client";

/** What every scenario gets from the runner. */
export type BenchContext = {
  appUrl: string;
  sandbox: SandboxControl;
  /** The app server's process (node running `next start`, as `npm start` launches it). */
  appPid: number;
  /** Where the app's inspector listens once the bench sends it SIGUSR1 (bench/inspector.ts). */
  appInspectPort?: number;
  quick: boolean;
  /** The demo `operator` (operator in acme: may read and mark). */
  session: Session;
  browser: Browser | null;
  /** Date.now() after which scenarios should wrap up (the whole run must end within 10 minutes). */
  deadline: number;
  log: (line: string) => void;
  add: (figure: Figure) => void;
};
