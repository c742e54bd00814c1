/**
 * An author's standing, as every write of user text reads it in its first round trip: whether a
 * moderator banned or timed them out, and — only when newcomers are pre-moderated — how much
 * they already have published in the tenant (comments, ideas and cards: it is the person who is
 * new, not the kind of item).
 */
import type { ModerationSettings } from '@bridgekit/sdk';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { cards, comments, ideas, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';

const publishedContributions = () =>
  sql<number>`((select count(*) from ${comments} pc where pc.author_id = ${qualified(users.id)} and pc.state = 'published')
    + (select count(*) from ${ideas} pi where pi.author_id = ${qualified(users.id)} and pi.state = 'published')
    + (select count(*) from ${cards} pk where pk.author_id = ${qualified(users.id)} and pk.state = 'published'))`;

/** One statement (to run alone or in a batch): the author's row, or nothing before their first write. */
export function selectStanding(db: Database, tenantId: string, subject: string, settings: Pick<ModerationSettings, 'preModeration'>) {
  return db
    .select({
      id: users.id,
      restrictedUntil: users.restrictedUntil,
      restrictionReason: users.restrictionReason,
      // Aliased: in a D1 batch rows come back keyed by column name, and a bare `0` would be one.
      published: (settings.preModeration === 'new_users' ? publishedContributions() : sql<number>`0`).as('published'),
    })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.subject, subject)));
}

export type Standing = Awaited<ReturnType<ReturnType<typeof selectStanding>['all']>>[number];
