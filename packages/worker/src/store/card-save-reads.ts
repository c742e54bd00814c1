/**
 * What a card save reads before it writes (store/cards.ts): the card and its template, and the
 * context its checks go by. Built once per shape (db/statement-shapes.ts), not per save: building
 * these statements' SQL was the largest part of a save's SQL building (bench/profile.ts). The
 * viewer's rules change their text only with the viewer's shape (store/viewer-shape.ts); the
 * saver's own part (their user id, standing, grants and side) only with their subject, a value.
 */
import type { LinkKind, RelationshipSide } from '@bridgekit/sdk';
import { and, eq, getTableColumns, type Placeholder, sql } from 'drizzle-orm';
import { type Actor, selectGrantedRole } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { businessUnits, cards, cardTemplates, ideas, tenants, threads, users } from '../db/schema.ts';
import { inList, jsonList, qualified } from '../db/sql.ts';
import { statementShapes } from '../db/statement-shapes.ts';
import { normaliseAlias } from '../domain/business-units.ts';
import { unitIdOfAlias } from './business-units.ts';
import { cardColumns, cardReadableBy, myEditColumn } from './card-rows.ts';
import type { Saver } from './cards.ts';
import { selectStanding } from './standing.ts';
import { templatesVersion } from './templates.ts';
import type { Tenant } from './tenants.ts';
import { sideOfUnit, viewerSide } from './unit-access.ts';
import { viewerUserId } from './users.ts';
import { shapedViewer, type ViewerShape, viewerShape } from './viewer-shape.ts';

/** The handles and link targets a save names: what its context reads look up. */
export interface References {
  handles: string[];
  links: Record<LinkKind, string[]>;
}

/** A save's values for its shaped reads. Lists are bound as JSON ({@link jsonList}). */
interface ReadValues {
  tenantId: string;
  /** The viewer's subject (their rules'), and the saver's (their user id, standing, grants, side). */
  subject: string | null;
  saverSubject: string;
  handles: string;
  cardIds: string;
  ideaIds: string;
  threadIds: string;
  /** The unit key the save names ('\u0000' for none: no unit has it). */
  unitKey: string;
  /** The unit the saver's token claims, as aliases are kept (null for none). */
  claimAlias: string | null;
  /** The card saved (the card reads only). */
  id: string;
}

interface ReadShape extends ViewerShape {
  /** Pre-moderation of new users: the saver's standing counts what they published. */
  newUsers: boolean;
}

/** The saver as the statements see them: their subject, a value. */
const saverOf = (subject: string): Actor => ({ subject, name: '', email: null, businessUnit: null });

/** A list's placeholder, as {@link inList} takes it (the shape's build sees placeholders where the values go). */
const listOf = (placeholder: string) => placeholder as unknown as Placeholder;

const contextShape = statementShapes((db, v: ReadValues, shape: ReadShape) => {
  const viewer = shapedViewer(shape, v.subject);
  const saver = saverOf(v.saverSubject);
  return [
    selectStanding(db, v.tenantId, v.saverSubject, { preModeration: shape.newUsers ? 'new_users' : 'off' }),
    selectGrantedRole(db, v.tenantId, v.saverSubject),
    db
      .select({ id: users.id, handle: users.handle, name: users.name })
      .from(users)
      .where(and(eq(users.tenantId, v.tenantId), inList(qualified(users.handle), listOf(v.handles)))),
    db
      .select({ id: cards.id })
      .from(cards)
      .where(
        and(
          eq(cards.tenantId, v.tenantId),
          eq(cards.state, 'published'),
          cardReadableBy(v.tenantId, viewer),
          inList(qualified(cards.id), listOf(v.cardIds)),
        ),
      ),
    db
      .select({ id: ideas.id })
      .from(ideas)
      .where(and(eq(ideas.tenantId, v.tenantId), eq(ideas.state, 'published'), inList(qualified(ideas.id), listOf(v.ideaIds)))),
    db
      .select({ id: threads.id })
      .from(threads)
      .where(and(eq(threads.tenantId, v.tenantId), inList(qualified(threads.id), listOf(v.threadIds)))),
    db
      .select({ id: businessUnits.id, archivedAt: businessUnits.archivedAt })
      .from(businessUnits)
      .where(and(eq(businessUnits.tenantId, v.tenantId), eq(businessUnits.key, v.unitKey))),
    // The saver's side as this save's refresh of them from their token leaves it (`upsertUser`
    // stores the unit their claim names), else as stored: `viewerSide`'s rule.
    db
      .select({
        side: sql<RelationshipSide | null>`coalesce(${sideOfUnit(unitIdOfAlias(v.tenantId, v.claimAlias))}, ${viewerSide(v.tenantId, saver)})`,
      })
      .from(tenants)
      .where(eq(tenants.id, v.tenantId)),
  ] as const;
});

const cardShape = statementShapes((db, v: ReadValues, shape: ReadShape) => {
  const viewer = shapedViewer(shape, v.subject);
  const saver = saverOf(v.saverSubject);
  return [
    db
      .select({
        ...cardColumns(v.tenantId, saver),
        myEdit: myEditColumn(v.tenantId, saver),
        me: sql<string | null>`${viewerUserId(v.tenantId, saver)}`,
      })
      .from(cards)
      .where(and(eq(cards.tenantId, v.tenantId), eq(cards.id, v.id), cardReadableBy(v.tenantId, viewer))),
    db
      .select({ ...getTableColumns(cardTemplates), templatesVersion: templatesVersion(v.tenantId).as('templates_version') })
      .from(cardTemplates)
      .where(
        and(
          eq(cardTemplates.tenantId, v.tenantId),
          sql`${qualified(cardTemplates.id)} = (select c.template_id from ${cards} c where c.tenant_id = ${v.tenantId} and c.id = ${v.id})`,
        ),
      ),
  ] as const;
});

function shaped(tenant: Tenant, { viewer, actor }: Saver, refs: References, unitKey: string | null, id: string) {
  const { shape, values } = viewerShape(viewer);
  return {
    shape: { ...shape, newUsers: tenant.moderation.preModeration === 'new_users' },
    values: {
      tenantId: tenant.id,
      subject: values.subject,
      saverSubject: actor.subject,
      handles: jsonList(refs.handles),
      cardIds: jsonList(refs.links.card),
      ideaIds: jsonList(refs.links.idea),
      threadIds: jsonList(refs.links.thread),
      unitKey: unitKey ?? '\u0000',
      claimAlias: actor.businessUnit == null ? null : normaliseAlias(actor.businessUnit),
      id,
    },
  };
}

/**
 * The reads a save's checks need, for its batch: the saver's standing, their granted role, the
 * people named, the cards, ideas and threads linked (only published cards the saver may read and
 * published ideas), the unit named and the saver's side.
 */
export function contextStatements(db: Database, tenant: Tenant, saver: Saver, refs: References, unitKey: string | null) {
  const { shape, values } = shaped(tenant, saver, refs, unitKey, '');
  return contextShape(db, values, shape);
}

/**
 * A save's first reads: the card as the saver may read it (with their held edit and their user
 * id), its template when it is a tenant's (with the version of the tenant's templates), then
 * {@link contextStatements}.
 */
export function saveReads(db: Database, tenant: Tenant, saver: Saver, id: string, refs: References, unitKey: string | null) {
  const { shape, values } = shaped(tenant, saver, refs, unitKey, id);
  return [...cardShape(db, values, shape), ...contextShape(db, values, shape)] as const;
}
