// Debian packages the test run needs, installed with apt when absent (`npx playwright install`
// cannot download browsers here; see docs/testing.md).
import { existsSync } from "node:fs";
import { FULL_CHROMIUM, HEADLESS_SHELL } from "./chromium-path";
import { run } from "./processes";

/** What `locate` finds, installing `pkg` with apt first when it finds nothing; undefined when that fails. */
export async function ensureDebianPackage(pkg: string, why: string, locate: () => string | undefined): Promise<string | undefined> {
  const found = locate();
  if (found) return found;
  console.log(`Installing Debian ${pkg} ${why}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args: string[]) => (process.getuid?.() === 0 ? run("apt-get", args, { env }) : run("sudo", ["apt-get", ...args], { env }));
  if ((await apt(["update"])) !== 0) return undefined;
  if ((await apt(["install", "-y", "--no-install-recommends", pkg])) !== 0) return undefined;
  return locate();
}

const file = (path: string) => () => (existsSync(path) ? path : undefined);

/** Debian's Chromium, the whole browser: the bench measures with it. */
export const ensureChromium = () => ensureDebianPackage("chromium", "for the bench", file(process.env.CHROMIUM_PATH ?? FULL_CHROMIUM));

/** Debian's Chromium headless shell for the Playwright suite (tests/support/chromium-path.ts). */
export const ensureChromiumHeadlessShell = () =>
  ensureDebianPackage("chromium-headless-shell", "for the browser tests", file(process.env.CHROMIUM_PATH ?? HEADLESS_SHELL));

/** LibreOffice Calc for the spreadsheet test of the audit CSV export (e2e/security/csv-injection.spec.ts). */
export const ensureLibreOffice = () => ensureDebianPackage("libreoffice-calc", "for the CSV export test", file(process.env.SOFFICE_PATH ?? "/usr/bin/soffice"));
