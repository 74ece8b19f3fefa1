/** Small statistics for the bench tables. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[at] as number;
}

export const p50 = (values: readonly number[]): number => quantile(values, 0.5);
export const p95 = (values: readonly number[]): number => quantile(values, 0.95);
export const max = (values: readonly number[]): number =>
  values.length === 0 ? Number.NaN : Math.max(...values);

export function fixed(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toFixed(digits);
}

/** The same table writer as the accuracy report's, so every bench table looks alike. */
export { markdownTable } from '../tools/node/accuracyReport';

/** ours / theirs as '0.46x', or '–' when either is missing. */
export function ratio(ours: number | undefined, theirs: number | undefined): string {
  return ours === undefined || theirs === undefined || !Number.isFinite(ours / theirs)
    ? '–'
    : `${(ours / theirs).toFixed(2)}x`;
}
