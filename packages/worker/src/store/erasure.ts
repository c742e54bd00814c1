/**
 * Erasing a person's personal data (docs/privacy.md), in one D1 batch:
 *
 * - their `users` row keeps its id, so their ideas, comments, cards and votes stay in the
 *   community's record, shown under "removed person": name "removed person", no e-mail,
 *   business unit or handle, `kind = 'erased'`, `erased_at` set, and a new subject
 *   `erased|<random>` that no token carries — the same identity signing in again is a new person;
 * - every copy of their name or subject in other tables (histories, the audit log, scores,
 *   grants they made) names "removed person" and the new subject instead;
 * - their @mentions in others' comments (and those comments' earlier texts) become the plain
 *   words "removed person", and card person fields naming them by handle or e-mail do too;
 * - cards and value-plan benefits they owned and ideas they sponsored lose that owner or sponsor;
 *   intake decisions and measurements they took or recorded keep pointing at the renamed row;
 * - what only served them goes: role grant, mention rows, subscriptions, notifications, e-mail
 *   settings, idempotency keys. Votes, reactions, flags and "helped" marks stay as rows of the erased person, so
 *   every count (votes, supporters, reactions, helped) stays exactly what it was;
 * - the audit log records the erasure, naming the person by id only.
 *
 * Erasing an erased person changes nothing. Rewrites of others' texts are guarded by the text
 * read (a comment edited in between keeps its text).
 */
import { REMOVED_PERSON_NAME } from '@bridgekit/sdk';
import { type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { ERASED_SUBJECT_PREFIX } from '../auth/subjects.ts';
import type { Database } from '../db/client.ts';
import {
  apiKeys,
  businessUnitPeople,
  cardEdits,
  cards,
  cardVersions,
  commentMentions,
  commentRevisions,
  comments,
  configLog,
  events,
  ideaRevisions,
  ideaScores,
  ideaStatusChanges,
  ideas,
  moderationLog,
  notificationSettings,
  notifications,
  subscriptions,
  userRoles,
  users,
  valueBenefits,
} from '../db/schema.ts';
import { unmentionHtml, unmentionSource, unnamePeople } from '../domain/erasure-text.ts';
import { newId } from '../lib/ids.ts';
import { isoTime } from '../lib/time.ts';
import { deleteKeysOf } from './idempotency.ts';
import { logAction, type Moderator } from './moderation.ts';
import type { PersonRecord } from './personal-data.ts';
import { named } from './search-results.ts';

const R = REMOVED_PERSON_NAME;

/** `PersonErasure`, as the routes answer it. */
export interface ErasureOutcome {
  id: string | null;
  erasedAt: string;
  erasedNow: boolean;
  kept: { ideas: number; comments: number; cards: number; votes: number };
}

/** A text as it is written inside JSON (`events.data`), for replacing it there. */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What stays of the person: counted in one statement. */
function keptCounts(db: Database, tenantId: string, userId: string) {
  const count = (table: string, column: string) =>
    sql<number>`(select count(*) from ${sql.identifier(table)} x where x.tenant_id = ${tenantId} and x.${sql.identifier(column)} = ${userId})`;
  return db
    .select(
      named({
        ideas: count('ideas', 'author_id'),
        comments: count('comments', 'author_id'),
        cards: count('cards', 'author_id'),
        votes: count('votes', 'user_id'),
      }),
    )
    .from(sql`(select 1)`);
}

/** Others' texts that name the person: comments and their revisions that mention them, cards and versions and held edits that name them. */
async function textsNaming(db: Database, tenantId: string, person: PersonRecord) {
  const h = person.handle;
  const e = person.email;
  const mentions = (body: SQL, html: SQL) =>
    h === null ? sql`0` : sql`(instr(lower(${body}), ${`@${h}`}) > 0 or instr(${html}, ${`data-handle="${h}"`}) > 0)`;
  // A person value in JSON: `"handle":"<h>"` or `"email":"<e>"` (the e-mail in any case).
  const names = (json: SQL) =>
    sql`(${h === null ? sql`0` : sql`instr(${json}, ${`"handle":${JSON.stringify(h)}`}) > 0`} or ${
      e === null ? sql`0` : sql`instr(lower(${json}), ${`"email":${JSON.stringify(e.toLowerCase())}`}) > 0`
    })`;
  const inEvents = sql.join(
    personTexts(person).map((text) => sql`instr(lower(e.data), ${text.toLowerCase()}) > 0`),
    sql` or `,
  );
  const [comments, revisions, cards, versions, edits, events] = await db.batch([
    db
      .select(named({ id: sql<string>`c.id`, body: sql<string>`c.body`, html: sql<string>`c.html` }))
      .from(sql`comments c`)
      .where(sql`c.tenant_id = ${tenantId} and ${mentions(sql`c.body`, sql`c.html`)}`),
    db
      .select(named({ id: sql<string>`r.id`, body: sql<string>`r.body`, html: sql<string>`r.html` }))
      .from(sql`comment_revisions r`)
      .where(sql`r.tenant_id = ${tenantId} and ${mentions(sql`r.body`, sql`r.html`)}`),
    db
      .select(named({ id: sql<string>`c.id`, fields: sql<string>`c.fields`, saveId: sql<string>`c.save_id` }))
      .from(sql`cards c`)
      .where(sql`c.tenant_id = ${tenantId} and ${names(sql`c.fields`)}`),
    db
      .select(named({ card: sql<string>`v.card_id`, version: sql<number>`v.version`, fields: sql<string>`v.fields` }))
      .from(sql`card_versions v`)
      .where(sql`v.tenant_id = ${tenantId} and ${names(sql`v.fields`)}`),
    db
      .select(named({ id: sql<string>`e.id`, content: sql<string>`e.content` }))
      .from(sql`card_edits e`)
      .where(sql`e.tenant_id = ${tenantId} and ${names(sql`e.content`)}`),
    db
      .select(named({ id: sql<string>`e.id`, data: sql<string>`e.data` }))
      .from(sql`events e`)
      .where(sql`e.tenant_id = ${tenantId} and (${inEvents})`),
  ]);
  return { comments, revisions, cards, versions, edits, events };
}

/** The statements that rewrite others' texts naming the person; only rows whose text changes. */
function rewriteTexts(db: Database, tenantId: string, person: PersonRecord, texts: Awaited<ReturnType<typeof textsNaming>>, now: number) {
  const writes: BatchItem<'sqlite'>[] = [];
  const ofTenant = (rest: SQL) => sql`tenant_id = ${tenantId} and ${rest}`;
  const h = person.handle;
  const erased = { handle: h, email: person.email };
  if (h !== null) {
    for (const c of texts.comments) {
      const body = unmentionSource(c.body, h);
      const html = unmentionHtml(c.html, h);
      if (body === c.body && html === c.html) continue;
      writes.push(
        db
          .update(comments)
          .set({ body, html, updatedAt: now })
          .where(ofTenant(sql`id = ${c.id} and body = ${c.body} and html = ${c.html}`)),
      );
    }
    for (const r of texts.revisions) {
      const body = unmentionSource(r.body, h);
      const html = unmentionHtml(r.html, h);
      if (body !== r.body || html !== r.html)
        writes.push(
          db
            .update(commentRevisions)
            .set({ body, html })
            .where(ofTenant(sql`id = ${r.id}`)),
        );
    }
  }
  // JSON columns are written as the text itself (sql``), not encoded once more.
  const unnamed = (json: string) => JSON.stringify(unnamePeople(JSON.parse(json), erased));
  for (const c of texts.cards) {
    const fields = unnamed(c.fields);
    if (fields === c.fields) continue;
    // The search text holds person values' names; the card's save id guards against a save in between.
    writes.push(
      db
        .update(cards)
        .set({ fields: sql`${fields}`, searchText: sql`replace(search_text, ${person.name}, ${R})` })
        .where(ofTenant(sql`id = ${c.id} and save_id = ${c.saveId}`)),
    );
  }
  for (const v of texts.versions) {
    const fields = unnamed(v.fields);
    if (fields !== v.fields)
      writes.push(
        db
          .update(cardVersions)
          .set({ fields: sql`${fields}` })
          .where(ofTenant(sql`card_id = ${v.card} and version = ${v.version}`)),
      );
  }
  for (const e of texts.edits) {
    const content = unnamed(e.content);
    if (content !== e.content)
      writes.push(
        db
          .update(cardEdits)
          .set({ content: sql`${content}` })
          .where(ofTenant(sql`id = ${e.id} and content = ${e.content}`)),
      );
  }
  // Events are the record of what happened: the person stays their actor (by id); texts copied into them lose the name.
  const traces = personTexts(person).map((text) => new RegExp(escapeRegExp(text), 'gi'));
  for (const e of texts.events) {
    const data = traces.reduce((text, trace) => text.replace(trace, R), e.data);
    if (data !== e.data)
      writes.push(
        db
          .update(events)
          .set({ data: sql`${data}` })
          .where(ofTenant(sql`id = ${e.id} and data = ${e.data}`)),
      );
  }
  return writes;
}

/**
 * The statements that replace the person's name and subject wherever other tables copied them.
 * Columns that hold a name only are matched by the name and by a row that ties it to the person
 * (their card version, status change or comment), run before those rows' subjects change.
 */
function replaceCopies(db: Database, tenantId: string, person: PersonRecord, newSubject: string): BatchItem<'sqlite'>[] {
  const t = tenantId;
  const ofTenant = (rest: SQL) => sql`tenant_id = ${t} and ${rest}`;
  const { id: u, subject: s, name: n } = person;
  const renamed = { bySubject: newSubject, byName: R };
  return [
    db
      .update(ideas)
      .set({ statusChangedBy: R })
      .where(
        ofTenant(sql`status_changed_by = ${n} and exists (select 1 from idea_status_changes x
          where x.idea_id = ideas.id and x.tenant_id = ${t} and x.changed_by_subject = ${s})`),
      ),
    db
      .update(cards)
      .set({ createdBy: R })
      .where(
        ofTenant(sql`created_by = ${n} and (author_id = ${u} or exists (select 1 from card_versions v
          where v.card_id = cards.id and v.tenant_id = ${t} and v.version = 1 and v.by_subject = ${s}))`),
      ),
    db
      .update(cards)
      .set({ updatedBy: R })
      .where(
        ofTenant(sql`updated_by = ${n} and exists (select 1 from card_versions v
          where v.card_id = cards.id and v.tenant_id = ${t} and v.version = cards.version and v.by_subject = ${s})`),
      ),
    // Marking a card obsolete keeps the name only: a namesake's mark reads "removed person" too.
    db
      .update(cards)
      .set({ obsoleteBy: R })
      .where(ofTenant(sql`obsolete_by = ${n}`)),
    // Cards they owned have no owner now: an admin or moderator names the next one.
    db
      .update(cards)
      .set({ ownerId: null })
      .where(ofTenant(sql`owner_id = ${u}`)),
    // Nor do the benefits they owned, nor the ideas they sponsored: the unit's team names the next.
    // Intake decisions they took or recorded, and measurements they recorded, keep pointing at their
    // row, now "removed person"; the notes stay, as the reasons of status changes do.
    db
      .update(valueBenefits)
      .set({ ownerId: null })
      .where(ofTenant(sql`owner_id = ${u}`)),
    db
      .update(ideas)
      .set({ sponsorId: null })
      .where(ofTenant(sql`sponsor_id = ${u}`)),
    db
      .update(commentRevisions)
      .set({ editorName: R })
      .where(
        ofTenant(sql`editor_name = ${n} and comment_id in (select c.id from comments c where c.tenant_id = ${t} and c.author_id = ${u})`),
      ),
    db
      .update(ideaRevisions)
      .set(renamed)
      .where(ofTenant(sql`by_subject = ${s}`)),
    db
      .update(ideaStatusChanges)
      .set({ changedBySubject: newSubject, changedByName: R })
      .where(ofTenant(sql`changed_by_subject = ${s}`)),
    db
      .update(ideaScores)
      .set({ evaluator: newSubject })
      .where(ofTenant(sql`evaluator = ${s}`)),
    db
      .update(cardVersions)
      .set(renamed)
      .where(ofTenant(sql`by_subject = ${s}`)),
    db
      .update(cardEdits)
      .set(renamed)
      .where(ofTenant(sql`by_subject = ${s}`)),
    db
      .update(moderationLog)
      .set({ actorSubject: newSubject, actorName: R })
      .where(ofTenant(sql`actor_subject = ${s}`)),
    // The configuration log: changes they made, roles granted to them, their unit set, teams naming them.
    db
      .update(configLog)
      .set({ actorSubject: newSubject, actorName: R })
      .where(ofTenant(sql`actor_subject = ${s}`)),
    db
      .update(configLog)
      .set({ target: newSubject })
      .where(ofTenant(sql`target = ${s}`)),
    ...(person.handle === null
      ? []
      : [
          db
            .update(configLog)
            .set({ target: newSubject })
            .where(ofTenant(sql`action = 'person.unit_set' and target = ${person.handle}`)),
          db
            .update(configLog)
            .set({ changes: sql`replace(changes, ${JSON.stringify(person.handle)}, ${JSON.stringify(R)})` })
            .where(ofTenant(sql`action = 'unit.team_set' and instr(changes, ${JSON.stringify(person.handle)}) > 0`)),
        ]),
    db
      .update(userRoles)
      .set({ grantedBy: newSubject })
      .where(ofTenant(sql`granted_by = ${s}`)),
    db
      .update(apiKeys)
      .set({ createdBy: newSubject })
      .where(ofTenant(sql`created_by = ${s}`)),
  ];
}

/** The person's name, @handle and e-mail as written inside JSON (`events.data`). */
function personTexts(person: PersonRecord): string[] {
  return [person.name, person.handle === null ? null : `@${person.handle}`, person.email].flatMap((x) => (x ? [inJson(x)] : []));
}

/** The statements that remove what only served the person. */
function removeOwn(db: Database, tenantId: string, person: PersonRecord): BatchItem<'sqlite'>[] {
  const ofPerson = sql`tenant_id = ${tenantId} and user_id = ${person.id}`;
  return [
    db.delete(userRoles).where(sql`tenant_id = ${tenantId} and subject = ${person.subject}`),
    db.delete(businessUnitPeople).where(ofPerson),
    db.delete(commentMentions).where(ofPerson),
    db.delete(subscriptions).where(ofPerson),
    db.delete(notifications).where(ofPerson),
    db.delete(notificationSettings).where(ofPerson),
    deleteKeysOf(db, tenantId, person.subject),
  ];
}

/**
 * Erases the person (see the top of this file). `by` is who asked, for the audit log: when it
 * is the person themselves, the log names them as "removed person" too.
 */
export async function erasePerson(
  db: Database,
  tenantId: string,
  person: PersonRecord,
  by: Moderator,
  now = Date.now(),
): Promise<ErasureOutcome> {
  if (person.kind === 'erased') {
    const [kept] = await keptCounts(db, tenantId, person.id);
    return {
      id: person.id,
      erasedAt: isoTime(person.erasedAt ?? now),
      erasedNow: false,
      kept: kept ?? { ideas: 0, comments: 0, cards: 0, votes: 0 },
    };
  }
  const newSubject = `${ERASED_SUBJECT_PREFIX}${newId()}`;
  const texts = await textsNaming(db, tenantId, person);
  const actor = by.subject === person.subject ? { subject: newSubject, name: R } : by;
  const writes: BatchItem<'sqlite'>[] = [
    ...rewriteTexts(db, tenantId, person, texts, now),
    ...replaceCopies(db, tenantId, person, newSubject),
    ...removeOwn(db, tenantId, person),
    db
      .update(users)
      .set({
        subject: newSubject,
        name: R,
        email: null,
        businessUnit: null,
        unitId: null,
        handle: null,
        restrictedUntil: null,
        restrictionReason: null,
        claimRole: null,
        kind: 'erased',
        erasedAt: now,
      })
      .where(sql`tenant_id = ${tenantId} and id = ${person.id} and erased_at is null`),
    logAction(db, tenantId, actor, 'erase', { type: 'user', id: person.id }, null, now),
  ];
  writes.push(keptCounts(db, tenantId, person.id));
  const results = await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  const kept = (results.at(-1) as { ideas: number; comments: number; cards: number; votes: number }[])[0];
  return { id: person.id, erasedAt: isoTime(now), erasedNow: true, kept: kept ?? { ideas: 0, comments: 0, cards: 0, votes: 0 } };
}

/** Erasing someone who never wrote anything: only a role grant may name their subject. */
export async function eraseGrantOnly(db: Database, tenantId: string, subject: string, now = Date.now()): Promise<ErasureOutcome> {
  await db.batch([
    db.delete(userRoles).where(sql`tenant_id = ${tenantId} and subject = ${subject}`),
    deleteKeysOf(db, tenantId, subject),
    db
      .update(configLog)
      .set({ target: `${ERASED_SUBJECT_PREFIX}${newId()}` })
      .where(sql`tenant_id = ${tenantId} and target = ${subject}`),
  ]);
  return { id: null, erasedAt: isoTime(now), erasedNow: true, kept: { ideas: 0, comments: 0, cards: 0, votes: 0 } };
}
