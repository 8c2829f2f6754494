/** Formatting for the figures the bench prints. */
export const rate = (events: number, ms: number): number => (ms > 0 ? (events * 1000) / ms : 0);
export const evs = (value: number): string => String(Math.round(value));
export const seconds = (ms: number): string => (ms / 1000).toFixed(2);
export const ratio = (value: number, ceiling: number): string => (ceiling > 0 ? (value / ceiling).toFixed(2) : 'n/a');
export const percent = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');

export interface Spread {
  count: number;
  mean: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { count: 0, mean: 0, min: 0, max: 0 };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  return { count: values.length, mean: sum / values.length, min, max };
}

export const describeSpread = (s: Spread): string => `${s.count} batches of mean ${Math.round(s.mean)} (min ${s.min}, max ${s.max})`;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
