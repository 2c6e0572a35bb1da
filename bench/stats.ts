// Order statistics for the bench. Nearest-rank percentiles: with few runs they report a value that
// was really measured, never an interpolation between two.

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
}

export const median = (values: readonly number[]): number | null => percentile(values, 50);

export function max(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.max(...values);
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export const round = (v: number | null, digits = 1): number | null => (v === null ? null : Number(v.toFixed(digits)));
