import { describe, expect, it } from "vitest";
import { checkScrape } from "./scrape-access";

const TOKEN = "a-scrape-token-of-32-characters-x";

describe("checkScrape", () => {
  it("is off (404) while METRICS_TOKEN is unset, whatever is sent", () => {
    expect(checkScrape(`Bearer ${TOKEN}`, undefined)).toMatchObject({ ok: false, status: 404 });
    expect(checkScrape(null, undefined)).toMatchObject({ ok: false, status: 404 });
  });
  it("takes exactly `Bearer <token>`", () => {
    expect(checkScrape(`Bearer ${TOKEN}`, TOKEN)).toEqual({ ok: true });
    for (const header of [null, "", TOKEN, `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Bearer ${TOKEN} extra`, "Bearer "]) {
      expect(checkScrape(header, TOKEN), String(header)).toMatchObject({ ok: false, status: 401 });
    }
  });
});
