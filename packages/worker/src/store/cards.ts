/**
 * Practice cards: create, save (every save a version; a stale save is refused), restore,
 * verify, obsolete, "this helped me", views, and what a card links to.
 *
 * A save is one D1 batch. The card row is updated only if it still has the version the editor
 * started from, and the statements after it (the version copy, the links) find the row through
 * the save's random `save_id` — so a save that lost a race writes nothing at all.
 *
 * Every create and save passes the moderation pipeline over the card's text. A new card it
 * holds is stored whole as `pending` (its author and moderators see it; nobody else). A held
 * edit of a published card is stored apart, in `card_edits`: readers keep the published
 * version, which stays current until a moderator approves the edit — applied then as a save
 * from the version it was made to (so an approval can never overwrite a newer version).
 */
import type {
  CardInput,
  CardTemplate,
  CardUpdate,
  CardVisibility,
  FieldValue,
  LinkKind,
  LinkValue,
  PracticeArea,
  PracticeCard,
  RelationshipSide,
} from '@bridgekit/sdk';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type Actor, effectiveRole, hasRole, type Viewer } from '../auth/viewer.ts';
import { searchableText } from '../cards/search-text.ts';
import { sideLockViolation } from '../cards/side-locks.ts';
import { findBuiltInTemplate } from '../cards/templates/index.ts';
import { type ValidFields, validateFields } from '../cards/validate.ts';
import { deepEqual } from '../cards/values.ts';
import type { Database } from '../db/client.ts';
import { cardEdits, cardHelped, cardLinks, cards, cardVersions, type HeldCardSave, ideas, threads, users } from '../db/schema.ts';
import { inList, qualified } from '../db/sql.ts';
import { statementShapes } from '../db/statement-shapes.ts';
import { ApiError, fieldIssue, notFound, readAfterWrite } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTime } from '../lib/time.ts';
import { mentionCandidates, type RenderedMarkdown, renderMarkdown } from '../markdown/render.ts';
import { cardText, screen } from '../moderation/content.ts';
import { storedReason } from '../moderation/reasons.ts';
import type { Verdict } from '../moderation/types.ts';
import { heldStatements } from '../notify/held.ts';
import { eventStatements } from '../notify/record.ts';
import { unknownUnit } from './business-units.ts';
import { type CardRow, cardColumns, cardReadableBy, cardVisibleTo, myEditColumn, reviewDateAfter, toCard } from './card-rows.ts';
import { contextStatements, type References, saveReads } from './card-save-reads.ts';
import { assertMayPost } from './comments.ts';
import { profileObjectiveSync } from './objectives.ts';
import { autoSubscribe } from './subscriptions.ts';
import { findTemplate, forgetKnownTemplates, knownTemplate, rememberTenantTemplate, templateFromRow } from './templates.ts';
import type { Tenant } from './tenants.ts';
import { upsertUser, viewerUserId } from './users.ts';
import { shapedViewer, type ViewerShape, viewerShape } from './viewer-shape.ts';

/** Who may read a card: its unit and visibility. */
interface Access {
  unitId: string | null;
  visibility: CardVisibility;
}

/** What a save writes, once validated and resolved. */
interface Prepared {
  fields: Record<string, FieldValue>;
  rendered: Record<string, string>;
  searchText: string;
  links: { path: string; link: LinkValue }[];
  /** `undefined`: keep as is / default; `null`: no owner. */
  ownerId: string | null | undefined;
  /** The unit the save names: `undefined`, keep as is (none for a new card); `null`, none. */
  unitId: string | null | undefined;
  /** The moderation pipeline's hold, if it holds the card (a refusal is thrown). */
  verdict: Verdict | null;
}

type Content = Pick<CardInput, 'title' | 'summary' | 'fields' | 'owner' | 'unit'>;

/** Who saves: the actor a save is recorded under, and the viewer whose role decides whether the pipeline runs. */
export interface Saver {
  viewer: Viewer;
  actor: Actor;
}

const LINK_KINDS: readonly LinkKind[] = ['card', 'idea', 'thread'];

/** What the fields name, as validated against the template: people, the owner, @mentions in rich text, links. */
function referencesOf(checked: ValidFields, content: Content): References {
  const mentioned = checked.richtext.flatMap((rich) => mentionCandidates(rich.source));
  const handles = [...new Set([...checked.people.map((p) => p.handle), ...(content.owner ? [content.owner] : []), ...mentioned])];
  const idsOf = (kind: LinkKind) => [...new Set(checked.links.filter((l) => l.link.kind === kind).map((l) => l.link.id))];
  return { handles, links: { card: idsOf('card'), idea: idsOf('idea'), thread: idsOf('thread') } };
}

/**
 * Before the template is known (a save reads it with the card, in the same round trip): every
 * handle, link and @mention the raw fields could hold, wherever they are — a superset of what
 * {@link referencesOf} finds once they are validated.
 */
function rawReferencesOf(content: Content): References {
  const handles = new Set<string>(content.owner ? [content.owner] : []);
  const links: Record<LinkKind, Set<string>> = { card: new Set(), idea: new Set(), thread: new Set() };
  const visit = (value: unknown, depth: number): void => {
    if (depth > 16) return;
    if (typeof value === 'string') {
      for (const handle of mentionCandidates(value)) handles.add(handle);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (value !== null && typeof value === 'object') {
      const { handle, kind, id } = value as Record<string, unknown>;
      if (typeof handle === 'string') handles.add(handle);
      if (typeof kind === 'string' && typeof id === 'string' && (LINK_KINDS as readonly string[]).includes(kind)) {
        links[kind as LinkKind].add(id);
      }
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  visit(content.fields, 0);
  return { handles: [...handles], links: { card: [...links.card], idea: [...links.idea], thread: [...links.thread] } };
}

/** Whether `looked` looked up everything `needed` names. */
function covers(looked: References, needed: References): boolean {
  const has = (all: string[], some: string[]) => some.every((x) => all.includes(x));
  return has(looked.handles, needed.handles) && LINK_KINDS.every((kind) => has(looked.links[kind], needed.links[kind]));
}

type Results<T extends readonly unknown[]> = { readonly [K in keyof T]: Awaited<T[K]> };
/** What {@link contextStatements} read, in its order. */
type Context = Results<ReturnType<typeof contextStatements>>;
type Member = Context[2][number];

/** What a save's checks go by: what {@link contextStatements} read, or what a guessed save assumes ({@link guessedSave}). */
interface SaveContext {
  /** The saver's row (their restriction, their published contributions); none before their first write. */
  standing: Context[0][number] | undefined;
  grantedRole: Context[1][number]['role'] | undefined;
  /** The people the fields name. */
  members: readonly Member[];
  /** The linked items that may be linked: published cards the saver may read, published ideas, threads. */
  linkable: Record<LinkKind, readonly { id: string }[]>;
  /** The unit named. */
  unit: Context[6][number] | undefined;
  /** The saver's side of a relationship with a unit. */
  side: RelationshipSide | null;
}

function named([standing, grant, members, cardRows, ideaRows, threadRows, unit, side]: Context): SaveContext {
  return {
    standing: standing[0],
    grantedRole: grant[0]?.role,
    members,
    linkable: { card: cardRows, idea: ideaRows, thread: threadRows },
    unit: unit[0],
    side: (side[0]?.side ?? null) as RelationshipSide | null,
  };
}

/** The fields as the template takes them, or 400 naming each problem. */
function checkFields(template: CardTemplate, content: Content): ValidFields {
  const checked = validateFields(template, content.fields);
  if (!checked.ok) {
    const first = checked.errors[0];
    throw new ApiError(400, 'validation_failed.card_fields', { problem: first?.message ?? '' }, { details: checked.errors });
  }
  return checked;
}

/**
 * Validates the fields against the template, resolves handles, links and the unit within the
 * tenant (only published cards the saver may read and published ideas can be cited; only a
 * current unit named), refuses a banned or timed-out author and, on a card about a unit (before
 * or after the save), a change of a side-locked field by someone not of its side (`before`: the
 * card as it was), and runs the moderation pipeline over the card's text.
 */
async function prepare(
  db: Database,
  tenant: Tenant,
  saver: Saver,
  template: CardTemplate,
  content: Content,
  kind: 'create' | 'edit',
): Promise<Prepared> {
  const checked = checkFields(template, content);
  const unitKey = typeof content.unit === 'string' ? content.unit : null;
  const context = await db.batch(contextStatements(db, tenant, saver, referencesOf(checked, content), unitKey));
  return preparedSave(tenant, saver, template, content, kind, checked, named(context));
}

/** {@link prepare} from what {@link contextStatements} read: the checks, the rendering and the moderation pipeline. */
function preparedSave(
  tenant: Tenant,
  { viewer }: Saver,
  template: CardTemplate,
  content: Content,
  kind: 'create' | 'edit',
  checked: ValidFields,
  { standing, grantedRole, members, linkable, unit, side }: SaveContext,
  before: { fields: Record<string, FieldValue>; unitId: string | null } = { fields: {}, unitId: null },
): Prepared {
  if (typeof content.unit === 'string' && (!unit || unit.archivedAt !== null)) throw unknownUnit('body.unit', content.unit);
  // A moderator's ban or time-out covers cards as it covers comments.
  assertMayPost(standing, Date.now());
  const byHandle = new Map(members.map((m) => [m.handle, m]));
  const existing = {
    card: new Set(linkable.card.map((r) => r.id)),
    idea: new Set(linkable.idea.map((r) => r.id)),
    thread: new Set(linkable.thread.map((r) => r.id)),
  };
  const details = [
    ...checked.people
      .filter((p) => !byHandle.has(p.handle))
      .map((p) => fieldIssue(`body.fields.${p.path}.handle`, 'field.unknown_member', { handle: p.handle })),
    ...checked.links
      .filter((l) => !existing[l.link.kind].has(l.link.id))
      .map((l) => fieldIssue(`body.fields.${l.path}.id`, 'field.unknown_link', { kind: l.link.kind, id: l.link.id })),
    ...(content.owner && !byHandle.has(content.owner) ? [fieldIssue('body.owner', 'field.unknown_owner', { handle: content.owner })] : []),
  ];
  if (details.length > 0) {
    throw new ApiError(400, 'validation_failed.card_references', { problem: details[0]?.message ?? '' }, { details });
  }

  const fields = structuredClone(checked.fields);
  for (const person of checked.people) {
    const member = byHandle.get(person.handle);
    if (member) setAtPath(fields, `${person.path}.name`, member.name);
  }
  // Sides are known only of a relationship with a unit: a card about none locks nothing.
  if (before.unitId !== null || typeof content.unit === 'string') {
    assertOwnSide(template, before.fields, fields, side);
  }
  const markdown = new Map<string, RenderedMarkdown>();
  const rendered: Record<string, string> = {};
  const knownHandles = new Set(members.flatMap((m) => (m.handle ? [m.handle] : [])));
  for (const rich of checked.richtext) {
    const result = renderMarkdown(rich.source, { knownHandles });
    markdown.set(rich.path, result);
    rendered[rich.path] = result.html;
  }
  const verdict = screen({
    item: 'card',
    kind,
    text: cardText(template, { title: content.title, summary: content.summary, fields }, markdown),
    author: { published: standing?.published ?? 0, recentFingerprints: [] },
    settings: tenant.moderation,
    role: effectiveRole(viewer, grantedRole),
  });
  return {
    fields,
    rendered,
    searchText: searchableText(template, fields),
    links: checked.links,
    ownerId: content.owner === undefined ? undefined : content.owner === null ? null : (byHandle.get(content.owner)?.id ?? null),
    unitId: content.unit === undefined ? undefined : content.unit === null ? null : (unit?.id ?? null),
    verdict,
  };
}

/** 403 for a change of a side-locked field by someone not of its side; nothing is written. */
function assertOwnSide(
  template: CardTemplate,
  before: Record<string, FieldValue>,
  after: Record<string, FieldValue>,
  side: RelationshipSide | null,
): void {
  const locked = sideLockViolation(template.fields, before, after, side);
  if (!locked) return;
  throw new ApiError(
    403,
    'forbidden.side_locked',
    { side: locked.side, field: locked.label },
    {
      details: [
        fieldIssue(`body.fields.${locked.path}`, locked.side === 'business' ? 'field.business_side_only' : 'field.provider_side_only'),
      ],
    },
  );
}

/**
 * Who may read the card after a save: what the save asks, else `fallback`; 400 for `unit`
 * without a unit. A new card's fallback is its template's default, `private` for a `unit` default
 * when the card has no unit (relationship intelligence is never public by default).
 */
export function visibilityAfter(
  asked: CardVisibility | undefined,
  fallback: CardVisibility,
  unitId: string | null,
  fallbackIsDefault: boolean,
): CardVisibility {
  const visibility = asked ?? fallback;
  if (visibility !== 'unit' || unitId !== null) return visibility;
  if (asked === undefined && fallbackIsDefault) return 'private';
  throw new ApiError(
    400,
    'validation_failed.visibility_needs_unit',
    {},
    { details: [fieldIssue(asked === undefined ? 'body.unit' : 'body.visibility', 'field.unit_required')] },
  );
}

function setAtPath(root: Record<string, FieldValue>, path: string, value: FieldValue): void {
  const keys = path.split('.');
  let node: unknown = root;
  for (const key of keys.slice(0, -1)) node = (node as Record<string, unknown>)[key];
  const last = keys.at(-1);
  if (node && typeof node === 'object' && last !== undefined) (node as Record<string, unknown>)[last] = value;
}

/**
 * The statements that copy the row a save wrote into `card_versions`, replace its links and, for a
 * unit's partner profile, keep the unit's objectives in step with it (store/objectives.ts).
 */
export function afterSave(
  db: Database,
  tenantId: string,
  cardId: string,
  saveId: string,
  links: Prepared['links'],
  note: string | null,
  actor: Pick<Actor, 'subject' | 'name'>,
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
  statements.push(...profileObjectiveSync(db, tenantId, cardId, saveId, Date.now()));
  return statements;
}

/**
 * The card as the caller may see it (404 otherwise), with the caller's own held edit of it.
 * `asModerator`: in whatever moderation state, with the pipeline's reasons in full.
 */
export async function getCard(
  db: Database,
  tenantId: string,
  viewer: Viewer | Actor,
  id: string,
  now = Date.now(),
  asModerator = false,
): Promise<PracticeCard> {
  const [[row]] = await db.batch([selectCard(db, tenantId, viewer, id, asModerator)]);
  if (!row) throw notFound('not_found.card', { id });
  rememberCard(tenantId, id, row.card.templateId);
  return toCard(row, await findTemplate(db, tenantId, row.card.templateId), now, asModerator);
}

/** {@link getCard}'s statement, for a batch: the card's row as the caller may see it, with their held edit. */
function selectCard(db: Database, tenantId: string, viewer: Viewer | Actor, id: string, asModerator = false) {
  const { shape, values } = viewerShape(viewer);
  const [statement] = selectCardShape(db, { tenantId, id, subject: values.subject }, { ...shape, asModerator });
  return statement;
}

// Built once per kind of viewer: every save reads the card back with it.
const selectCardShape = statementShapes(
  (db, v: { tenantId: string; id: string; subject: string | null }, shape: ViewerShape & { asModerator: boolean }) => {
    const viewer = shapedViewer(shape, v.subject);
    return [
      db
        .select({ ...cardColumns(v.tenantId, viewer), myEdit: myEditColumn(v.tenantId, viewer) })
        .from(cards)
        // Moderators read a card in any moderation state, but only as its visibility allows.
        .where(
          and(
            eq(cards.tenantId, v.tenantId),
            eq(cards.id, v.id),
            shape.asModerator ? cardReadableBy(v.tenantId, viewer) : cardVisibleTo(v.tenantId, viewer),
          ),
        ),
    ] as const;
  },
);

/** Whether the card exists and the caller may see it (published, or their own held card). */
export async function cardVisible(db: Database, tenantId: string, viewer: Viewer | Actor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: cards.id })
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id), cardVisibleTo(tenantId, viewer)));
  return row !== undefined;
}

/** Creates a card, version 1 — held whole (`pending`) when the moderation pipeline says so. */
export async function createCard(db: Database, tenant: Tenant, saver: Saver, input: CardInput, now = Date.now()): Promise<PracticeCard> {
  const { id } = await insertCard(db, tenant, saver, input, null, now);
  return readAfterWrite(() => getCard(db, tenant.id, saver.actor, id, now));
}

/**
 * Where a card comes from, unique per tenant (`promotedFrom`): the war story it is promoted from
 * (`thread:<id>` or `comment:<id>`), or the idea whose value plan it is (`value-plan:<id>`, no thread).
 */
export interface CardStory {
  threadId: string | null;
  commentId: string | null;
  promotedFrom: string;
}

/**
 * Inserts a new card with its first version. With a `story`, a card promoted from the same story
 * already (a concurrent promotion that won) stops the insert through the unique index, and then
 * the rest of the batch, which finds the row by its `saveId`, writes nothing: `inserted` is false.
 */
export async function insertCard(
  db: Database,
  tenant: Tenant,
  saver: Saver,
  input: CardInput,
  story: CardStory | null,
  now = Date.now(),
): Promise<{ id: string; inserted: boolean }> {
  const tenantId = tenant.id;
  const { actor } = saver;
  const template = await findTemplate(db, tenantId, input.templateId).catch((err: unknown) => {
    // Only its 404: a failed read of the template is not the caller's mistake.
    if (!(err instanceof ApiError && err.status === 404)) throw err;
    throw new ApiError(
      400,
      'validation_failed.no_template',
      { template: input.templateId },
      { details: [fieldIssue('body.templateId', 'field.unknown_template')] },
    );
  });
  const prepared = await prepare(db, tenant, saver, template, input, 'create');
  const unitId = prepared.unitId ?? null;
  const visibility = visibilityAfter(input.visibility, template.visibility ?? 'everyone', unitId, true);
  const id = newId();
  const saveId = newId();
  const insert = db.insert(cards).values({
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
    authorId: sql`${viewerUserId(tenantId, actor)}`,
    state: prepared.verdict ? 'pending' : 'published',
    moderationReason: prepared.verdict ? storedReason(prepared.verdict) : null,
    sourceThreadId: story?.threadId ?? null,
    sourceCommentId: story?.commentId ?? null,
    promotedFrom: story?.promotedFrom ?? null,
    unitId,
    visibility,
  });
  const [, written] = await db.batch([
    upsertUser(db, tenantId, actor, now),
    (story ? insert.onConflictDoNothing() : insert).returning({ id: cards.id }),
    ...afterSave(db, tenantId, id, saveId, prepared.links, input.note ?? null, actor),
    ...saveEvents(db, tenantId, id, saveId, 'card.created', prepared.verdict, viewerUserId(tenantId, actor), now),
  ]);
  return { id, inserted: written.length > 0 };
}

/**
 * What a save records, if it won (the card carries its `saveId`): `created`/`updated` — or, held,
 * `content.held` and `moderation.queued` — and its author and owner following the card.
 */
export function saveEvents(
  db: Database,
  tenantId: string,
  id: string,
  saveId: string,
  type: 'card.created' | 'card.updated',
  verdict: Verdict | null,
  author: SQL | string,
  now: number,
): BatchItem<'sqlite'>[] {
  const item = { kind: 'card' as const, id };
  const won = sql`exists (select 1 from ${cards} where ${qualified(cards.tenantId)} = ${tenantId} and ${qualified(cards.id)} = ${id} and ${qualified(cards.saveId)} = ${saveId})`;
  const owner = sql`(select ${qualified(cards.ownerId)} from ${cards} where ${qualified(cards.tenantId)} = ${tenantId} and ${qualified(cards.id)} = ${id})`;
  return [
    ...(verdict
      ? heldStatements(db, tenantId, item, verdict, author, { now, onlyIf: won })
      : eventStatements(db, { tenantId, type, actorId: author, item, now, onlyIf: won })),
    ...(type === 'card.created' ? [autoSubscribe(db, tenantId, author, 'card', id, 'author', won)] : []),
    autoSubscribe(db, tenantId, owner, 'card', id, 'owner', won),
  ];
}

function staleVersion(current: { version: number; updatedBy: string; updatedAt: number }) {
  return new ApiError(
    409,
    'conflict.stale_card',
    { version: current.version, by: current.updatedBy, at: isoTime(current.updatedAt) },
    { details: [fieldIssue('body.baseVersion', 'field.stale_version', { version: current.version })] },
  );
}

/**
 * The statements of a save from `baseVersion`: the card row (only if it still has that version),
 * its version copy and its links. The first statement returns the row when it was written.
 */
function saveStatements(
  db: Database,
  tenantId: string,
  id: string,
  baseVersion: number,
  save: HeldCardSave,
  by: Pick<Actor, 'subject' | 'name'>,
  now: number,
  moderation: { state: 'published' | 'pending'; reason: string | null } | null,
  saveId: string,
  /** Who may read the card after the save, when it changes. */
  access: Access | null = null,
  /** What else must hold of the card (and beyond) for the save to be written. */
  guard?: SQL,
) {
  return [
    db
      .update(cards)
      .set({
        templateVersion: save.templateVersion,
        title: save.title,
        ...(save.summary !== undefined ? { summary: save.summary } : {}),
        fields: save.fields,
        rendered: save.rendered,
        searchText: save.searchText,
        ...(save.tags !== undefined ? { tags: save.tags } : {}),
        ...(save.maturityLevel !== undefined ? { maturityLevel: save.maturityLevel } : {}),
        ...(save.ownerId !== undefined ? { ownerId: save.ownerId } : {}),
        ...(save.reviewBy !== undefined ? { reviewBy: save.reviewBy } : {}),
        ...(moderation ? { state: moderation.state, moderationReason: moderation.reason } : {}),
        ...(access ?? {}),
        version: baseVersion + 1,
        saveId,
        updatedBy: by.name,
        updatedAt: now,
      })
      .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id), eq(cards.version, baseVersion), guard))
      .returning({ id: cards.id }),
    ...afterSave(db, tenantId, id, saveId, save.links, save.note, by),
  ] as const;
}

/** The latest version, as a 409 for a save that lost the race (or a 404 when the card is gone). */
async function raceLost(db: Database, tenantId: string, id: string): Promise<ApiError> {
  const [latest] = await db
    .select({ version: cards.version, updatedBy: cards.updatedBy, updatedAt: cards.updatedAt })
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id)));
  return latest ? staleVersion(latest) : notFound('not_found.card', { id });
}

/**
 * The author's earlier held or rejected edits of the card: a new save of theirs replaces them —
 * with `saveId`, only once that save has won (a save that lost the race leaves them).
 */
function dropOwnEdits(db: Database, tenantId: string, cardId: string, actor: Actor, saveId?: string) {
  return db
    .delete(cardEdits)
    .where(
      and(
        eq(cardEdits.tenantId, tenantId),
        eq(cardEdits.cardId, cardId),
        sql`${qualified(cardEdits.authorId)} = ${viewerUserId(tenantId, actor)}`,
        saveId === undefined
          ? undefined
          : sql`exists (select 1 from ${cards} where ${qualified(cards.id)} = ${cardId} and ${qualified(cards.saveId)} = ${saveId})`,
      ),
    );
}

/** Whether `save` leaves the card's versioned content as `current` has it (a note alone is no change). */
function keepsContent(
  current: Pick<
    typeof cards.$inferSelect,
    'templateVersion' | 'title' | 'summary' | 'fields' | 'tags' | 'maturityLevel' | 'ownerId' | 'reviewBy'
  >,
  save: HeldCardSave,
): boolean {
  const sameTags = (tags: readonly string[]) => [...tags].sort().join('\n') === [...current.tags].sort().join('\n');
  return (
    save.templateVersion === current.templateVersion &&
    save.title === current.title &&
    (save.summary === undefined || save.summary === current.summary) &&
    (save.tags === undefined || sameTags(save.tags)) &&
    (save.maturityLevel === undefined || save.maturityLevel === current.maturityLevel) &&
    (save.ownerId === undefined || save.ownerId === current.ownerId) &&
    (save.reviewBy === undefined || save.reviewBy === current.reviewBy) &&
    deepEqual(save.fields, current.fields)
  );
}

/** What a save from `update` writes as the card's new version. */
function versionOf(template: CardTemplate, update: CardUpdate, prepared: Prepared): HeldCardSave {
  return {
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
    links: prepared.links,
    note: update.note ?? null,
  };
}

/**
 * What saves and reads in this isolate found: each card's template (by tenant and card), each
 * person named (by tenant and handle). The tenant templates read are kept by store/templates.ts.
 */
const knownTemplates = new Map<string, string>();
const knownMembers = new Map<string, Member>();
const KNOWN_MAX = 20_000;

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > KNOWN_MAX) map.delete(map.keys().next().value as string);
}

/**
 * Forgets what saves in this isolate found (tests: a save of a card the isolate does not know).
 *
 * @example
 * forgetKnownCards();
 */
export function forgetKnownCards(): void {
  knownTemplates.clear();
  knownMembers.clear();
  forgetKnownTemplates();
}

function rememberCard(tenantId: string, id: string, templateId: string): void {
  remember(knownTemplates, `${tenantId}\u0000${id}`, templateId);
}

function rememberMembers(tenantId: string, members: readonly Member[]): void {
  for (const m of members) if (m.handle) remember(knownMembers, `${tenantId}\u0000${m.handle}`, m);
}

/**
 * A save of a card this isolate knows, made without reading it first: the checks run on what the
 * isolate knows (the card's built-in template, the people named, no unit and no owner or
 * visibility change, a pipeline that passes the text), and the writes are guarded by all of it —
 * the card published, at `baseVersion`, without a unit, readable by the saver and changed by the
 * save; the saver not restricted; the people and links as assumed. Its statements ride behind the
 * save's reads; `answer` is the saved card, or null when the guards wrote nothing (the reads then
 * decide, as for any save). Null when the isolate cannot guess.
 */
function guessedSave(
  db: Database,
  tenant: Tenant,
  saver: Saver,
  id: string,
  update: CardUpdate,
  now: number,
): { statements: BatchItem<'sqlite'>[]; answer: (results: unknown[]) => PracticeCard | null } | null {
  const tenantId = tenant.id;
  const { actor, viewer } = saver;
  const templateId = knownTemplates.get(`${tenantId}\u0000${id}`);
  const known = templateId === undefined ? undefined : knownTemplate(tenantId, templateId);
  if (!known) return null;
  const { template } = known;
  if (update.owner !== undefined || update.unit !== undefined || update.visibility !== undefined) return null;
  if (tenant.moderation.preModeration === 'new_users') return null;
  const checked = validateFields(template, update.fields);
  if (!checked.ok) return null;
  const refs = referencesOf(checked, update);
  const members = refs.handles.map((h) => knownMembers.get(`${tenantId}\u0000${h}`));
  if (refs.links.card.length > 0 || members.some((m) => m === undefined)) return null;
  const named = members as Member[];
  // What the guards below hold the batch to (the saver's own grants aside: without them, the pipeline only screens harder).
  const assumed: SaveContext = {
    standing: undefined,
    grantedRole: undefined,
    members: named,
    linkable: { card: [], idea: refs.links.idea.map((i) => ({ id: i })), thread: refs.links.thread.map((i) => ({ id: i })) },
    unit: undefined,
    side: null,
  };
  let prepared: Prepared;
  try {
    prepared = preparedSave(tenant, saver, template, update, 'edit', checked, assumed);
  } catch {
    return null;
  }
  if (prepared.verdict) return null;
  const save = versionOf(template, update, prepared);
  const same = (column: SQL, value: unknown) =>
    sql` and ${column} is ${typeof value === 'string' || typeof value === 'number' || value === null ? value : JSON.stringify(value)}`;
  const changes = sql`not (${qualified(cards.templateVersion)} = ${save.templateVersion} and ${qualified(cards.title)} = ${save.title}${
    save.summary !== undefined ? same(qualified(cards.summary), save.summary) : sql``
  }${same(qualified(cards.fields), save.fields)}${save.tags !== undefined ? same(qualified(cards.tags), save.tags) : sql``}${
    save.maturityLevel !== undefined ? same(qualified(cards.maturityLevel), save.maturityLevel) : sql``
  }${save.reviewBy !== undefined ? same(qualified(cards.reviewBy), save.reviewBy) : sql``})`;
  const ofCard = sql`${qualified(cards.state)} = 'published' and ${qualified(cards.unitId)} is null and ${qualified(cards.templateId)} = ${template.id}
    and ${cardReadableBy(tenantId, viewer)} and ${changes}${known.guard ?? sql``}`;
  const beyond = [
    sql`not exists (select 1 from ${users} where ${qualified(users.tenantId)} = ${tenantId} and ${qualified(users.subject)} = ${actor.subject} and ${qualified(users.restrictedUntil)} > ${now})`,
    ...named.map(
      (m) =>
        sql`exists (select 1 from ${users} where ${qualified(users.tenantId)} = ${tenantId} and ${qualified(users.id)} = ${m.id} and ${qualified(users.handle)} = ${m.handle} and ${qualified(users.name)} = ${m.name})`,
    ),
    ...(refs.links.idea.length
      ? [
          sql`(select count(*) from ${ideas} where ${qualified(ideas.tenantId)} = ${tenantId} and ${qualified(ideas.state)} = 'published' and ${inList(qualified(ideas.id), refs.links.idea)}) = ${refs.links.idea.length}`,
        ]
      : []),
    ...(refs.links.thread.length
      ? [
          sql`(select count(*) from ${threads} where ${qualified(threads.tenantId)} = ${tenantId} and ${inList(qualified(threads.id), refs.links.thread)}) = ${refs.links.thread.length}`,
        ]
      : []),
  ];
  const guard = sql.join([ofCard, ...beyond], sql` and `);
  const saveId = newId();
  const statements = [
    upsertUser(
      db,
      tenantId,
      actor,
      now,
      sql`exists (select 1 from ${cards} where ${qualified(cards.tenantId)} = ${tenantId} and ${qualified(cards.id)} = ${id} and ${qualified(cards.version)} = ${update.baseVersion} and ${guard})`,
    ),
    ...saveStatements(db, tenantId, id, update.baseVersion, save, actor, now, null, saveId, null, guard),
    dropOwnEdits(db, tenantId, id, actor, saveId),
    ...saveEvents(db, tenantId, id, saveId, 'card.updated', null, viewerUserId(tenantId, actor), now),
    selectCard(db, tenantId, actor, id),
  ] as BatchItem<'sqlite'>[];
  return {
    statements,
    answer: (results) => {
      const [changed] = results[1] as { id: string }[];
      const [saved] = results.at(-1) as CardRow[];
      return changed && saved ? toCard(saved, template, now) : null;
    },
  };
}

/**
 * Saves a new version; refuses (409) a save based on an older version than the latest. When
 * the moderation pipeline holds an edit of a published card, the card stays as it is for
 * everyone and the edit waits in `card_edits` (the answer carries it as `pendingEdit`); an edit
 * of the author's own held card is moderated again in place.
 *
 * Two round trips: one reads the card, its template (a tenant's), the saver's rights and standing
 * and everything the fields name; one writes — the card row only if it still has the version the
 * checks saw — and reads the card back. A refused save, or one that changes nothing, sends no
 * write; a save that lost a race writes nothing and answers 409 from what its batch read back.
 * A save of a card this isolate has read or saved is one round trip: its guessed, guarded writes
 * ({@link guessedSave}) ride behind the reads, and only a guess the guards refused needs the second.
 */
export async function updateCard(
  db: Database,
  tenant: Tenant,
  saver: Saver,
  id: string,
  update: CardUpdate,
  now = Date.now(),
): Promise<PracticeCard> {
  const tenantId = tenant.id;
  const { actor, viewer } = saver;
  const unitKey = typeof update.unit === 'string' ? update.unit : null;
  // The template is not known before the card is read: look up whatever the fields could name.
  const looked = rawReferencesOf(update);
  // A card this isolate has saved before: its save guessed and guarded, in the same batch.
  const guessed = guessedSave(db, tenant, saver, id, update, now);
  const reads = saveReads(db, tenant, saver, id, looked, unitKey);
  const all = await db.batch([...reads, ...(guessed?.statements ?? [])] as unknown as [BatchItem<'sqlite'>]);
  const [[row], [templateRow], ...read] = all.slice(0, reads.length) as unknown as Results<typeof reads>;
  if (guessed) {
    const answer = guessed.answer(all.slice(reads.length));
    if (answer) return answer;
  }
  // A card the caller may not read is, for them, not there.
  if (!row) throw notFound('not_found.card', { id });
  const current = row.card;
  rememberCard(tenantId, id, current.templateId);
  const [, grant] = read;
  const manages = hasRole(effectiveRole(viewer, grant[0]?.role), 'moderator');
  const published = current.state === 'published';
  const mine = current.authorId !== null && current.authorId === row.me;
  if (!published && !mine && !manages) throw notFound('not_found.card', { id });
  if (current.state === 'rejected') {
    throw new ApiError(409, 'conflict.card_rejected', {});
  }
  if (update.baseVersion !== current.version) throw staleVersion(current);
  const template = findBuiltInTemplate(current.templateId) ?? (templateRow ? templateFromRow(templateRow) : null);
  if (!template) throw notFound('not_found.template', { id: current.templateId });
  if (templateRow && template.id === templateRow.id) rememberTenantTemplate(tenantId, template, templateRow.templatesVersion);
  const checked = checkFields(template, update);
  const needed = referencesOf(checked, update);
  // Validation named something the raw fields did not show as such: look it up as named.
  const context = named(covers(looked, needed) ? read : await db.batch(contextStatements(db, tenant, saver, needed, unitKey)));
  const prepared = preparedSave(tenant, saver, template, update, published ? 'edit' : 'create', checked, context, current);
  rememberMembers(tenantId, context.members);
  const reassigns = prepared.ownerId !== undefined && prepared.ownerId !== current.ownerId;
  const mayHandOver = current.ownerId === null || current.ownerId === row.me || manages;
  // Anyone may edit (it is a wiki), but only the owner — or a moderator — hands a card over.
  if (reassigns && !mayHandOver) {
    throw new ApiError(403, 'forbidden.card_owner_change', {}, { details: [fieldIssue('body.owner', 'field.owner_locked')] });
  }
  const unitId = prepared.unitId === undefined ? current.unitId : prepared.unitId;
  const access: Access = { unitId, visibility: visibilityAfter(update.visibility, current.visibility as CardVisibility, unitId, false) };
  const opens = access.unitId !== current.unitId || access.visibility !== current.visibility;
  // …and so does who may read it.
  if (opens && !mayHandOver) {
    throw new ApiError(403, 'forbidden.card_owner', { action: 'change its unit or who may read it' });
  }
  const save = versionOf(template, update, prepared);

  // A save that changes nothing a version keeps (nor who may read the card) writes nothing: no
  // empty version, no event — and answers the card as the first round trip read it. A held card
  // is saved anyway: the pipeline may publish it now.
  if (published && !opens && keepsContent(current, save)) return toCard(row, template, now);

  if (published && prepared.verdict) {
    // Readers keep the published version; the edit waits for a moderator.
    const editId = newId();
    const [, , , ...rest] = await db.batch([
      upsertUser(db, tenantId, actor, now),
      dropOwnEdits(db, tenantId, id, actor),
      db.insert(cardEdits).values({
        id: editId,
        cardId: id,
        tenantId,
        authorId: sql`${viewerUserId(tenantId, actor)}`,
        baseVersion: update.baseVersion,
        state: 'pending',
        reason: storedReason(prepared.verdict),
        content: save,
        byName: actor.name,
        bySubject: actor.subject,
        createdAt: now,
      }),
      // Who may read it is no text to moderate: it changes now.
      ...(opens
        ? [
            db
              .update(cards)
              .set(access)
              .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id), eq(cards.version, update.baseVersion))),
          ]
        : []),
      ...heldStatements(db, tenantId, { kind: 'card', id }, prepared.verdict, viewerUserId(tenantId, actor), { now, edit: editId }),
      selectCard(db, tenantId, actor, id),
    ]);
    const [saved] = rest.at(-1) as CardRow[];
    if (!saved) throw notFound('not_found.card', { id });
    return toCard(saved, template, now);
  }

  const moderation = published
    ? null
    : {
        state: prepared.verdict ? ('pending' as const) : ('published' as const),
        reason: prepared.verdict ? storedReason(prepared.verdict) : null,
      };
  const saveId = newId();
  const asModerator = !mine && !published;
  const results = await db.batch([
    upsertUser(db, tenantId, actor, now),
    ...saveStatements(db, tenantId, id, update.baseVersion, save, actor, now, moderation, saveId, opens ? access : null),
    dropOwnEdits(db, tenantId, id, actor, saveId),
    // The author's own held card, published now, is new to everyone else.
    ...saveEvents(
      db,
      tenantId,
      id,
      saveId,
      published ? 'card.updated' : 'card.created',
      prepared.verdict,
      viewerUserId(tenantId, actor),
      now,
    ),
    // The card as saved, in the same round trip: a committed save always has its answer.
    selectCard(db, tenantId, actor, id, asModerator),
  ]);
  const [changed] = results[1] as { id: string }[];
  const [saved] = results.at(-1) as CardRow[];
  // Another save won the race between the first round trip and this batch.
  if (!changed) throw saved ? staleVersion(saved.card) : await raceLost(db, tenantId, id);
  if (!saved) throw notFound('not_found.card', { id });
  return toCard(saved, template, now, asModerator);
}

/**
 * A moderator's decision on a held edit: approving applies it as a save from the version it was
 * made to (409 when the card has changed since: reject it, and its author can make it again);
 * rejecting keeps it, with the reason, for its author to see. `extra` goes into the same batch
 * (the audit entry).
 */
export async function decideCardEdit(
  db: Database,
  tenantId: string,
  cardId: string,
  editId: string,
  approve: boolean,
  reason: string | null,
  extra: BatchItem<'sqlite'>[],
  now = Date.now(),
): Promise<void> {
  const [edit] = await db
    .select()
    .from(cardEdits)
    .where(and(eq(cardEdits.tenantId, tenantId), eq(cardEdits.cardId, cardId), eq(cardEdits.id, editId)));
  if (!edit) throw notFound('not_found.held_edit', { id: editId, card: cardId });
  if (!approve) {
    await db.batch([
      db
        .update(cardEdits)
        .set({ state: 'rejected', reason: reason ?? '' })
        .where(and(eq(cardEdits.tenantId, tenantId), eq(cardEdits.id, editId))),
      ...extra,
    ] as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    return;
  }
  if (edit.state !== 'pending') throw new ApiError(409, 'conflict.edit_rejected', {});
  const [card] = await db
    .select({ version: cards.version })
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, cardId)));
  if (!card) throw notFound('not_found.card', { id: cardId });
  if (card.version !== edit.baseVersion) {
    throw new ApiError(409, 'conflict.edit_outdated', { base: edit.baseVersion, version: card.version });
  }
  const saveId = newId();
  const [[changed]] = await db.batch([
    ...saveStatements(
      db,
      tenantId,
      cardId,
      edit.baseVersion,
      edit.content,
      { subject: edit.bySubject, name: edit.byName },
      now,
      null,
      saveId,
    ),
    db.delete(cardEdits).where(and(eq(cardEdits.tenantId, tenantId), eq(cardEdits.id, editId))),
    ...extra,
    ...saveEvents(db, tenantId, cardId, saveId, 'card.updated', null, edit.authorId, now),
  ]);
  if (!changed) throw await raceLost(db, tenantId, cardId);
}

/** Saves an old version's content as the newest version. */
export async function restoreCard(
  db: Database,
  tenant: Tenant,
  saver: Saver,
  id: string,
  version: number,
  baseVersion: number,
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
    .where(and(eq(cardVersions.tenantId, tenant.id), eq(cardVersions.cardId, id), eq(cardVersions.version, version)));
  if (!old) throw notFound('not_found.card_version', { id, version });
  return updateCard(
    db,
    tenant,
    saver,
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
    now,
  );
}

/** Whether the actor owns the card (owners verify and mark obsolete; so do moderators). */
export async function ownsCard(db: Database, tenantId: string, actor: Actor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ owner: cards.ownerId, me: sql<string | null>`${viewerUserId(tenantId, actor)}` })
    .from(cards)
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id), cardVisibleTo(tenantId, actor)));
  if (!row) throw notFound('not_found.card', { id });
  return row.owner !== null && row.owner === row.me;
}

export async function verifyCard(
  db: Database,
  tenantId: string,
  id: string,
  reviewBy: string | undefined,
  now = Date.now(),
  /** Who verifies it (recorded with the event). */
  actor: Actor | null = null,
) {
  const next = reviewBy ?? reviewDateAfter(now);
  if (next <= new Date(now).toISOString().slice(0, 10)) {
    throw new ApiError(400, 'validation_failed.review_date_past', {}, { details: [fieldIssue('body.reviewBy', 'field.date_not_future')] });
  }
  await db.batch([
    db
      .update(cards)
      .set({ reviewBy: next, lastVerifiedAt: now })
      .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id))),
    ...eventStatements(db, {
      tenantId,
      type: 'card.verified',
      actorId: actor ? viewerUserId(tenantId, actor) : null,
      item: { kind: 'card', id },
      data: { reviewBy: next },
      now,
    }),
  ]);
}

/** Marks a card obsolete with the reason (recorded as `card.obsolete`), or takes the mark back (`reason` null). */
export async function setObsolete(db: Database, tenantId: string, actor: Actor, id: string, reason: string | null, now = Date.now()) {
  const mark = db
    .update(cards)
    .set(
      reason === null
        ? { obsoleteAt: null, obsoleteReason: null, obsoleteBy: null }
        : { obsoleteAt: now, obsoleteReason: reason, obsoleteBy: actor.name },
    )
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id)));
  if (reason === null) {
    await mark;
    return;
  }
  await db.batch([
    mark,
    ...eventStatements(db, {
      tenantId,
      type: 'card.obsolete',
      actorId: viewerUserId(tenantId, actor),
      item: { kind: 'card', id },
      data: { reason },
      now,
    }),
  ]);
}

/** "This helped me" (or not any more): once per reader; the count is recomputed in the same batch. */
export async function setHelped(db: Database, tenantId: string, actor: Actor, id: string, helped: boolean, now = Date.now()) {
  const me = viewerUserId(tenantId, actor);
  const ofCard = and(eq(cards.tenantId, tenantId), eq(cards.id, id));
  const [exists] = await db
    .select({ id: cards.id })
    .from(cards)
    .where(and(ofCard, cardVisibleTo(tenantId, actor)));
  if (!exists) throw notFound('not_found.card', { id });
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

export async function countView(db: Database, tenantId: string, viewer: Viewer | Actor, id: string) {
  const done = await db
    .update(cards)
    .set({ viewCount: sql`${qualified(cards.viewCount)} + 1` })
    .where(and(eq(cards.tenantId, tenantId), eq(cards.id, id), cardVisibleTo(tenantId, viewer)))
    .returning({ id: cards.id });
  if (done.length === 0) throw notFound('not_found.card', { id });
}
