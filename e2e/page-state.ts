import type { Page, TestInfo } from "@playwright/test";

/** What a page's renderer was doing when its test failed: whether it is visible, focused and still drawing frames. */
type PageState = { visibility: DocumentVisibilityState; focused: boolean; framesIn2s: number } | { unreadable: string };

/**
 * A failed test's page, described in its output. A click that waits for an element to be "stable"
 * waits on animation frames, so a renderer that stopped drawing looks like a slow page; this tells
 * the two apart after the fact (upstream-faults.spec once waited 60 s there with the button enabled).
 */
export async function reportPageState(page: Page, testInfo: TestInfo): Promise<void> {
  if (page.isClosed()) return;
  const state = await Promise.race<PageState>([
    page
      .evaluate(
        () =>
          new Promise<PageState>((resolve) => {
            let frames = 0;
            const tick = () => {
              frames += 1;
              requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
            setTimeout(() => resolve({ visibility: document.visibilityState, focused: document.hasFocus(), framesIn2s: frames }), 2_000);
          }),
      )
      .catch((e: unknown) => ({ unreadable: String(e) })),
    new Promise<PageState>((resolve) => setTimeout(() => resolve({ unreadable: "no answer within 5 s: the renderer's main thread is busy" }), 5_000)),
  ]);
  const line = `page state at failure (${page.url()}): ${JSON.stringify(state)}`;
  console.log(line);
  await testInfo.attach("page-state", { body: line, contentType: "text/plain" });
}
