/**
 * People's own ideas, after submitting: their author (or whoever recorded it for them) edits
 * the text, keeping what it said before in `idea_revisions`, and anyone who may see the idea
 * reads those earlier texts. An edit passes the moderation pipeline as a new idea does and is
 * handled as a comment's edit is: refused (422, nothing written), or applied in place — held
 * (`pending`: hidden from all but its author and moderators until a moderator approves it) or
 * published. (A card's held edit waits beside the published card instead; ideas have no such
 * table, and an idea whose scope changed should not go on collecting support unseen.)
 */
import type { BusinessCase, IdeaEdit, IdeaRevision, NewBusinessCase } from '@bridgekit/sdk';
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { type Actor, effectiveRole, hasRole, selectGrantedRole, type Viewer } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { ideaRevisions, ideas, threads } from '../db/schema.ts';
import { qualified } from '../db/sql.ts';
import { checkRequiredFields } from '../domain/board-settings.ts';
import { findStatus } from '../domain/statuses.ts';
import { ApiError, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isoTime } from '../lib/time.ts';
import { ideaFingerprint, ideaText, screen } from '../moderation/content.ts';
import { storedReason } from '../moderation/reasons.ts';
import { heldStatements } from '../notify/held.ts';
import { toRecord } from './boards.ts';
import { checkIdeaUnits, ideaUnitKeys, replaceIdeaUnits, selectUnitsByKeys, unitIdOfClaim } from './business-units.ts';
import { assertMayPost } from './comments.ts';
import { intakeFieldChecks, intakeFieldWrites } from './idea-intake.ts';
import { getIdea, type IdeaRow, ideaBoard, ideaIsMine, selectIdeas, toIdea, writtenBy } from './ideas.ts';
import { ideaThreadKey } from './item-threads.ts';
import { selectStanding } from './standing.ts';
import type { Tenant } from './tenants.ts';
import { upsertUser, viewerUserId } from './users.ts';

type IdeaRecord = typeof ideas.$inferSelect;

/** The text an edit changes, as stored. */
type IdeaText = Pick<IdeaRecord, 'title' | 'description' | 'lane' | 'problem' | 'beneficiary' | 'valueType' | 'effortSize' | 'objective'>;

const TEXT_KEYS = ['title', 'description', 'lane', 'problem', 'beneficiary', 'valueType', 'effortSize', 'objective'] as const;

/** What sorts an idea for the intake rather than saying what it is: evaluators may change these on anyone's idea. */
const SORTING_KEYS: ReadonlySet<string> = new Set([
  'unit',
  'impactedUnits',
  'sponsor',
  'demandClass',
  'objectives',
] satisfies (keyof IdeaEdit)[]);

/** The idea's text after the edit: a field left out keeps its value, a business case field given `null` is cleared. */
function edited(idea: IdeaRecord, edit: IdeaEdit): IdeaText {
  const bc = edit.businessCase ?? {};
  const pick = <T>(given: T | undefined, current: T) => (given === undefined ? current : given);
  return {
    title: pick(edit.title, idea.title),
    description: pick(edit.description, idea.description),
    lane: pick(edit.lane, idea.lane),
    problem: pick(bc.problem, idea.problem),
    beneficiary: pick(bc.beneficiary, idea.beneficiary),
    valueType: pick(bc.valueType, idea.valueType),
    effortSize: pick(bc.effort, idea.effortSize),
    objective: pick(bc.objective, idea.objective),
  };
}

const businessCaseOf = (t: IdeaText): BusinessCase => ({
  problem: t.problem,
  beneficiary: t.beneficiary,
  valueType: t.valueType,
  effort: t.effortSize,
  objective: t.objective,
});

/** The 409 for an idea whose text can no longer change, or null. */
function notEditable(idea: IdeaRecord, statusLabel: string): ApiError | null {
  if (idea.mergedInto) return new ApiError(409, 'conflict.edit_merged_idea', { id: idea.id, into: idea.mergedInto });
  if (idea.closed) return new ApiError(409, 'conflict.edit_closed_idea', { id: idea.id, status: statusLabel });
  if (idea.state === 'rejected') return new ApiError(409, 'conflict.idea_rejected', {});
  return null;
}

/**
 * Edits an idea: its author, whoever recorded it for them, or a moderator — and evaluators, an
 * edit that only sorts it (units, sponsor, demand class, objectives) — 403 for anyone else who
 * may see it, 404 for whoever may not. Closed, merged and rejected ideas keep their text
 * (409). One batch writes the text before into `idea_revisions` (`after_scoring` when evaluators
 * had scored it), the new text with `edited_at`, and the discussion's title; an edit that changes
 * nothing writes nothing. The board's required business case fields must stay filled in (400).
 */
export async function editIdea(db: Database, tenant: Tenant, viewer: Viewer, actor: Actor, id: string, edit: IdeaEdit, now = Date.now()) {
  const tenantId = tenant.id;
  const settings = tenant.moderation;
  const windowStart = now - settings.repeatWindowMinutes * 60_000;
  const unitKeys = ideaUnitKeys(edit);
  const intake = intakeFieldChecks(db, tenant, id, edit);
  const [found, boardRows, standing, recent, grant, intakeRows, ...unitRows] = await db.batch([
    db
      .select({ idea: ideas, mine: ideaIsMine(tenantId, actor).as('edit_mine') })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, id))),
    ideaBoard(db, tenantId, id),
    selectStanding(db, tenantId, actor.subject, settings),
    db
      .select({ title: ideas.title, description: ideas.description })
      .from(ideas)
      .where(and(writtenBy(tenantId, actor, id), sql`${qualified(ideas.createdAt)} > ${windowStart}`, ne(ideas.state, 'rejected')))
      .orderBy(desc(ideas.createdAt))
      .limit(settings.repeatWindowMinutes > 0 ? 50 : 0),
    selectGrantedRole(db, tenantId, actor.subject),
    intake.statement,
    ...(unitKeys.length ? [selectUnitsByKeys(db, tenantId, unitKeys)] : []),
  ]);
  const row = found[0];
  const boardRow = boardRows[0];
  const role = effectiveRole(viewer, grant[0]?.role);
  const moderator = hasRole(role, 'moderator');
  const mine = row?.mine === 1;
  if (!row || !boardRow || (row.idea.state !== 'published' && !mine && !moderator)) throw notFound('not_found.idea', { id });
  const sorts = hasRole(role, 'evaluator') && Object.keys(edit).every((key) => SORTING_KEYS.has(key));
  if (!mine && !moderator && !sorts) throw new ApiError(403, 'forbidden.edit_others_idea', {});
  const { idea } = row;
  const board = toRecord(boardRow);
  const label = () => findStatus(board.statuses, idea.status)?.label ?? idea.status;
  const refused = notEditable(idea, label());
  if (refused) throw refused;
  assertMayPost(standing[0], now);
  const asModerator = !mine && moderator;
  const unitId = checkIdeaUnits(edit, unitRows[0] ?? []);
  const intakeValues = intake.check(intakeRows);

  const next = edited(idea, edit);
  // Units, the sponsor, the class and objectives are not text: they change without a revision or the moderation pipeline.
  const unitWrites = [
    ...ideaUnitWrites(db, tenantId, id, edit, unitId),
    ...intakeFieldWrites(db, tenantId, id, intakeValues, now, and(eq(ideas.closed, false), isNull(ideas.mergedInto))),
  ];
  if (TEXT_KEYS.every((key) => next[key] === idea[key])) {
    if (unitWrites.length > 0) await db.batch([upsertUser(db, tenantId, actor, now), ...unitWrites]);
    return getIdea(db, tenantId, actor, id, asModerator);
  }
  if (edit.businessCase !== undefined) checkRequiredFields(board.requiredFields, given(businessCaseOf(next)));
  const verdict = screen({
    item: 'idea',
    kind: 'edit',
    text: ideaText({ title: next.title, description: next.description, businessCase: businessCaseOf(next) }),
    author: { published: standing[0]?.published ?? 0, recentFingerprints: recent.map(ideaFingerprint) },
    settings,
    role,
  });

  // Written only while the idea is still editable: a close or a merge in between wins.
  const editable = and(
    eq(ideas.tenantId, tenantId),
    eq(ideas.id, id),
    eq(ideas.closed, false),
    isNull(ideas.mergedInto),
    ne(ideas.state, 'rejected'),
  );
  const results = await db.batch([
    upsertUser(db, tenantId, actor, now),
    db.insert(ideaRevisions).select(
      db
        .select({
          id: sql<string>`${newId()}`.as('id'),
          ideaId: ideas.id,
          tenantId: ideas.tenantId,
          title: ideas.title,
          description: ideas.description,
          lane: ideas.lane,
          problem: ideas.problem,
          beneficiary: ideas.beneficiary,
          valueType: ideas.valueType,
          effortSize: ideas.effortSize,
          objective: ideas.objective,
          afterScoring: sql<boolean>`${qualified(ideas.evaluations)} > 0`.as('after_scoring'),
          bySubject: sql<string>`${actor.subject}`.as('by_subject'),
          byName: sql<string>`${actor.name}`.as('by_name'),
          createdAt: sql<number>`${now}`.as('created_at'),
        })
        .from(ideas)
        .where(editable),
    ),
    db
      .update(ideas)
      .set({
        ...next,
        state: verdict ? 'pending' : 'published',
        moderationReason: verdict ? storedReason(verdict) : null,
        editedAt: now,
      })
      .where(editable),
    // The idea's discussion carries its title (item-threads.ts).
    db
      .update(threads)
      .set({ title: next.title })
      .where(
        and(
          eq(threads.tenantId, tenantId),
          eq(threads.key, ideaThreadKey(id)),
          sql`exists (select 1 from ${ideas} where ${qualified(ideas.tenantId)} = ${tenantId} and ${qualified(ideas.id)} = ${id} and ${qualified(ideas.editedAt)} = ${now})`,
        ),
      ),
    ...unitWrites,
    selectIdeas(db, tenantId, actor).where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, id))),
    // An edit the pipeline holds takes the idea back to the queue (only if this edit was written).
    ...(verdict
      ? heldStatements(db, tenantId, { kind: 'idea', id }, verdict, viewerUserId(tenantId, actor), {
          now,
          onlyIf: sql`exists (select 1 from ${ideas} where ${qualified(ideas.tenantId)} = ${tenantId} and ${qualified(ideas.id)} = ${id} and ${qualified(ideas.editedAt)} = ${now})`,
        })
      : []),
  ]);
  const stored = (results[4 + unitWrites.length] as IdeaRow[])[0];
  if (!stored) throw notFound('not_found.idea', { id });
  if (stored.idea.editedAt !== now) throw notEditable(stored.idea, label()) ?? new Error('The edit was not written.');
  return toIdea(stored, asModerator);
}

/**
 * The writes of an edit's units: the sponsor given (or, left out, the unit a new beneficiary's
 * text names, if any) and the impacted units given. Only while the idea is open.
 */
function ideaUnitWrites(db: Database, tenantId: string, id: string, edit: IdeaEdit, unitId: string | null | undefined) {
  const open = and(eq(ideas.tenantId, tenantId), eq(ideas.id, id), eq(ideas.closed, false), isNull(ideas.mergedInto));
  const beneficiary = edit.businessCase?.beneficiary;
  const sponsor =
    unitId !== undefined
      ? sql`${unitId}`
      : beneficiary
        ? sql`coalesce(${unitIdOfClaim(tenantId, beneficiary)}, ${qualified(ideas.unitId)})`
        : null;
  return [
    ...(sponsor ? [db.update(ideas).set({ unitId: sponsor }).where(open)] : []),
    ...(edit.impactedUnits !== undefined ? replaceIdeaUnits(db, tenantId, id, edit.impactedUnits) : []),
  ];
}

/** A business case as a new idea gives it: the fields that have a value. */
const given = (bc: BusinessCase): NewBusinessCase =>
  Object.fromEntries(Object.entries(bc).filter(([, value]) => value !== null)) as NewBusinessCase;

/**
 * What the idea said before each edit, newest first, for whoever may see the idea (as
 * `GET /ideas/{id}` decides: held and rejected ideas for their author, whoever recorded them and
 * moderators): one batch of three statements.
 */
export async function ideaRevisionsOf(db: Database, tenantId: string, viewer: Viewer, id: string): Promise<IdeaRevision[]> {
  const [found, grant, rows] = await db.batch([
    db
      .select({ state: ideas.state, mine: ideaIsMine(tenantId, viewer).as('revisions_mine') })
      .from(ideas)
      .where(and(eq(ideas.tenantId, tenantId), eq(ideas.id, id))),
    selectGrantedRole(db, tenantId, viewer.kind === 'user' ? viewer.subject : ''),
    db
      .select()
      .from(ideaRevisions)
      .where(and(eq(ideaRevisions.tenantId, tenantId), eq(ideaRevisions.ideaId, id)))
      // Two edits within one millisecond stay in the order they were made.
      .orderBy(desc(ideaRevisions.createdAt), desc(sql`"idea_revisions".rowid`)),
  ]);
  const idea = found[0];
  const visible = idea && (idea.state === 'published' || idea.mine === 1 || hasRole(effectiveRole(viewer, grant[0]?.role), 'moderator'));
  if (!visible) throw notFound('not_found.idea', { id });
  return rows.map((r) => ({
    title: r.title,
    description: r.description,
    lane: r.lane,
    businessCase: { problem: r.problem, beneficiary: r.beneficiary, valueType: r.valueType, effort: r.effortSize, objective: r.objective },
    afterScoring: r.afterScoring,
    by: r.byName,
    replacedAt: isoTime(r.createdAt),
  }));
}
