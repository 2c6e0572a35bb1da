import { z } from "zod";
import { PLANS_PAGE_SIZE } from "@/lib/plans-query";
import { planUuidParam } from "./plans";

// The plans page asks for the health of the plans it shows: at most one page of them.
const uuidsSchema = z.array(planUuidParam).min(1).max(PLANS_PAGE_SIZE);

export function parseHealthQuery(params: URLSearchParams): { ok: true; query: { uuids: string[] } } | { ok: false; message: string } {
  const parsed = uuidsSchema.safeParse([...new Set(params.getAll("uuid"))]);
  if (parsed.success) return { ok: true, query: { uuids: parsed.data } };
  return { ok: false, message: `query parameter "uuid": ${parsed.error.issues[0]?.message ?? "invalid"}` };
}
