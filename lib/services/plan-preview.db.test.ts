import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StatusRun } from "@/lib/partitions";
import { answerPlanRead, json, startScriptedCan } from "@/tests/support/scripted-can";
import { withTestDb } from "@/tests/support/test-db";
import { getPlanCalendar } from "./plan-calendar";
import { previewChannel, previewPlanYear } from "./plan-preview";
import { forgetSharedListingsForTests } from "./shared-listing";

// The preview against the whole read it stands in for: a real database, and a real HTTP server
// scripted as CAN that holds every page after the first few until the preview has answered (or
// given up), so what each case sees does not depend on timing.

withTestDb();
let can: Awaited<ReturnType<typeof startScriptedCan>>;
beforeAll(async () => {
  can = await startScriptedCan();
});
afterAll(() => can.close());
beforeEach(() => forgetSharedListingsForTests());

const NOW = new Date("2026-03-01T12:00:00Z");
const PAGE = 50;

/** Three years of days to 2026-02-27, newest first, every tenth failed and every seventh missing. */
const DAYS = Array.from({ length: 3 * 365 }, (_, i) => new Date(Date.UTC(2026, 1, 27) - i * 86_400_000).toISOString().slice(0, 10))
  .filter((_, i) => i % 7 !== 3)
  .map((value, i) => ({ value, status: i % 10 === 0 ? "FAILED" : "SUCCESS" }));

/** Serves `items` as a DAY plan `uuid`'s list; pages after `answered` wait for `release()`. */
function serve(items: { value: string; status: string }[], answered = 3) {
  const held: (() => void)[] = [];
  let released = false;
  can.handle((r, res) => {
    if (answerPlanRead(r, res)) return;
    const page = Number(r.query.get("pageNumber"));
    const body = {
      data: {
        hasData: true,
        isPartition: true,
        partition: { paritionList: items.slice((page - 1) * PAGE, page * PAGE), hasNext: page * PAGE < items.length, total: items.length },
      },
      success: true,
      code: "200",
    };
    if (page <= answered || released) json(res, body);
    else held.push(() => json(res, body));
  });
  return () => {
    released = true;
    for (const send of held.splice(0)) send();
  };
}

/** The preview and the whole read of one plan, side by side as the page starts them. */
async function previewAndWhole(uuid: string, year: string | null) {
  const { onPreviewSource, source } = previewChannel();
  const whole = getPlanCalendar(can.tenant, uuid, NOW, { onPreviewSource });
  const preview = await source.then((s) => previewPlanYear(can.tenant, uuid, s, year, NOW));
  return { preview, whole };
}

function clip(runs: readonly StatusRun[], year: number): StatusRun[] {
  const [first, last] = [`${year}-01-01`, `${year}-12-31`];
  return runs.filter(([s, e]) => e >= first && s <= last).map(([s, e, status]): StatusRun => [s < first ? first : s, e > last ? last : e, status]);
}

describe("previewPlanYear", () => {
  it("draws the year the calendar opens on from the first pages, with the statuses the whole read gives it", async () => {
    const release = serve(DAYS);
    const { preview, whole } = await previewAndWhole("plan-open", null);
    release();
    const calendar = await whole;
    expect(preview).not.toBeNull();
    // The window ends yesterday (2026-02-28): the calendar opens on 2026, whose 58 days are in the first two pages.
    expect(preview?.year).toBe(2026);
    expect(preview?.pagesRead).toBeLessThan(preview?.pageCount ?? 0);
    expect(preview?.pageCount).toBe(calendar.pagesFetched);
    expect(preview?.runs).toEqual(clip(calendar.runs, 2026));
    expect(preview?.runs.map((r) => r[2])).toEqual(expect.arrayContaining(["success", "failed", "missing"]));
    expect(preview?.today).toBe(calendar.today?.key);
    expect(preview?.listShape).toBe(calendar.listShape);
  });

  it("draws the year the address asks for once the pages reach before it, and gives up on one they cannot reach", async () => {
    // 2026 holds about 50 of the days and 2025 about 313: nine pages reach into 2024.
    const release = serve(DAYS, 9);
    const { preview, whole } = await previewAndWhole("plan-2025", "2025");
    release();
    const calendar = await whole;
    expect(preview?.year).toBe(2025);
    expect(preview?.runs).toEqual(clip(calendar.runs, 2025));

    forgetSharedListingsForTests();
    const release2 = serve(DAYS);
    const old = previewAndWhole("plan-2023", "2023");
    // 2023 lies beyond the held pages: the preview waits on, and gives up when the read ends.
    release2();
    expect((await old).preview).toBeNull();
    await (
      await old
    ).whole;
  });

  it("gives up when the list is oldest first, and when it is one page", async () => {
    const release = serve([...DAYS].reverse());
    const ascending = await previewAndWhole("plan-asc", null);
    release();
    expect(ascending.preview).toBeNull();
    expect((await ascending.whole).runs.length).toBeGreaterThan(0);

    forgetSharedListingsForTests();
    serve(DAYS.slice(0, 40));
    const short = await previewAndWhole("plan-short", null);
    expect(short.preview).toBeNull();
    await short.whole;
  });
});
