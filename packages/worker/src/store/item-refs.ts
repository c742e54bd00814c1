/**
 * Naming an item of another kind inside a query: `{ id, title }` of a published practice card
 * everyone may read (the card that answered an idea, the card it was proposed from), as JSON from
 * a correlated subquery, so the statement that reads the idea names the card too.
 */
import type { ItemRef } from '@bridgekit/sdk';
import { type SQL, sql } from 'drizzle-orm';
import { cards } from '../db/schema.ts';
import { ApiError, fieldIssue } from '../errors.ts';
import { cardPublic } from './card-rows.ts';

/**
 * `{"id","title"}` of the tenant's card `cardId` when it is published and everyone may read it,
 * else NULL. Held, rejected and missing cards, another tenant's, and cards kept to a unit's team
 * or private (`cardPublic`) name nothing: an idea's answer is read by everyone who reads the idea.
 *
 * @example
 * db.select({ answeredBy: publishedCardRef(qualified(ideas.tenantId), qualified(ideas.answeredBy)).as('answered_by_ref') })
 */
export function publishedCardRef(tenantId: SQL | string, cardId: SQL): SQL<string | null> {
  return sql<string | null>`(select json_object('id', ref_card.id, 'title', ref_card.title) from ${cards} ref_card
    where ref_card.tenant_id = ${tenantId} and ref_card.id = ${cardId} and ${cardPublic('ref_card')})`;
}

/** The item a `publishedCardRef` column names, or null. */
export function itemRef(json: string | null | undefined): ItemRef | null {
  if (!json) return null;
  const { id, title } = JSON.parse(json) as ItemRef;
  return { id, title };
}

/**
 * The 400 for a card id (at `path` in the body) that names no published card of the tenant: a
 * missing card, a held or rejected one and another tenant's are refused alike.
 */
export function unknownCard(id: string, path: string): ApiError {
  return new ApiError(
    400,
    'validation_failed.unknown_card',
    { id },
    { details: [fieldIssue(path, 'field.unknown_link', { kind: 'card', id })] },
  );
}
