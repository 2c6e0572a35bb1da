"use client";

import type { Result } from "@/lib/api/result";
import { useErrorText } from "@/components/use-error-text";

/** A refused action's message in the reader's language, or nothing before the first answer and after a success. */
export function Problem({ state }: { state: Result<unknown> | null }) {
  const text = useErrorText();
  return state && !state.ok ? (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {text(state.error)}
    </p>
  ) : null;
}
