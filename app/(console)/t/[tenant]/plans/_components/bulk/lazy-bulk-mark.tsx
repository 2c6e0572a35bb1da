"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { BulkSelection } from "./use-bulk-selection";

// The bar, the confirmation, the results and the preview code behind them load when a user first
// selects a plan, not with the page: most visits to the list never bulk-mark. The checkboxes
// (bulk-select.tsx) and the selection itself stay in the page.
const BulkMark = dynamic(() => import("./bulk-mark").then((m) => m.BulkMark), { ssr: false });

/**
 * Mounts the bulk mark at the first selection and keeps it mounted from then on, so a finished
 * mark's results stay on screen after it clears the selection.
 */
export function LazyBulkMark({ tenantId, selection }: { tenantId: string; selection: BulkSelection }) {
  const [wanted, setWanted] = useState(false);
  if (!wanted && selection.selected.size > 0) setWanted(true);
  return wanted ? <BulkMark tenantId={tenantId} selection={selection} /> : null;
}
