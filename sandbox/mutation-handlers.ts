import { formatCanDateTime } from "./clock";
import { okEnvelope } from "./envelope";
import { clearPartitionBodySchema, externalPlan, hasSuccess, parseMutationBody, rangesToPlanKeys, updatePartitionBodySchema } from "./mutation-validation";
import { refuse, type CanHandler, type CanReply } from "./sandbox-context";
import { withPlan, type PartitionRecord, type SandboxState } from "./state-types";

const SUCCESS_REPLY = (): CanReply => ({ body: okEnvelope("success") });
type Outcome = { next: SandboxState | null; result: CanReply };
const refused = (reply: CanReply): Outcome => ({ next: null, result: reply });

/**
 * POST updatePartition. Validation runs inside the store transaction against the state it will
 * change, so the whole call applies or nothing does.
 */
export const updatePartition: CanHandler = (ctx, req) => {
  const body = parseMutationBody(updatePartitionBodySchema, req.body);
  if (!body.ok) return body.reply;
  const { uuid, successTimeRange, failedTimeRange } = body.value;
  const successList = successTimeRange ?? [];
  const failedList = failedTimeRange ?? [];

  return ctx.store.transact((state): Outcome => {
    const found = externalPlan(state, req.tenantId, uuid);
    if (!found.ok) return refused(found.reply);
    const plan = found.value;
    const now = formatCanDateTime(new Date());
    const noRanges = successList.length === 0 && failedList.length === 0;

    if (plan.isFullRefresh) {
      if (!noRanges) {
        return refused(refuse("400", `"${plan.name}" is a full-refresh table: call updatePartition without time ranges`));
      }
      const next = withPlan(state, req.tenantId, { ...plan, hasData: true, lastRefreshTime: now });
      return { next, result: SUCCESS_REPLY() };
    }
    if (noRanges) {
      return refused(refuse("400", `"${plan.name}" is partitioned: give successTimeRange and/or failedTimeRange`));
    }
    const success = rangesToPlanKeys("successTimeRange", successList, plan);
    if (!success.ok) return refused(success.reply);
    const failed = rangesToPlanKeys("failedTimeRange", failedList, plan);
    if (!failed.ok) return refused(failed.reply);
    const successSet = new Set(success.value);
    const both = failed.value.filter((k) => successSet.has(k));
    if (both.length > 0) {
      const shown = both.slice(0, 5).join(", ") + (both.length > 5 ? ` and ${both.length - 5} more` : "");
      return refused(refuse("400", `partition(s) in both successTimeRange and failedTimeRange: ${shown}`));
    }

    const partitions: Record<string, PartitionRecord> = { ...plan.partitions };
    for (const key of success.value) partitions[key] = { status: "success", updateTime: now };
    for (const key of failed.value) partitions[key] = { status: "failed", updateTime: now };
    const next = withPlan(state, req.tenantId, { ...plan, partitions, hasData: hasSuccess(partitions) });
    return { next, result: SUCCESS_REPLY() };
  });
};

/** POST clearPartition: removes the records, so the partitions read as never run. */
export const clearPartition: CanHandler = (ctx, req) => {
  const body = parseMutationBody(clearPartitionBodySchema, req.body);
  if (!body.ok) return body.reply;
  const { uuid } = body.value;
  const list = body.value.timeRange ?? [];

  return ctx.store.transact((state): Outcome => {
    const found = externalPlan(state, req.tenantId, uuid);
    if (!found.ok) return refused(found.reply);
    const plan = found.value;

    if (plan.isFullRefresh) {
      // Mirror of updatePartition: without ranges it clears the one refresh the table has.
      if (list.length > 0) {
        return refused(refuse("400", `"${plan.name}" is a full-refresh table: call clearPartition without time ranges`));
      }
      const next = withPlan(state, req.tenantId, { ...plan, hasData: false, lastRefreshTime: null });
      return { next, result: SUCCESS_REPLY() };
    }
    if (list.length === 0) return refused(refuse("400", `"${plan.name}" is partitioned: timeRange is required`));
    const keys = rangesToPlanKeys("timeRange", list, plan);
    if (!keys.ok) return refused(keys.reply);

    const partitions: Record<string, PartitionRecord> = { ...plan.partitions };
    for (const key of keys.value) delete partitions[key];
    const next = withPlan(state, req.tenantId, { ...plan, partitions, hasData: hasSuccess(partitions) });
    return { next, result: SUCCESS_REPLY() };
  });
};
