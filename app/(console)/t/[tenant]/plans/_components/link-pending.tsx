"use client";

import { useTranslations } from "next-intl";
import { useLinkStatus } from "next/link";

/**
 * Inside a `<Link>`: says "opening…" while its navigation waits (before the route's loading state
 * can show, e.g. when the link was not prefetched). Announced, since the pointer may be elsewhere.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  const t = useTranslations("plans");
  return (
    <span role="status" className="ml-2 text-xs font-normal text-slate-600" data-testid="link-pending">
      {pending ? t("opening") : ""}
    </span>
  );
}
