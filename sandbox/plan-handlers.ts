import { z } from "zod";
import { okEnvelope } from "./envelope";
import { planDetail } from "./plan-detail";
import { referenceScript } from "./reference-script";
import { lookupPlan, readReply, refuse, type CanHandler } from "./sandbox-context";
import { materializeTypeSchema } from "./state-types";
import { describeZodError } from "./zod-message";

const planListBodySchema = z.object({
  // Java clients send null for "no filter" as often as they omit the field.
  materializeType: materializeTypeSchema.nullish(),
  pager: z.object({ pageNumber: z.int().min(1), pageSize: z.int().min(1) }),
});

/** POST queryAccelerateResultPlanList: paging fields sit next to `data`, as documented. */
export const listPlans: CanHandler = (ctx, req) => {
  const parsed = planListBodySchema.safeParse(req.body);
  if (!parsed.success) return refuse("400", `invalid request: ${describeZodError(parsed.error)}`);
  const { materializeType, pager } = parsed.data;
  const pageSize = Math.min(pager.pageSize, ctx.config.maxPageSize);
  const plans = (ctx.store.state.tenants[req.tenantId]?.plans ?? []).filter((p) => !materializeType || p.materializeType === materializeType);
  const start = (pager.pageNumber - 1) * pageSize;
  const items = plans.slice(start, start + pageSize).map((p) => ({
    id: p.id,
    name: p.name,
    displayName: p.displayName,
    materializeType: p.materializeType,
  }));
  return {
    body: okEnvelope(items, {
      hasNext: start + pageSize < plans.length,
      total: plans.length,
      pageNumber: pager.pageNumber,
      pageSize,
    }),
  };
};

/** GET queryAccelerateResultPlan */
export const getPlan: CanHandler = (ctx, req) => {
  const found = lookupPlan(ctx.store.state, req.tenantId, req.query.get("uuid"));
  return found.ok ? readReply(ctx, planDetail(found.plan)) : found.reply;
};

/** GET queryReferenceScript: CAN documents it for external plans only, so others are refused. */
export const getReferenceScript: CanHandler = (ctx, req) => {
  const found = lookupPlan(ctx.store.state, req.tenantId, req.query.get("uuid"));
  if (!found.ok) return found.reply;
  if (found.plan.materializeType !== "EXTERNAL") {
    return refuse("400", `reference scripts exist only for EXTERNAL plans; "${found.plan.name}" is ${found.plan.materializeType}`);
  }
  return readReply(ctx, referenceScript(found.plan));
};
