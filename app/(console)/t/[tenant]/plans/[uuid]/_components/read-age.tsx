"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { readAge } from "@/lib/read-age";

const TICK_MS = 15_000;

function subscribeTick(onTick: () => void): () => void {
  const id = window.setInterval(onTick, TICK_MS);
  return () => window.clearInterval(id);
}

// The clock in whole ticks, so the snapshot stays equal between ticks and the age re-renders at most every 15 s.
const nowTick = () => Math.floor(Date.now() / TICK_MS);

/** The age of the data on screen, growing while the page stays open (the server renders "just now"). */
export function ReadAge({ readAt }: { readAt: string }) {
  const t = useTranslations("plan.age");
  const tick = useSyncExternalStore(subscribeTick, nowTick, () => Math.floor(Date.parse(readAt) / TICK_MS));
  return (
    <time dateTime={readAt} title={new Date(readAt).toISOString()} data-testid="read-age">
      {t("read", readAge(readAt, Math.max(tick * TICK_MS, Date.parse(readAt))))}
    </time>
  );
}
