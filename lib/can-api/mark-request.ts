import "server-only";
import { z } from "zod";
import type { MarkChange } from "@/lib/marks/kinds";
import { canDateTimeToKey, canTimeRangesToRanges, isMarkableGranularity, type Granularity, type KeyRange } from "@/lib/partitions";
import { clearPartitionsInput, markPartitionsInput, markRefreshedInput } from "@/lib/schemas/marks";
import { clearPartitionWire, updatePartitionWire } from "./wire";

export type ParsedMark = { planUuid: string; change: MarkChange; partitionCount: number };
export type MarkParse = { ok: true; mark: ParsedMark } | { ok: false; message: string };

type WireRange = { dateGranularity: string; startTime: string; endTime: string };

const describe = (error: z.ZodError) =>
  error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`)
    .join("; ");

/** Every range of one request must name the same markable granularity. */
function granularityOf(lists: readonly (readonly WireRange[])[]): { ok: true; g: Granularity | null } | { ok: false; message: string } {
  const seen = new Set(lists.flat().map((r) => r.dateGranularity));
  if (seen.size === 0) return { ok: true, g: null };
  const [g] = [...seen];
  if (seen.size > 1 || !g || !isMarkableGranularity(g)) {
    return {
      ok: false,
      message: `dateGranularity must be DAY or MONTH and the same in every range (got ${[...seen].map((v) => JSON.stringify(v)).join(", ")})`,
    };
  }
  return { ok: true, g };
}

/** The ranges as the scheduler wrote them (order and splits kept, so CAN receives them range for range). */
function keyRanges(field: string, list: readonly WireRange[], g: Granularity): { ok: true; ranges: KeyRange[] } | { ok: false; message: string } {
  const parsed = canTimeRangesToRanges(list, g);
  if (!parsed.ok) return { ok: false, message: `${field}: ${parsed.error}` };
  return { ok: true, ranges: list.map((r) => ({ start: canDateTimeToKey(r.startTime, g)!, end: canDateTimeToKey(r.endTime, g)! })) };
}

/**
 * CAN's updatePartition body, turned into the change a page would send and checked by the pages'
 * own schema (real dates, ordered ranges, limits, a partition not both success and failed), so the
 * two doors cannot disagree about a rule. No ranges at all is CAN's "refresh marked successful".
 */
export function parseUpdatePartition(tenantId: string, raw: unknown): MarkParse {
  const wire = updatePartitionWire.safeParse(raw);
  if (!wire.success) return { ok: false, message: describe(wire.error) };
  const success = wire.data.successTimeRange ?? [];
  const failed = wire.data.failedTimeRange ?? [];
  const g = granularityOf([success, failed]);
  if (!g.ok) return g;
  if (g.g === null) {
    const input = markRefreshedInput.safeParse({ tenantId, planUuid: wire.data.uuid });
    if (!input.success) return { ok: false, message: describe(input.error) };
    return { ok: true, mark: { planUuid: input.data.planUuid, change: { kind: "refresh" }, partitionCount: 0 } };
  }
  const s = keyRanges("successTimeRange", success, g.g);
  if (!s.ok) return s;
  const f = keyRanges("failedTimeRange", failed, g.g);
  if (!f.ok) return f;
  const input = markPartitionsInput.safeParse({ tenantId, planUuid: wire.data.uuid, granularity: g.g, success: s.ranges, failed: f.ranges });
  if (!input.success) return { ok: false, message: describe(input.error) };
  const v = input.data;
  return {
    ok: true,
    mark: { planUuid: v.planUuid, change: { kind: "update", granularity: v.granularity, success: s.ranges, failed: f.ranges }, partitionCount: v.total },
  };
}

/** CAN's clearPartition body (the documented field-table form; a bare array names no plan). */
export function parseClearPartition(tenantId: string, raw: unknown): MarkParse {
  if (Array.isArray(raw)) return { ok: false, message: 'send { "uuid": …, "timeRange": [ … ] }: a bare array of ranges names no plan' };
  const wire = clearPartitionWire.safeParse(raw);
  if (!wire.success) return { ok: false, message: describe(wire.error) };
  const g = granularityOf([wire.data.timeRange]);
  if (!g.ok) return g;
  if (g.g === null) return { ok: false, message: "timeRange: at least one range" };
  const r = keyRanges("timeRange", wire.data.timeRange, g.g);
  if (!r.ok) return r;
  const input = clearPartitionsInput.safeParse({ tenantId, planUuid: wire.data.uuid, granularity: g.g, ranges: r.ranges });
  if (!input.success) return { ok: false, message: describe(input.error) };
  const v = input.data;
  return { ok: true, mark: { planUuid: v.planUuid, change: { kind: "clear", granularity: v.granularity, ranges: r.ranges }, partitionCount: v.total } };
}
