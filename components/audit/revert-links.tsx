"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Time } from "@/components/time/time";
import type { RevertLinks } from "@/lib/marks/revert-state";

/**
 * A mark's place in a chain of reverts, the same on the plan's history and the audit page: which
 * mark it reverted, who reverted it, and Revert (when the viewer may mark) or why it cannot be.
 */
export function RevertLinksView({ links, button }: { links: RevertLinks; button?: ReactNode }) {
  const t = useTranslations("revert");
  if (!links.of && links.by.length === 0 && links.state === null) return null;
  return (
    <div className="mt-1 space-y-0.5 text-xs" data-testid="revert-links">
      {links.of && <div>{t.rich("reverts", { actor: links.of.actor, time: () => <Time iso={links.of?.at ?? ""} /> })}</div>}
      {links.by.map((b) => (
        <div key={b.id}>{t.rich("revertedBy", { actor: b.actor, time: () => <Time iso={b.at} /> })}</div>
      ))}
      {links.state === "no-before" && <div className="text-slate-700">{t("cannot")}</div>}
      {links.state === "revertible" && button}
    </div>
  );
}
