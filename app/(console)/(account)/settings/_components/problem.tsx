import type { Result } from "@/lib/api/result";

/** The message of a refused action, or nothing before the first answer and after a success. */
export const problemOf = (state: Result<unknown> | null): string | undefined => (state && !state.ok ? state.error.message : undefined);

export function Problem({ text }: { text: string | undefined }) {
  return text ? (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {text}
    </p>
  ) : null;
}
