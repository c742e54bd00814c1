/**
 * Effort in person-days, by T-shirt size: what a deflected request would have cost had IT built
 * it, credited to the practice card that answered it instead. The common reading of T-shirt
 * sizes in IT demand management — XS about a day, S a few days, M two weeks, L about six weeks,
 * XL a quarter of one person — taken at the low end of each band, so the credit never flatters
 * the card.
 */
import type { EffortSize } from '@bridgekit/sdk';
import { type SQL, sql } from 'drizzle-orm';

export const EFFORT_DAYS: Record<EffortSize, number> = { XS: 1, S: 3, M: 10, L: 30, XL: 60 };

/** `EFFORT_DAYS` of a size column in SQL; 0 for an idea without a size. */
export function effortDaysSql(size: SQL): SQL<number> {
  return sql<number>`(case ${size} ${sql.join(
    Object.entries(EFFORT_DAYS).map(([k, days]) => sql`when ${k} then ${days}`),
    sql` `,
  )} else 0 end)`;
}
