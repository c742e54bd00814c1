/**
 * The per-viewer statements of cached reads are built once per kind of viewer
 * (store/viewer-shape.ts): the viewer rules must write, for the stand-in of a viewer's shape
 * given their subject, exactly the SQL and parameters they write for the viewer.
 */

import { sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../src/auth/viewer.ts';
import { cardReadableBy, cardVisibleTo, isAdmin } from '../src/store/card-rows.ts';
import { readsUnit, seesEveryUnit } from '../src/store/unit-access.ts';
import { viewerUserId } from '../src/store/users.ts';
import { shapedViewer, viewerShape } from '../src/store/viewer-shape.ts';

const dialect = new SQLiteSyncDialect();
const T = 'tenant-1';

const person = { subject: 'sub-1', name: 'Ada', email: 'ada@example.com', businessUnit: 'finance', via: 'embed' } as const;
const VIEWERS: Record<string, Viewer> = {
  anonymous: { kind: 'anonymous' },
  member: { ...person, kind: 'user', claimRole: 'member' },
  moderator: { ...person, kind: 'user', claimRole: 'moderator', via: 'oidc' },
  evaluator: { ...person, kind: 'user', claimRole: 'evaluator', claimCio: false },
  'admin by claim': { ...person, kind: 'user', claimRole: 'admin' },
  'CIO by claim': { ...person, kind: 'user', claimRole: 'member', claimCio: true },
  'read key': { kind: 'apiKey', keyId: 'key-1', name: 'k', scopes: ['read'] },
  'admin key': { kind: 'apiKey', keyId: 'key-2', name: 'k', scopes: ['admin'] },
  platform: { kind: 'platform' },
};

/** Every viewer rule the shaped statements use, as one query. */
const rules = (viewer: Parameters<typeof viewerUserId>[1]) =>
  dialect.sqlToQuery(
    sql`${viewerUserId(T, viewer)} ${isAdmin(T, viewer)} ${seesEveryUnit(T, viewer)} ${readsUnit(T, viewer, sql`c.unit_id`)}
      ${cardReadableBy(T, viewer, 'c')} ${cardVisibleTo(T, viewer, 'c')}`,
  );

describe('viewer shapes', () => {
  for (const [name, viewer] of Object.entries(VIEWERS)) {
    it(`the rules write the same SQL for a ${name}'s shape as for them`, () => {
      const { shape, values } = viewerShape(viewer);
      expect(rules(shapedViewer(shape, values.subject))).toEqual(rules(viewer));
    });
  }

  it("the rules write the same SQL for an API key writer's shape (an actor with no kind of viewer) as for it", () => {
    const writer = { subject: 'apikey:key-3', name: 'k', email: null, businessUnit: null };
    const { shape, values } = viewerShape(writer);
    expect(rules(shapedViewer(shape, values.subject))).toEqual(rules(writer));
  });

  it('tells apart the viewers whose SQL differs', () => {
    const shapes = new Set(Object.values(VIEWERS).map((v) => JSON.stringify(viewerShape(v).shape)));
    expect(shapes.size).toBeGreaterThanOrEqual(6);
  });
});
