import { PlansSkeleton } from "./_components/plans-skeleton";

/** Shown at once when the plans page is opened, while the session and the tenant are checked. */
export default function PlansLoading() {
  return <PlansSkeleton heading />;
}
