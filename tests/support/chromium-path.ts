import { existsSync } from "node:fs";

/** Debian's chromium-headless-shell: the same Chromium build without the desktop browser around it. */
export const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
/** Debian's chromium: the whole browser (the bench and Lighthouse measure with it). */
export const FULL_CHROMIUM = "/usr/bin/chromium";

/**
 * The browser the Playwright suite drives: CHROMIUM_PATH when set, else the headless shell when it
 * is installed (what Playwright itself runs headless; about a fifth less CPU per test, measured in
 * docs/decisions/0027-e2e-in-two-shards.md), else the whole browser.
 */
export function e2eChromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM);
}
