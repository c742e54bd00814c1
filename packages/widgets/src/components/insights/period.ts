/**
 * The cockpit's period: months as `YYYY-MM`, quarters, and the Worker's limit of 36 months, so the
 * filters refuse what the API would refuse before asking.
 */

/** The most months one read covers (the API's limit). */
export const MAX_MONTHS = 36;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface Period {
  from: string;
  to: string;
}

export interface Quarter {
  year: number;
  quarter: number;
}

const index = (month: string): number => {
  const m = MONTH.exec(month);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : Number.NaN;
};

const monthOf = (i: number): string => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** This month, `YYYY-MM`, in UTC as the Worker counts. */
export const thisMonth = (now = new Date()): string => monthOf(now.getUTCFullYear() * 12 + now.getUTCMonth());

/**
 * Whether a period is one the API takes: both months or neither, well formed, in order, at most
 * {@link MAX_MONTHS} long.
 *
 * @example
 * validPeriod('2026-01', '2026-12'); // true
 */
export function validPeriod(from: string, to: string): boolean {
  if (!from && !to) return true;
  const a = index(from || to);
  const b = index(to || from);
  return Number.isFinite(a) && Number.isFinite(b) && a <= b && b - a < MAX_MONTHS;
}

/** The quarter a month is in. */
export function quarterOf(month: string): Quarter {
  const i = index(month);
  return { year: Math.floor(i / 12), quarter: Math.floor((i % 12) / 3) + 1 };
}

/** A quarter's first and last month. */
export function quarterPeriod({ year, quarter }: Quarter): Period {
  const first = year * 12 + (quarter - 1) * 3;
  return { from: monthOf(first), to: monthOf(first + 2) };
}

/** `2026-Q2`: a quarter as a select's value. */
export const quarterKey = ({ year, quarter }: Quarter): string => `${year}-Q${quarter}`;

export function parseQuarterKey(key: string): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

/** The quarter of `month` and the `count − 1` before it, newest first. */
export function recentQuarters(month: string, count = 8): Quarter[] {
  const start = quarterOf(month);
  const first = start.year * 4 + start.quarter - 1;
  return Array.from({ length: count }, (_, k) => ({ year: Math.floor((first - k) / 4), quarter: ((first - k) % 4) + 1 }));
}

/** The quarter a period is exactly, or `null`. */
export function periodQuarter({ from, to }: Period): Quarter | null {
  if (!from || !to) return null;
  const q = quarterOf(from);
  const p = quarterPeriod(q);
  return p.from === from && p.to === to ? q : null;
}
