// `BENCH_BROWSER_TRACE=<file>.json`: the interaction scenario records a Chrome trace of the page
// over its measured interactions (open it in DevTools' Performance panel), and writes each
// interaction's page-clock window beside it (`<file>.json.log.json`) to find them in it. Off by
// default: tracing slows the page, so a traced run's figures are not the budget's.
import { writeFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import type { Interaction } from "./browser";

/** Rendering, input, JS sampling and Event Timing: what DevTools records, and the JS profile. */
const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "latencyInfo",
  "v8.execute",
  "disabled-by-default-v8.cpu_profiler",
];

export type BrowserTrace = { stop: (log: readonly Interaction[]) => Promise<void> };

export async function startBrowserTrace(browser: Browser, page: Page): Promise<BrowserTrace> {
  const path = process.env.BENCH_BROWSER_TRACE;
  if (!path) return { stop: async () => undefined };
  await browser.startTracing(page, { path, categories: CATEGORIES });
  return {
    stop: async (log) => {
      await browser.stopTracing();
      writeFileSync(`${path}.log.json`, JSON.stringify(log));
    },
  };
}
