/**
 * Events as they leave Bridgekit: a stored `events` row, with its actor, its item's title and the
 * link to the item on the tenant's intranet, as the `BridgekitEvent` webhooks receive and mails
 * and digests are written from.
 */
import type { BridgekitEvent, EventItem, ItemPages } from '@bridgekit/sdk';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/client.ts';
import { cards, comments, events, healthRounds, ideas, tenants, threads, users } from '../db/schema.ts';
import { inList } from '../db/sql.ts';
import { ITEM_PAGE_PLACEHOLDER } from '../lib/item-pages.ts';
import { isoTime } from '../lib/time.ts';

/** A tenant's item page with the id in it, or null without a pattern. */
export function pageUrl(pattern: string | undefined, id: string): string | null {
  return pattern ? pattern.replace(ITEM_PAGE_PLACEHOLDER, encodeURIComponent(id)) : null;
}

const actors = alias(users, 'actor');

/** The events of one tenant by id, in id order (missing ids are left out). One statement. */
export function eventsQuery(db: Database, tenantId: string, ids: readonly string[]) {
  return db
    .select({
      id: events.id,
      type: events.type,
      createdAt: events.createdAt,
      data: events.data,
      itemKind: events.itemKind,
      itemId: events.itemId,
      // Named apart: D1 answers a batch's rows as objects, where same-named columns collide.
      tenant: sql<string>`${tenants.slug}`.as('tenant_slug'),
      pages: tenants.itemPages,
      actorId: sql<string | null>`${actors.id}`.as('actor_id_'),
      actorName: sql<string | null>`${actors.name}`.as('actor_name'),
      actorHandle: sql<string | null>`${actors.handle}`.as('actor_handle'),
      ideaTitle: sql<string | null>`${ideas.title}`.as('idea_title'),
      cardTitle: sql<string | null>`${cards.title}`.as('card_title'),
      roundTitle: sql<string | null>`${healthRounds.title}`.as('round_title'),
      threadKey: sql<string | null>`${threads.key}`.as('thread_key'),
      threadTitle: sql<string | null>`${threads.title}`.as('thread_title'),
      threadUrl: sql<string | null>`${threads.url}`.as('thread_url'),
      // A card kept to a unit's team or private, or a comment in its discussion, and a health round
      // (the unit's relationship intelligence): not for webhooks.
      restricted: sql<number>`case when ${events.itemKind} = 'health' then 1
        when ${cards.id} is not null then ${cards.visibility} <> 'everyone'
        when substr(${threads.key}, 1, 5) = 'card:' then exists (select 1 from cards rk where rk.tenant_id = ${events.tenantId}
          and rk.id = substr(${threads.key}, 6) and rk.visibility <> 'everyone')
        else 0 end`.as('item_restricted'),
    })
    .from(events)
    .innerJoin(tenants, eq(tenants.id, events.tenantId))
    .leftJoin(actors, eq(actors.id, events.actorId))
    .leftJoin(ideas, and(eq(events.itemKind, 'idea'), eq(ideas.id, events.itemId), eq(ideas.tenantId, events.tenantId)))
    .leftJoin(cards, and(eq(events.itemKind, 'card'), eq(cards.id, events.itemId), eq(cards.tenantId, events.tenantId)))
    .leftJoin(comments, and(eq(events.itemKind, 'comment'), eq(comments.id, events.itemId), eq(comments.tenantId, events.tenantId)))
    .leftJoin(threads, eq(threads.id, comments.threadId))
    .leftJoin(
      healthRounds,
      and(eq(events.itemKind, 'health'), eq(healthRounds.id, events.itemId), eq(healthRounds.tenantId, events.tenantId)),
    )
    .where(and(eq(events.tenantId, tenantId), inList(events.id, [...ids])))
    .orderBy(sql`${events.id}`);
}

type EventRow = Awaited<ReturnType<typeof eventsQuery>>[number];

function itemOf(row: EventRow, pages: ItemPages): EventItem {
  if (row.itemKind === 'comment') {
    const threadUrl = row.threadUrl ? row.threadUrl.replace(/#.*$/s, '') : null;
    return {
      kind: 'comment',
      id: row.itemId,
      title: row.threadTitle ?? '',
      url: threadUrl ? `${threadUrl}#bk-comment=${encodeURIComponent(row.itemId)}` : null,
      ...(row.threadKey ? { threadKey: row.threadKey } : {}),
    };
  }
  const title = (row.itemKind === 'idea' ? row.ideaTitle : row.itemKind === 'health' ? row.roundTitle : row.cardTitle) ?? '';
  return { kind: row.itemKind, id: row.itemId, title, url: pageUrl(pages[row.itemKind], row.itemId) };
}

export function toBridgekitEvent(row: EventRow): BridgekitEvent {
  return {
    id: row.id,
    type: row.type,
    tenant: row.tenant,
    occurredAt: isoTime(row.createdAt),
    actor: row.actorId && row.actorName !== null ? { id: row.actorId, name: row.actorName, handle: row.actorHandle ?? null } : null,
    item: itemOf(row, row.pages ?? {}),
    data: row.data ?? {},
  };
}

export async function loadEvents(db: Database, tenantId: string, ids: readonly string[]): Promise<BridgekitEvent[]> {
  if (ids.length === 0) return [];
  return (await eventsQuery(db, tenantId, ids)).map(toBridgekitEvent);
}
