import "server-only";
import { HydrationBoundary, dehydrate, type QueryClient } from "@tanstack/react-query";
import type { ComponentProps } from "react";
import { PlanScreen } from "./_components/plan-screen";

/**
 * The plan page once its partition list is read: `read` is the request's prefetch of it into
 * `queryClient`, started by the page before CAN's plan read so the two overlap. Rendered inside a
 * Suspense boundary, so the page's heading is sent (and painted) while this waits.
 */
export async function PlanData({ queryClient, read, ...screen }: { queryClient: QueryClient; read: Promise<void> } & ComponentProps<typeof PlanScreen>) {
  await read;
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PlanScreen {...screen} />
    </HydrationBoundary>
  );
}
