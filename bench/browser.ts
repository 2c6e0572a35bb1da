// Real Chromium (Debian's, with the suite's launch arguments), pages signed in with a bench session,
// and the in-page instruments: Event Timing (durationThreshold 16), long tasks, and the moment the
// calendar's day cells were first painted.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import playwrightConfig from "../playwright.config";
import type { Session } from "@/tests/support/action-client";

export const CALENDAR_CELLS = '[aria-label^="Partitions of"] button[data-key]';
const VIEWPORT = { width: 1600, height: 1200 };

export async function launchBrowser(): Promise<Browser> {
  const launch = playwrightConfig.use?.launchOptions ?? {};
  return chromium.launch({ ...launch, executablePath: process.env.CHROMIUM_PATH ?? launch.executablePath ?? "/usr/bin/chromium" });
}

type BenchWindow = {
  events: { name: string; start: number; duration: number; id: number; target: string }[];
  longtasks: { start: number; duration: number }[];
  /** One entry per React commit: components that rendered, and how many of them were day cells. */
  commits: { at: number; components: number; cells: number }[];
  cellsPainted: number | null;
};

// Runs before any of the page's scripts. Kept as a string: it executes in the page, not here.
// tsx (esbuild, keepNames) wraps named functions in the callbacks given to page.evaluate with a
// `__name` helper that only exists in Node: the page gets a do-nothing one.
const INSTRUMENTS = `(() => {
  if (!globalThis.__name) globalThis.__name = (f) => f;
  const b = (window.__bench = { events: [], longtasks: [], commits: [], cellsPainted: null });
  const label = (t) => (t && t.getAttribute ? t.getAttribute("data-key") || t.getAttribute("aria-label") || t.tagName : "");
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.events.push({ name: e.name, start: e.startTime, duration: e.duration, id: e.interactionId || 0, target: label(e.target) });
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  // Counts re-renders the way React DevTools does, through its global hook (React looks for it
  // when it loads): in each commit, walk the fibers that were re-created and count the components
  // that performed work (PerformedWork = 1). A subtree whose child pointer did not change was not
  // re-rendered and is skipped.
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  globalThis.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id, root) => {
      let components = 0, cells = 0;
      const stack = [root.current];
      while (stack.length) {
        const f = stack.pop();
        if (COMPONENT_TAGS.has(f.tag) && (f.flags & 1)) {
          components++;
          const host = f.child;
          if (host && host.tag === 5 && host.stateNode && host.stateNode.tagName === "BUTTON" && host.stateNode.hasAttribute("data-key")) cells++;
        }
        if (f.sibling) stack.push(f.sibling);
        if (f.child && !(f.alternate && f.alternate.child === f.child)) stack.push(f.child);
      }
      b.commits.push({ at: performance.now(), components, cells });
    },
  };
  // Painted: the end of the first frame that has day cells in the document.
  const afterPaint = () => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { b.cellsPainted = performance.now(); };
    ch.port2.postMessage(0);
  });
  const mo = new MutationObserver(() => {
    if (document.querySelector(${JSON.stringify(CALENDAR_CELLS)})) { mo.disconnect(); afterPaint(); }
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

export async function newSignedInPage(browser: Browser, appUrl: string, session: Session): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: appUrl, viewport: VIEWPORT, timezoneId: "UTC" });
  const host = new URL(appUrl).hostname;
  await context.addCookies(session.cookies.map((c) => ({ name: c.name, value: c.value, domain: host, path: "/", httpOnly: true, sameSite: "Lax" as const })));
  await context.addInitScript({ content: INSTRUMENTS });
  const page = await context.newPage();
  return { context, page };
}

/** On a failure, what the page looked like: .data/bench/failure-<name>.png (then the error goes on). */
export async function screenshotOnFailure<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    await page.screenshot({ path: `.data/bench/failure-${name}.png`, fullPage: true }).catch(() => undefined);
    throw e;
  }
}

export const readInstruments = (page: Page): Promise<BenchWindow> => page.evaluate(() => (window as unknown as { __bench: BenchWindow }).__bench);

export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** Resolves after the next frame has been painted, so the last input's Event Timing entry exists. */
export const settle = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

export async function throttleCpu(page: Page, rate: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  return cdp;
}

/** Nodes in the smallest element holding both the year grid and the history strip. */
export const calendarNodeCount = (page: Page): Promise<{ region: number; yearGrid: number; history: number; document: number }> =>
  page.evaluate(() => {
    const grid = document.querySelector('[aria-label^="Partitions of"]');
    const history = document.querySelector('nav[aria-label="History by year"]');
    const count = (el: Element | null) => (el ? el.querySelectorAll("*").length + 1 : 0);
    let region: Element | null = grid;
    while (region && history && !region.contains(history)) region = region.parentElement;
    return { region: count(region), yearGrid: count(grid), history: count(history), document: document.querySelectorAll("*").length };
  });

/** `hover`: pointer movement, whose events carry no interactionId; every event in its window counts. */
export type Interaction = { label: string; t0: number; t1: number; hover: boolean };

/** Performs one user action and notes the page-time window it happened in, for Event Timing. */
export async function interact(page: Page, label: string, action: () => Promise<unknown>, log: Interaction[], hover = false): Promise<void> {
  const t0 = await pageNow(page);
  await action();
  await settle(page);
  log.push({ label, t0, t1: await pageNow(page), hover });
}

export type Measured = { label: string; durationMs: number; measured: boolean };

/**
 * The duration of each interaction: the longest Event Timing entry with an interactionId inside its
 * window (as INP counts it). An interaction faster than the 16 ms threshold leaves no entry and
 * counts as 16 ms, an upper bound.
 */
export function interactionDurations(win: BenchWindow, log: readonly Interaction[]): Measured[] {
  return log.map(({ label, t0, t1, hover }) => {
    const inside = win.events.filter((e) => (hover || e.id > 0) && e.start >= t0 && e.start <= t1);
    const worst = Math.max(0, ...inside.map((e) => e.duration));
    return { label, durationMs: inside.length > 0 ? worst : 16, measured: inside.length > 0 };
  });
}

/** React's re-render work inside each interaction of one label: components and day cells per interaction. */
export function rendersPer(win: BenchWindow, log: readonly Interaction[], label: string): { commits: number[]; components: number[]; cells: number[] } {
  const mine = log.filter((i) => i.label === label);
  const inWindow = (i: Interaction) => win.commits.filter((c) => c.at >= i.t0 && c.at <= i.t1);
  return {
    commits: mine.map((i) => inWindow(i).length),
    components: mine.map((i) => inWindow(i).reduce((n, c) => n + c.components, 0)),
    cells: mine.map((i) => inWindow(i).reduce((n, c) => n + c.cells, 0)),
  };
}

export function longTasksIn(win: BenchWindow, t0: number, t1: number): { start: number; duration: number }[] {
  return win.longtasks.filter((t) => t.start >= t0 && t.start <= t1);
}
