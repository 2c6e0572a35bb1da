import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { cellLabeller, type CellWords } from "@/app/(console)/t/[tenant]/plans/[uuid]/_components/cell-label";
import { INTL_LOCALE, type Locale } from "@/i18n/locales";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { PARTITION_STATUSES } from "@/lib/partitions";

// A cell's name is formatted once per form with a slot for the date, then the date put in: it must
// read exactly as formatting the whole message for that cell does, in both languages.
const MESSAGES = { en, "zh-CN": zh } as const;

function wordsFor(locale: Locale): { words: CellWords; whole: (values: { date: string; today: string; state: string; selected: string }) => string } {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "plan.cell" });
  const tStatus = createTranslator({ locale, messages: MESSAGES[locale], namespace: "status.lower" });
  return {
    words: { future: t("future"), outside: t("outside"), status: (s) => tStatus(s), label: (v) => t("label", v) },
    whole: (v) => t("label", v),
  };
}

describe("cell labels", () => {
  for (const locale of ["en", "zh-CN"] as const) {
    it(`${locale}: every form, with each date put in, equals the message formatted whole`, () => {
      const { words, whole } = wordsFor(locale);
      const label = cellLabeller(INTL_LOCALE[locale], words);
      const days = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" });
      for (const key of ["2025-10-22", "2024-02-29", "2026-01-01"]) {
        const [y = 0, m = 1, d = 1] = key.split("-").map(Number);
        const date = days.format(Date.UTC(y, m - 1, d));
        for (const status of [...PARTITION_STATUSES, undefined]) {
          for (const selected of [false, true]) {
            for (const today of [false, true]) {
              const state = status ? words.status(status) : words.outside;
              const expected = whole({ date, today: String(today), state, selected: String(selected) });
              expect(label(key, status, selected, false, today)).toBe(expected);
              expect(label(key, status, selected, false, today)).not.toContain("\u0000");
            }
          }
        }
        expect(label(key, undefined, false, true)).toBe(whole({ date, today: "false", state: words.future, selected: "false" }));
      }
      expect(label("2025-10", "success", false, false)).toContain(locale === "en" ? "October 2025" : "2025年10月");
    });
  }
});
