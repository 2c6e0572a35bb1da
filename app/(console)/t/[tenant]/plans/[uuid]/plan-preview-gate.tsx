import "server-only";
import { Suspense, type ReactNode } from "react";
import type { PlanTitle, PlanYearPreview } from "@/lib/services/plan-calendar-types";
import { PlanPreview } from "./_components/plan-preview";

/**
 * Between the skeleton and the loaded page: `preview` settles with the year the calendar opens on
 * once the first pages of CAN's list hold all of it, or with null when they cannot or the whole list
 * is in first (a short plan). With a preview, the loaded page (`children`) is awaited behind it;
 * without one, `children` suspends into the skeleton's boundary as before.
 */
export async function PlanPreviewGate({
  preview,
  tenantId,
  title,
  children,
}: {
  preview: Promise<PlanYearPreview | null>;
  tenantId: string;
  title: PlanTitle | null;
  children: ReactNode;
}) {
  const shown = await preview;
  if (!shown) return children;
  return <Suspense fallback={<PlanPreview tenantId={tenantId} title={title} preview={shown} />}>{children}</Suspense>;
}
