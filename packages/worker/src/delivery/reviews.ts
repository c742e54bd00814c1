/**
 * Cards coming due for review, and overdue: the hourly cron records `card.review_due` when a
 * card's freshness becomes `due` (store/card-rows.ts `DUE_WITHIN_DAYS` before its review-by date)
 * and `card.review_overdue` when the date has passed — each once per card and review date (a
 * verified card gets a new date, and so new events). Recorded through notify/record.ts, so the
 * owner and followers are told as for any event.
 */
import type { EventType } from '@bridgekit/sdk';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client.ts';
import { cards } from '../db/schema.ts';
import { eventStatements } from '../notify/record.ts';
import { freshnessCondition } from '../store/card-rows.ts';

/** Cards one run records events for at most (the next run takes the rest). */
export const REVIEW_BATCH = 100;

const REVIEW_EVENTS = [
  ['card.review_due', 'due'],
  ['card.review_overdue', 'overdue'],
] as const satisfies readonly (readonly [EventType, 'due' | 'overdue'])[];

/** No event of the type for this card and this review date yet. */
const notToldYet = (type: EventType, tenantId: SQL | string, cardId: SQL | string, reviewBy: SQL | string) =>
  sql`not exists (select 1 from events e where e.tenant_id = ${tenantId} and e.type = ${type} and e.item_kind = 'card'
    and e.item_id = ${cardId} and json_extract(e.data, '$.reviewBy') = ${reviewBy})`;

/** Records the review events that are due now, across tenants. Returns the tenants concerned. */
export async function recordReviewEvents(db: Database, now: number): Promise<string[]> {
  const statements: BatchItem<'sqlite'>[] = [];
  const concerned = new Set<string>();
  for (const [type, freshness] of REVIEW_EVENTS) {
    const rows = await db
      .select({ id: cards.id, tenantId: cards.tenantId, reviewBy: cards.reviewBy })
      .from(cards)
      .where(
        and(
          eq(cards.state, 'published'),
          freshnessCondition(freshness, now),
          notToldYet(type, sql`"cards"."tenant_id"`, sql`"cards"."id"`, sql`"cards"."review_by"`),
        ),
      )
      .limit(REVIEW_BATCH);
    for (const card of rows) {
      if (!card.reviewBy) continue;
      concerned.add(card.tenantId);
      statements.push(
        ...eventStatements(db, {
          tenantId: card.tenantId,
          type,
          actorId: null,
          item: { kind: 'card', id: card.id },
          data: { reviewBy: card.reviewBy },
          // A run at the same time (or the card verified since) records nothing twice.
          onlyIf: sql`${notToldYet(type, card.tenantId, card.id, card.reviewBy)} and exists (select 1 from cards c where c.id = ${card.id} and c.review_by = ${card.reviewBy})`,
          now,
        }),
      );
    }
  }
  if (statements.length > 0) await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  return [...concerned];
}
