/** Months as the cockpit names them: `YYYY-MM`, UTC. */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (value: string): boolean => MONTH.test(value);

const parts = (month: string): [number, number] => month.split('-').map(Number) as [number, number];

/** Epoch milliseconds of the month's first instant (UTC). */
export function monthStart(month: string): number {
  const [y, m] = parts(month);
  return Date.UTC(y, m - 1, 1);
}

/** The month `n` months after `month` (before, for a negative `n`). */
export function addMonths(month: string, n: number): string {
  const [y, m] = parts(month);
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** How many months from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** Every month from `from` to `to`, both included, oldest first. */
export function monthRange(from: string, to: string): string[] {
  return Array.from({ length: Math.max(0, monthsBetween(from, to)) }, (_, i) => addMonths(from, i));
}

/** `YYYY-MM` of an epoch-milliseconds time (UTC). */
export const monthOfMs = (ms: number): string => new Date(ms).toISOString().slice(0, 7);
