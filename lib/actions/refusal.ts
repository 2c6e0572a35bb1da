import { z } from "zod";
import type { AppError, Result } from "@/lib/api/result";

/** A refusal as every action returns it. */
export const refusal = (code: AppError["code"], message: string, fieldErrors?: Record<string, string[]>): Result<never> => ({
  ok: false,
  error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) },
});

/** A refused input as the Result's message (the first issue) and its field errors. */
export function validationError(error: z.ZodError): Result<never> {
  const flat = z.flattenError(error);
  const fieldErrors = Object.fromEntries(Object.entries(flat.fieldErrors).map(([k, v]) => [k, (v as string[] | undefined) ?? []]));
  const first = flat.formErrors[0] ?? Object.values(fieldErrors)[0]?.[0];
  return refusal("VALIDATION", first ?? "The request is not valid.", fieldErrors);
}
