/**
 * Practice cards: create, save (every save a version; a stale save is refused), restore,
 * verify, obsolete, "this helped me", views, and what a card links to.
 *
 * A save is one D1 batch. The card row is updated only if it still has the version the editor
 * started from, and the statements after it (the version copy, the links) find the row through
 * the save's random `save_id` — so a save that lost a race writes nothing at all.
 */
import type { CardInput, CardTemplate, CardUpdate, FieldValue, LinkKind, LinkValue, PracticeArea, PracticeCard } from '@bridgekit/sdk';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { searchableText } from '../cards/search-text.ts';
import { validateFields } from '../cards/validate.ts';
import type { Database } from '../db/client.ts';
import { cardHelped, cardLinks, cards, cardVersions, ideas, threads, users } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { ApiError, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTime } from '../lib/time.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { reviewDateAfter, selectCards, toCard } from './card-rows.ts';
import { assertMayPost } from './comments.ts';
import { findTemplate } from './templates.ts';
import { upsertUser, viewerUserId } from './users.ts';

/** What a save writes, once validated and resolved. */
interface Prepared {
  fields: Record<string, FieldValue>;
  rendered: Record<string, string>;
  searchText: string;
  links: { path: string; link: LinkValue }[];
  /** `undefined`: keep as is / default; `null`: no owner. */
  ownerId: string | null | undefined;
}

type Content = Pick<CardInput, 'title' | 'summary' | 'fields' | 'owner'>;

/** Validates the fields against the template and resolves handles and links within the tenant. */
async function prepare(db: Database, tenantId: string, actor: Actor, template: CardTemplate, content: Content): Promise<Prepared> {
  const checked = validateFields(template, content.fields);
  if (!checked.ok) {
    const first = checked.errors[0];
    throw new ApiError(400, 'validation_failed', `The card's fields are not valid — ${first?.message ?? ''}`, { details: checked.errors });
  }
  const handles = [...new Set([...checked.people.map((p) => p.handle), ...(content.owner ? [content.owner] : [])])];
  const idsOf = (kind: LinkKind) => [...new Set(checked.links.filter((l) => l.link.kind === kind).map((l) => l.link.id))];
  const none = ['\u0000'];
  const [standing, members, foundCards, foundIdeas, foundThreads] = await db.batch([
    db
      .select({ restrictedUntil: users.restrictedUntil, restrictionReason: users.restrictionReason })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.subject, actor.subject))),
    db
      .select({ id: users.id, handle: users.handle, name: users.name })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), inArray(users.handle, handles.length ? handles : none))),
    db
      .select({ id: cards.id })
      .from(cards)
      .where(and(eq(cards.tenantId, tenantId), inArray(cards.id, idsOf('card').length ? idsOf('card') : none))),
    db
      .select({ id: ideas.id })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), inArray(ideas.id, idsOf('idea').length ? idsOf('idea') : none))),
    db
      .select({ id: threads.id })
      .from(threads)
      .where(and(eq(threads.tenantId, tenantId), inArray(threads.id, idsOf('thread').length ? idsOf('thread') : none))),
  ]);
  // A moderator's ban or time-out covers cards as it covers comments.
  assertMayPost(standing[0], Date.now());
  const byHandle = new Map(members.map((m) => [m.handle, m]));
  const existing = {
    card: new Set(foundCards.map((r) => r.id)),
    idea: new Set(foundIdeas.map((r) => r.id)),
    thread: new Set(foundThreads.map((r) => r.id)),
  };
  const details = [
    ...checked.people
      .filter((p) => !byHandle.has(p.handle))
      .map((p) => ({
        path: `body.fields.${p.path}.handle`,
        message: `No member has the handle "${p.handle}"; leave it out to name someone who is not a member.`,
      })),
    ...checked.links
      .filter((l) => !existing[l.link.kind].has(l.link.id))
      .map((l) => ({ path: `body.fields.${l.path}.id`, message: `There is no ${l.link.kind} "${l.link.id}" in this community.` })),
    ...(content.owner && !byHandle.has(content.owner)
      ? [{ path: 'body.owner', message: `No member has the handle "${content.owner}".` }]
      : []),
  ];
  if (details.length > 0) {
    throw new ApiError(400, 'validation_failed', `The card refers to what does not exist — ${details[0]?.message ?? ''}`, { details });
  }

  const fields = structuredClone(checked.fields);
  for (const person of checked.people) {
    const member = byHandle.get(person.handle);
    if (member) setAtPath(fields, `${person.path}.name`, member.name);
  }
  const rendered: Record<string, string> = {};
  for (const rich of checked.richtext) rendered[rich.path] = renderMarkdown(rich.source).html;
  return {
    fields,
    rendered,
    searchText: searchableText(template, fields),
    links: checked.links,
    ownerId: content.owner === undefined ? undefined : content.owner === null ? null : (byHandle.get(content.owner)?.id ?? null),
  };
}

function setAtPath(root: Record<string, FieldValue>, path: string, value: FieldValue): void {
  const keys = path.split('.');
  let node: unknown = root;
  for (const key of keys.slice(0, -1)) node = (node as Record<string, unknown>)[key];
  const last = keys.at(-1);
  if (node && typeof node === 'object' && last !== undefined) (node as Record<string, unknown>)[last] = value;
}

/** The statements that copy the row a save wrote into `card_versions` and replace its links. */
function afterSave(
  db: Database,
  tenantId: string,
  cardId: string,
  saveId: string,
  links: Prepared['links'],
  note: string | null,
  actor: Actor,
) {
  const thisSave = and(eq(cards.tenantId, tenantId), eq(cards.id, cardId), eq(cards.saveId, saveId));
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(cardVersions).select(
      db
        .select({
          cardId: cards.id,
          version: cards.version,
          tenantId: cards.tenantId,
          title: cards.title,
          summary: cards.summary,
          fields: cards.fields,
          tags: cards.tags,
          maturityLevel: cards.maturityLevel,
          ownerId: cards.ownerId,
          reviewBy: cards.reviewBy,
          note: sql<string | null>`${note}`.as('note'),
          byName: sql<string>`${actor.name}`.as('by_name'),
          bySubject: sql<string>`${actor.subject}`.as('by_subject'),
          createdAt: cards.updatedAt,
        })
        .from(cards)
        .where(thisSave),
    ),
    db
      .delete(cardLinks)
      .where(
        and(
          eq(cardLinks.tenantId, tenantId),
          eq(cardLinks.cardId, cardId),
          sql`exists (select 1 from ${cards} where ${qualified(cards.id)} = ${cardId} and ${qualified(cards.saveId)} = ${saveId})`,
        ),
      ),
  ];
  for (const { path, link } of links) {
    statements.push(
      db.insert(cardLinks).select(
        db
          .select({
            cardId: cards.id,
            path: sql<string>`${path}`.as('path'),
            tenantId: cards.tenantId,
            toKind: sql<LinkKind>`${link.kind}`.as('to_kind'),
            toId: sql<string>`${link.id}`.as('to_id'),
          })
          .from(cards)
          .where(thisSave),
      ),
    );
  }
  return statements;
}

export async function getCard(db: Database, tenantId: string, viewer: Viewer | Actor, id: string, now = Date.now()): Promise<PracticeCard> {
  const row = await selectCards(db, tenantId, viewer)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id)))
    .get();
  if (!row) throw notFound(`Card "${id}"`);
  return toCard(row, await findTemplate(db, tenantId, row.card.templateId), now);
}

export async function createCard(db: Database, tenantId: string, actor: Actor, input: CardInput, now = Date.now()): Promise<PracticeCard> {
  const template = await findTemplate(db, tenantId, input.templateId).catch(() => {
    throw new ApiError(400, 'validation_failed', `There is no template "${input.templateId}".`, {
      details: [{ path: 'body.templateId', message: 'Pick one of GET /templates.' }],
    });
  });
  const prepared = await prepare(db, tenantId, actor, template, input);
  const id = newId();
  const saveId = newId();
  await db.batch([
    upsertUser(db, tenantId, actor, now),
    db.insert(cards).values({
      id,
      tenantId,
      templateId: template.id,
      templateVersion: template.version,
      title: input.title,
      summary: input.summary ?? '',
      fields: prepared.fields,
      rendered: prepared.rendered,
      searchText: prepared.searchText,
      tags: input.tags ?? [],
      maturityLevel: input.maturityLevel ?? null,
      // The author owns what they write unless they name someone else.
      ownerId: prepared.ownerId === undefined ? sql`${viewerUserId(tenantId, actor)}` : prepared.ownerId,
      reviewBy: input.reviewBy === undefined ? reviewDateAfter(now) : input.reviewBy,
      version: 1,
      saveId,
      createdBy: actor.name,
      createdAt: now,
      updatedBy: actor.name,
      updatedAt: now,
    }),
    ...afterSave(db, tenantId, id, saveId, prepared.links, input.note ?? null, actor),
  ] as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  return getCard(db, tenantId, actor, id, now);
}

function staleVersion(current: { version: number; updatedBy: string; updatedAt: number }) {
  return new ApiError(
    409,
    'conflict',
    `Someone saved a newer version of this card (version ${current.version}, by ${current.updatedBy} at ${isoTime(current.updatedAt)}). Load it, then apply your changes again.`,
    { details: [{ path: 'body.baseVersion', message: `The latest version is ${current.version}.` }] },
  );
}

/** Saves a new version; refuses (409) a save based on an older version than the latest. */
export async function updateCard(
  db: Database,
  tenantId: string,
  actor: Actor,
  id: string,
  update: CardUpdate,
  /** Whether the actor may manage any card (a moderator); asked only when it matters. */
  mayManage: () => Promise<boolean>,
  now = Date.now(),
): Promise<PracticeCard> {
  const [current] = await db
    .select({
      version: cards.version,
      templateId: cards.templateId,
      updatedBy: cards.updatedBy,
      updatedAt: cards.updatedAt,
      ownerId: cards.ownerId,
      me: sql<string | null>`${viewerUserId(tenantId, actor)}`,
    })
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id)));
  if (!current) throw notFound(`Card "${id}"`);
  if (update.baseVersion !== current.version) throw staleVersion(current);
  const template = await findTemplate(db, tenantId, current.templateId);
  const prepared = await prepare(db, tenantId, actor, template, update);
  const reassigns = prepared.ownerId !== undefined && prepared.ownerId !== current.ownerId;
  // Anyone may edit (it is a wiki), but only the owner — or a moderator — hands a card over.
  if (reassigns && current.ownerId !== null && current.ownerId !== current.me && !(await mayManage())) {
    throw new ApiError(403, 'forbidden', "Only the card's owner or a moderator can change its owner.", {
      details: [{ path: 'body.owner', message: 'Leave the owner as it is, or ask the owner.' }],
    });
  }
  const saveId = newId();
  const [, changed] = await db.batch([
    upsertUser(db, tenantId, actor, now),
    db
      .update(cards)
      .set({
        templateVersion: template.version,
        title: update.title,
        ...(update.summary !== undefined ? { summary: update.summary } : {}),
        fields: prepared.fields,
        rendered: prepared.rendered,
        searchText: prepared.searchText,
        ...(update.tags !== undefined ? { tags: update.tags } : {}),
        ...(update.maturityLevel !== undefined ? { maturityLevel: update.maturityLevel } : {}),
        ...(prepared.ownerId !== undefined ? { ownerId: prepared.ownerId } : {}),
        ...(update.reviewBy !== undefined ? { reviewBy: update.reviewBy } : {}),
        version: update.baseVersion + 1,
        saveId,
        updatedBy: actor.name,
        updatedAt: now,
      })
      .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id), eq(cards.version, update.baseVersion)))
      .returning({ id: cards.id }),
    ...afterSave(db, tenantId, id, saveId, prepared.links, update.note ?? null, actor),
  ]);
  if ((changed as unknown[]).length === 0) {
    // Another save won the race between the check above and this batch.
    const [latest] = await db
      .select({ version: cards.version, updatedBy: cards.updatedBy, updatedAt: cards.updatedAt })
      .from(cards)
      .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id)));
    throw latest ? staleVersion(latest) : notFound(`Card "${id}"`);
  }
  return getCard(db, tenantId, actor, id, now);
}

/** Saves an old version's content as the newest version. */
export async function restoreCard(
  db: Database,
  tenantId: string,
  actor: Actor,
  id: string,
  version: number,
  baseVersion: number,
  mayManage: () => Promise<boolean>,
  now = Date.now(),
): Promise<PracticeCard> {
  const [old] = await db
    .select({
      title: cardVersions.title,
      summary: cardVersions.summary,
      fields: cardVersions.fields,
      tags: cardVersions.tags,
      maturityLevel: cardVersions.maturityLevel,
    })
    .from(cardVersions)
    .where(and(eq(cardVersions.tenantId, tenantId), eq(cardVersions.cardId, id), eq(cardVersions.version, version)));
  if (!old) throw notFound(`Version ${version} of card "${id}"`);
  return updateCard(
    db,
    tenantId,
    actor,
    id,
    {
      baseVersion,
      title: old.title,
      summary: old.summary,
      fields: old.fields,
      tags: old.tags as PracticeArea[],
      maturityLevel: old.maturityLevel as CardUpdate['maturityLevel'],
      // The owner and the review date stay as they are: restoring content must not undo a verification.
      note: `Restored version ${version}`,
    },
    mayManage,
    now,
  );
}

/** Whether the actor owns the card (owners verify and mark obsolete; so do moderators). */
export async function ownsCard(db: Database, tenantId: string, actor: Actor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ owner: cards.ownerId, me: sql<string | null>`${viewerUserId(tenantId, actor)}` })
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id)));
  if (!row) throw notFound(`Card "${id}"`);
  return row.owner !== null && row.owner === row.me;
}

export async function verifyCard(db: Database, tenantId: string, id: string, reviewBy: string | undefined, now = Date.now()) {
  const next = reviewBy ?? reviewDateAfter(now);
  if (next <= new Date(now).toISOString().slice(0, 10)) {
    throw new ApiError(400, 'validation_failed', 'The next review date must be in the future.', {
      details: [{ path: 'body.reviewBy', message: 'Pick a date after today.' }],
    });
  }
  await db
    .update(cards)
    .set({ reviewBy: next, lastVerifiedAt: now })
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id)));
}

export async function setObsolete(db: Database, tenantId: string, actor: Actor, id: string, reason: string | null, now = Date.now()) {
  await db
    .update(cards)
    .set(
      reason === null
        ? { obsoleteAt: null, obsoleteReason: null, obsoleteBy: null }
        : { obsoleteAt: now, obsoleteReason: reason, obsoleteBy: actor.name },
    )
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id)));
}

/** "This helped me" (or not any more): once per reader; the count is recomputed in the same batch. */
export async function setHelped(db: Database, tenantId: string, actor: Actor, id: string, helped: boolean, now = Date.now()) {
  const me = viewerUserId(tenantId, actor);
  const ofCard = and(eq(cards.tenantId, tenantId), eq(cards.id, id));
  const [exists] = await db.select({ id: cards.id }).from(cards).where(ofCard);
  if (!exists) throw notFound(`Card "${id}"`);
  await db.batch([
    upsertUser(db, tenantId, actor, now),
    helped
      ? db
          .insert(cardHelped)
          .values({ cardId: id, userId: sql`${me}`, tenantId, createdAt: now })
          .onConflictDoNothing()
      : db
          .delete(cardHelped)
          .where(and(eq(cardHelped.tenantId, tenantId), eq(cardHelped.cardId, id), sql`${qualified(cardHelped.userId)} = ${me}`)),
    db
      .update(cards)
      .set({ helpedCount: sql`(select count(*) from ${cardHelped} h where h.card_id = ${id})` })
      .where(ofCard),
  ]);
}

export async function countView(db: Database, tenantId: string, id: string) {
  const done = await db
    .update(cards)
    .set({ viewCount: sql`${qualified(cards.viewCount)} + 1` })
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id)))
    .returning({ id: cards.id });
  if (done.length === 0) throw notFound(`Card "${id}"`);
}
