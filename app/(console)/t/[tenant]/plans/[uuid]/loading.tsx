import { PlanSkeleton } from "./_components/plan-skeleton";

/** Shown at once when a plan is opened, while the session is checked and CAN's plan read answers. */
export default function PlanLoading() {
  return <PlanSkeleton />;
}
