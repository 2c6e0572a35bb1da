"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { AdminState } from "../actions";

// One place for the outcome of the page's user actions, showing only the last one: a message kept
// in the row it came from goes stale after the next action, disappears with a removed row, and makes
// rows grow and shift under the pointer.

type Report = (result: NonNullable<AdminState>) => void;
type Shown = { result: NonNullable<AdminState>; seq: number } | null;

const ReportContext = createContext<Report | null>(null);
const ShownContext = createContext<Shown>(null);

export function LastActionResultProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<Shown>(null);
  const report = useCallback<Report>((result) => setShown((prev) => ({ result, seq: (prev?.seq ?? 0) + 1 })), []);
  return (
    <ReportContext.Provider value={report}>
      <ShownContext.Provider value={shown}>{children}</ShownContext.Provider>
    </ReportContext.Provider>
  );
}

export function useReportResult(): Report {
  const report = useContext(ReportContext);
  if (!report) throw new Error("useReportResult outside LastActionResultProvider");
  return report;
}

/** Sticky at the top of the page, so the outcome is seen wherever the action was taken. */
export function LastActionResult() {
  const shown = useContext(ShownContext);
  const t = useTranslations("admin");
  return (
    <div className="sticky top-0 z-10 min-h-0" data-testid="admin-last-result">
      {shown && (
        // Keyed by the action, so a repeated identical message is still announced.
        <p
          key={shown.seq}
          role={shown.result.ok ? "status" : "alert"}
          className={`mt-3 rounded border p-2 text-sm shadow-sm ${shown.result.ok ? "border-green-800 bg-green-50 text-green-900" : "border-red-800 bg-red-50 text-red-900"}`}
        >
          <span className="font-semibold">{shown.result.ok ? t("done") : t("notDone")} </span>
          {shown.result.ok ? shown.result.data : shown.result.error.message}
        </p>
      )}
    </div>
  );
}
