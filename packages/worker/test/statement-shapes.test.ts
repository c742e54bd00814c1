/**
 * Statements built once per shape (db/statement-shapes.ts): each shape's SQL is built once, each
 * request's values are bound as its columns map them, rows are read back as drizzle reads them,
 * and writes still go through the tenant binding (their versions bumped).
 */
import { env } from 'cloudflare:workers';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '../src/db/client.ts';
import { ideas } from '../src/db/schema.ts';
import { statementShapes } from '../src/db/statement-shapes.ts';
import { DEMO_TENANT } from '../src/dev/demo-data.ts';
import { versioned } from '../src/store/cache-versions.ts';

const IDEA = 'demo-idea-sso';

async function ideasVersion(): Promise<number> {
  const row = await env.DB.prepare("select version from cache_versions where tenant_id = ? and scope = 'ideas'")
    .bind(DEMO_TENANT.id)
    .first<{ version: number }>();
  return row?.version ?? 0;
}

describe('statements built once per shape', () => {
  it('builds each shape once and binds each call its own values; writes go through the tenant binding', async () => {
    let built = 0;
    const touch = statementShapes((db, v: { tenantId: string; id: string; closed: boolean }, shape: { titled: boolean }) => {
      built++;
      return [
        db
          .update(ideas)
          .set({ title: sql`title` })
          .where(and(eq(ideas.tenantId, v.tenantId), eq(ideas.id, v.id))),
        db
          .select({ id: ideas.id, closed: ideas.closed, ...(shape.titled ? { title: ideas.title } : {}) })
          .from(ideas)
          .where(and(eq(ideas.tenantId, v.tenantId), eq(ideas.id, v.id), eq(ideas.closed, v.closed))),
      ] as const;
    });
    const db = database(versioned(env.DB, DEMO_TENANT.id));
    const before = await ideasVersion();

    const [changed, open] = await db.batch(touch(db, { tenantId: DEMO_TENANT.id, id: IDEA, closed: false }, { titled: false }));
    expect(changed.meta.changes).toBeGreaterThan(0);
    // Read back as drizzle maps the columns: `closed` a boolean, bound as 0 through its column.
    expect(open).toEqual([{ id: IDEA, closed: false }]);
    const [, none] = await db.batch(touch(db, { tenantId: DEMO_TENANT.id, id: 'no-such-idea', closed: false }, { titled: false }));
    expect(none).toEqual([]);
    const [, closed] = await db.batch(touch(db, { tenantId: DEMO_TENANT.id, id: IDEA, closed: true }, { titled: false }));
    expect(closed).toEqual([]);
    expect(built).toBe(1);

    const [, titled] = await db.batch(touch(db, { tenantId: DEMO_TENANT.id, id: IDEA, closed: false }, { titled: true }));
    expect(titled).toEqual([{ id: IDEA, closed: false, title: expect.any(String) }]);
    expect(built).toBe(2);
    // Three updates that changed the idea, one that found none.
    expect(await ideasVersion()).toBe(before + 3);
  });
});
