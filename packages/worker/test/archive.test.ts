import { env } from 'cloudflare:workers';
import { ARCHIVE_FORMAT, type ArchiveImport, type ArchiveImportResult, type SearchResults } from '@bridgekit/sdk';
import { getTableName } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { EXPORT_PAGE_ROWS, writeArchive } from '../src/archive/export.ts';
import { ARCHIVE_TABLES, EXCLUDED_TABLES, SETTINGS } from '../src/archive/tables.ts';
import { database } from '../src/db/client.ts';
import * as schema from '../src/db/schema.ts';
import { DEMO_THREAD } from '../src/dev/demo-data.ts';
import { countingD1 } from './counting-d1.ts';
import { admin, call, configureEntra, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const tenantUrl = (slug: string) => `${ORIGIN}/v1/tenants/${slug}`;

async function exportOf(slug: string): Promise<string[]> {
  const res = await admin(`${tenantUrl(slug)}/export`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  return (await res.text()).split('\n').filter((l) => l !== '');
}

async function newTenant(slug: string): Promise<void> {
  const res = await admin(`${ORIGIN}/v1/admin/tenants`, 'POST', { slug, name: `Tenant ${slug}` });
  expect(res.status).toBe(201);
}

const importChunk = (slug: string, body: ArchiveImport) => admin(`${tenantUrl(slug)}/import`, 'POST', body);

/** Imports `lines` in chunks of `size`, as the CLI does. */
async function importAll(slug: string, lines: string[], size: number): Promise<ArchiveImportResult[]> {
  const results: ArchiveImportResult[] = [];
  let continuation: string | undefined;
  for (let i = 0; i < lines.length; i += size) {
    const res = await importChunk(slug, {
      format: ARCHIVE_FORMAT,
      version: 1,
      firstLine: i + 1,
      lines: lines.slice(i, i + size),
      ...(continuation ? { continuation } : {}),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const result = await json<ArchiveImportResult>(res);
    continuation = result.continuation;
    results.push(result);
  }
  return results;
}

const header = (version = 1) =>
  JSON.stringify({ format: ARCHIVE_FORMAT, version, exportedAt: '2026-01-01T00:00:00.000Z', tenant: { slug: 'x', name: 'X' } });

/** Gives the demo tenant a row in every table of the archive that its seed leaves empty, through the API where it has a way. */
async function fillEveryTable(): Promise<void> {
  expect((await configureEntra()).status).toBe(200);
  const template = await admin(`${DEMO}/templates/supplier-review`, 'PUT', {
    id: 'supplier-review',
    name: 'Supplier review',
    fields: [{ key: 'notes', label: 'Notes', type: 'text' }],
  });
  expect(template.status).toBe(200);
  const amara = await token({ sub: 'demo|amara', name: 'Amara Okafor', bu: 'Finance' });
  const lukas = await token({ sub: 'demo|lukas', name: 'Lukas Meyer' });
  const posted = await call(`${DEMO}/threads/comments`, {
    method: 'POST',
    token: amara,
    body: JSON.stringify({ key: DEMO_THREAD.key, body: 'Archive check: thanks @lukas.meyer for the **invoice** pointers.' }),
  });
  expect(posted.ok, await posted.clone().text()).toBe(true);
  const { id } = await json<{ id: string }>(posted);
  const edited = await call(`${DEMO}/comments/${id}`, {
    method: 'PATCH',
    token: amara,
    body: JSON.stringify({ body: 'Archive check: thanks @lukas.meyer for the **invoice matching** pointers.' }),
  });
  expect(edited.status).toBe(200);
  expect((await call(`${DEMO}/comments/${id}/flags`, { method: 'POST', token: lukas, body: JSON.stringify({ reason: 'spam' }) })).ok).toBe(
    true,
  );
  const now = Date.now();
  const card = 'demo-card-business-case';
  await env.DB.batch([
    env.DB.prepare(
      "insert into idea_revisions (id, idea_id, tenant_id, title, description, lane, by_subject, by_name, created_at) values ('rev-1', 'demo-idea-invoice', 'demo-tenant', 'Older title', 'Older text', 'opportunity', 'demo|amara', 'Amara Okafor', ?)",
    ).bind(now),
    env.DB.prepare(
      "insert into card_helped (card_id, user_id, tenant_id, created_at) values (?, 'demo-user-lukas', 'demo-tenant', ?)",
    ).bind(card, now),
    env.DB.prepare(
      "insert into card_edits (id, card_id, tenant_id, author_id, base_version, state, reason, content, by_name, by_subject, created_at) values ('edit-1', ?, 'demo-tenant', 'demo-user-lukas', 1, 'pending', 'held.first_post', ?, 'Lukas Meyer', 'demo|lukas', ?)",
    ).bind(
      card,
      JSON.stringify({
        templateVersion: 1,
        title: 'Edited',
        fields: { summary: 'A **bold** claim' },
        rendered: { summary: '<p>A <strong>bold</strong> claim</p>' },
        searchText: '',
        links: [],
        note: null,
      }),
      now,
    ),
    env.DB.prepare(
      "insert into moderation_log (id, tenant_id, action, actor_subject, actor_name, target_type, target_id, reason, created_at) values ('log-1', 'demo-tenant', 'pin', 'demo|mei', 'Mei Chen', 'comment', 'demo-comment-1', null, ?)",
    ).bind(now),
    env.DB.prepare(
      "insert or ignore into subscriptions (user_id, tenant_id, target, target_id, source, active, created_at) values ('demo-user-mei', 'demo-tenant', 'idea', 'demo-idea-invoice', 'manual', 1, ?)",
    ).bind(now),
    env.DB.prepare(
      `insert into notification_settings (user_id, tenant_id, email) values ('demo-user-mei', 'demo-tenant', '{"mention":"daily"}')`,
    ),
    // Business units (the seed has units, aliases and a team): a unit inside another (exported
    // before it), an idea's impacted unit and a CIO grant beside a level.
    env.DB.prepare("update business_units set parent_id = 'demo-unit-sales' where id = 'demo-unit-finance'"),
    env.DB.prepare(
      "insert into idea_units (idea_id, unit_id, tenant_id) values ('demo-idea-invoice', 'demo-unit-operations', 'demo-tenant')",
    ),
    env.DB.prepare(
      "insert into user_roles (tenant_id, subject, role, granted_by, created_at) values ('demo-tenant', 'demo|mei', 'cio', 'test', ?)",
    ).bind(now),
    // A closed health round with an invitation and an answer.
    env.DB.prepare(
      `insert into health_rounds (id, tenant_id, unit_id, title, items, closes_on, closed_at, created_by, created_at) values ('hr_archive', 'demo-tenant', 'demo-unit-finance', 'Finance, archived', '[{"key":"responsiveness","rates":"provider","label":"Responds quickly"}]', '2026-03-31', ?, 'demo-user-amara', ?)`,
    ).bind(now, now),
    env.DB.prepare(
      "insert into health_invitations (round_id, user_id, tenant_id, side, responded_at, created_at) values ('hr_archive', 'demo-user-lukas', 'demo-tenant', 'business', ?, ?)",
    ).bind(now, now),
    env.DB.prepare(
      "insert into health_answers (round_id, user_id, tenant_id, item_key, score, comment) values ('hr_archive', 'demo-user-lukas', 'demo-tenant', 'responsiveness', 3, 'Fine')",
    ),
    // From objective to value: an objective an idea serves, the idea's sponsor, class, intake step
    // and business case, its intake decision, a benefit of its value plan with a measurement, and
    // the tenant's own demand classes and cockpit settings.
    env.DB.prepare(
      "insert into unit_objectives (id, tenant_id, unit_id, title, kpi, horizon, position, created_at, updated_at) values ('obj_archive', 'demo-tenant', 'demo-unit-finance', 'Close in five days', 'days to close', 'this-year', 0, ?, ?)",
    ).bind(now, now),
    env.DB.prepare(
      "insert into objective_links (objective_id, tenant_id, item_kind, item_id, created_at) values ('obj_archive', 'demo-tenant', 'idea', 'demo-idea-invoice', ?)",
    ).bind(now),
    env.DB.prepare(
      "update ideas set sponsor_id = 'demo-user-lukas', demand_class = 'grow', intake_step = 'approved', case_card_id = ? where id = 'demo-idea-invoice'",
    ).bind(card),
    env.DB.prepare(
      "insert into intake_decisions (id, tenant_id, idea_id, step, forum, decided_on, decider_id, note, created_by, created_at) values ('in_archive', 'demo-tenant', 'demo-idea-invoice', 'approved', 'Finance demand board', '2026-11-02', 'demo-user-lukas', 'Go', 'demo-user-amara', ?)",
    ).bind(now),
    env.DB.prepare(
      "insert into value_benefits (id, tenant_id, card_id, idea_id, unit_id, objective_id, title, measure, baseline, target, owner_id, benefit_class, due_on, position, created_at, updated_at) values ('vb_archive', 'demo-tenant', ?, 'demo-idea-invoice', 'demo-unit-finance', 'obj_archive', 'Days to close', 'days', 9, 5, 'demo-user-lukas', 'hard', '2027-06-30', 0, ?, ?)",
    ).bind(card, now, now),
    env.DB.prepare(
      "insert into value_actuals (id, tenant_id, benefit_id, measured_on, value, note, recorded_by, created_at) values ('va_archive', 'demo-tenant', 'vb_archive', '2026-12-01', 7.5, 'First month', 'demo-user-amara', ?)",
    ).bind(now),
    env.DB.prepare(
      `update tenants set demand_classes = '[{"key":"run","label":"Run"},{"key":"comply","label":"Comply"}]', insights = '{"minGroupSize":7}' where id = 'demo-tenant'`,
    ),
  ]);
}

describe('the archive registry', () => {
  it('accounts for every table of the schema: in the archive, or left out with a reason', () => {
    const tables: string[] = (Object.values(schema) as unknown[])
      .filter((v): v is SQLiteTable => v instanceof SQLiteTable)
      .map((t) => getTableName(t));
    const archived = ARCHIVE_TABLES.map((t) => t.name);
    const unaccounted = tables.filter((t) => !archived.includes(t) && !(t in EXCLUDED_TABLES));
    expect(unaccounted).toEqual([]);
    expect(archived.filter((t) => t in EXCLUDED_TABLES)).toEqual([]);
    expect(Object.keys(EXCLUDED_TABLES).filter((t) => !tables.includes(t))).toEqual([]);
    // Each table after those it refers to: the import inserts in this order with the foreign keys on.
    const position = new Map(archived.map((t, i) => [t, i]));
    for (const entry of ARCHIVE_TABLES) {
      for (const fk of getTableConfig(entry.table).foreignKeys.map((k) => getTableName(k.reference().foreignTable))) {
        if (fk === 'tenants' || fk === entry.name) continue;
        expect(position.get(fk), `${entry.name} refers to ${fk}`).toBeLessThan(position.get(entry.name) ?? -1);
      }
    }
  });
});

describe('export', () => {
  it('reads a page of at most EXPORT_PAGE_ROWS rows per statement, and no page before the reader takes the one before', async () => {
    // More origins than two pages hold.
    const n = 2 * EXPORT_PAGE_ROWS + 7;
    await env.DB.batch(
      Array.from({ length: n }, (_, i) =>
        env.DB.prepare("insert into tenant_origins (tenant_id, origin, created_at) values ('demo-tenant', ?, 0)").bind(
          `https://o${i}.example`,
        ),
      ),
    );
    const rows: Record<string, number> = {};
    for (const entry of ARCHIVE_TABLES) {
      const r = await env.DB.prepare(`select count(*) as n from ${entry.name} where tenant_id = 'demo-tenant'`).first<{ n: number }>();
      rows[entry.name] = r?.n ?? 0;
    }
    const { db: d1, counts } = countingD1(env.DB);
    const { readable, writable } = new IdentityTransformStream();
    const done = writeArchive(database(d1), { id: 'demo-tenant', slug: 'demo', name: 'Contoso (demo)' }, writable);
    const reader = readable.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let reads = 0;
    for (;;) {
      // The writer is never more than a page ahead of what was read.
      expect(counts.statements).toBeLessThanOrEqual(reads + 1);
      const { value, done: end } = await reader.read();
      if (end) break;
      reads++;
      const chunk = decoder.decode(value, { stream: true });
      expect(chunk.split('\n').filter((l) => l.startsWith('{"t"')).length).toBeLessThanOrEqual(EXPORT_PAGE_ROWS);
      text += chunk;
      await new Promise((r) => setTimeout(r, 0));
    }
    await done;
    // One statement for the settings, and per table one per full page plus the last.
    const pages = ARCHIVE_TABLES.reduce((sum, t) => sum + Math.floor((rows[t.name] ?? 0) / EXPORT_PAGE_ROWS) + 1, 0);
    expect(counts.statements).toBe(1 + pages);
    const trailer = JSON.parse(text.trim().split('\n').at(-1) ?? '{}');
    expect(trailer.counts.tenant_origins).toBe(rows.tenant_origins);
    expect(new Set(text.split('\n').filter((l) => l.startsWith('{"t":"tenant_origins"'))).size).toBe(rows.tenant_origins);
  });

  it('needs the admin role', async () => {
    const member = await token();
    expect((await call(`${DEMO}/export`, { token: member })).status).toBe(403);
    expect((await call(`${DEMO}/export`)).status).toBe(401);
  });

  it("never holds another tenant's rows", async () => {
    await seedOtherTenant();
    const other = (await exportOf('other')).join('\n');
    for (const marker of ['demo-tenant', 'demo-user-', 'demo-idea-', 'Contoso', 'Amara']) expect(other).not.toContain(marker);
    expect(other).toContain('Fabrikam confidential plan');
    const demo = (await exportOf('demo')).join('\n');
    for (const marker of ['other-tenant', 'other-user', 'other-idea', 'Fabrikam']) expect(demo).not.toContain(marker);
  });
});

describe('import', () => {
  it('refuses a tenant with content', async () => {
    const res = await importChunk('demo', { format: ARCHIVE_FORMAT, version: 1, firstLine: 1, lines: [header()] });
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ reason: 'conflict.import_not_empty', params: { tenant: 'demo' } });
  });

  it('names the malformed line, the unknown table and the wrong version, and writes nothing', async () => {
    await newTenant('bad-lines');
    const settings = JSON.stringify({ t: SETTINGS, r: { anonymousRead: true } });
    const cases: [string[], string, Record<string, unknown>][] = [
      [[header(), settings, '{"t":"users","r":'], 'validation_failed.archive_line', { line: 3 }],
      [[header(), settings, '{"t":"secrets","r":{}}'], 'validation_failed.archive_table', { line: 3, table: 'secrets' }],
      [[header(), '{"t":"boards","r":{"id":"b1","slug":"x"}}'], 'validation_failed.archive_record', { line: 2, table: 'boards' }],
      [
        [header(), '{"t":"users","r":{"id":"u","subject":"s","name":"N","lastSeenAt":1}}', settings],
        'validation_failed.archive_order',
        { line: 3 },
      ],
      [[header(2), settings], 'validation_failed.archive_version', { version: '2' }],
      [['{"hello":1}'], 'validation_failed.archive_header', {}],
    ];
    for (const [lines, reason, params] of cases) {
      const res = await importChunk('bad-lines', { format: ARCHIVE_FORMAT, version: 1, firstLine: 1, lines });
      expect(res.status, lines.join('\n')).toBe(400);
      const error = await errorOf(res);
      expect(error).toMatchObject({ reason, params });
      if ('line' in params) expect(error.message).toContain(`Line ${params.line}`);
    }
    const tenant = await env.DB.prepare("select anonymous_read as a from tenants where slug = 'bad-lines'").first<{ a: number }>();
    expect(tenant?.a).toBe(0);
    // A later chunk without the continuation of the one before.
    const orphan = await importChunk('bad-lines', { format: ARCHIVE_FORMAT, version: 1, firstLine: 5, lines: [settings] });
    expect(orphan.status).toBe(409);
    expect((await errorOf(orphan)).reason).toBe('conflict.import_continuation');
  });

  it('takes no HTML from the file: comments and card fields are rendered again from their Markdown', async () => {
    await newTenant('html');
    const at = 1_700_000_000_000;
    const lines = [
      header(),
      JSON.stringify({ t: 'users', r: { id: 'h-user', subject: 'h|1', name: 'Hana', handle: 'hana', lastSeenAt: at } }),
      JSON.stringify({ t: 'threads', r: { id: 'h-thread', key: 'h-key', startedBy: 'h-user', commentCount: 1 } }),
      JSON.stringify({
        t: 'comments',
        r: {
          id: 'h-comment',
          threadId: 'h-thread',
          rootId: 'h-comment',
          authorId: 'h-user',
          body: 'Hello **there**, @hana',
          html: '<img src=x onerror=alert(1)>',
          fingerprint: 'f',
          state: 'published',
          updatedAt: at,
        },
      }),
      JSON.stringify({ end: ARCHIVE_FORMAT, counts: { users: 1, threads: 1, comments: 1 } }),
    ];
    expect((await importAll('html', lines, 10)).at(-1)?.complete).toBe(true);
    const stored = await env.DB.prepare("select html from comments where id = 'h-comment'").first<{ html: string }>();
    expect(stored?.html).not.toContain('onerror');
    expect(stored?.html).toMatch(/^<p>Hello <strong>there<\/strong>, <span class="bk-mention" data-handle="hana">@hana<\/span><\/p>/);
  });

  it('refuses an archive cut short: the counts of its last line do not add up', async () => {
    await newTenant('cut-short');
    const user = JSON.stringify({ t: 'users', r: { id: 'cut-user', subject: 'cut|1', name: 'Cut', lastSeenAt: 1 } });
    const trailer = JSON.stringify({ end: ARCHIVE_FORMAT, counts: { users: 2 } });
    const res = await importChunk('cut-short', { format: ARCHIVE_FORMAT, version: 1, firstLine: 1, lines: [header(), user, trailer] });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ reason: 'validation_failed.archive_counts', params: { line: 3 } });
    expect(await env.DB.prepare("select count(*) as n from users where id = 'cut-user'").first()).toEqual({ n: 0 });
  });

  it('export → import into a new, empty tenant → export: the same archive, every content type, search included', async () => {
    await fillEveryTable();
    const first = await exportOf('demo');
    const counts = JSON.parse(first.at(-1) ?? '{}').counts as Record<string, number>;
    const empty = Object.entries(counts).filter(([, n]) => n === 0);
    expect(empty).toEqual([]);
    const records = first.slice(1, -1).map((l) => JSON.parse(l) as { t: string; r: Record<string, unknown> });
    expect(records.find((x) => x.t === SETTINGS)?.r).toMatchObject({
      demandClasses: [{ key: 'run' }, { key: 'comply' }],
      insights: { minGroupSize: 7 },
    });
    expect(records.find((x) => x.t === 'ideas' && x.r.id === 'demo-idea-invoice')?.r).toMatchObject({
      sponsorId: 'demo-user-lukas',
      demandClass: 'grow',
      intakeStep: 'approved',
      caseCardId: 'demo-card-business-case',
    });
    expect(records.find((x) => x.t === 'value_actuals' && x.r.id === 'va_archive')?.r).toMatchObject({
      value: 7.5,
      recordedBy: 'demo-user-amara',
    });
    expect(Object.keys(counts)).not.toContain('unit_rollups');
    // Ids are kept: another tenant of this deployment cannot take them while demo has them.
    await newTenant('copy');
    const clash = await importAll('copy', first, 400).catch((e: Error) => e);
    expect(clash).toBeInstanceOf(Error);
    expect(
      await env.DB.prepare("select count(*) as n from users where tenant_id = (select id from tenants where slug = 'copy')").first(),
    ).toEqual({
      n: 0,
    });
    // Moved: the original removed, the archive imported into a new tenant.
    await env.DB.prepare("delete from tenants where id = 'demo-tenant'").run();
    await newTenant('moved');
    const results = await importAll('moved', first, 37);
    expect(results.at(-1)?.complete).toBe(true);
    const imported: Record<string, number> = {};
    for (const r of results) for (const [t, n] of Object.entries(r.imported)) imported[t] = (imported[t] ?? 0) + n;
    expect(imported).toEqual(counts);

    const second = await exportOf('moved');
    const withoutTenant = (lines: string[]) => {
      const { exportedAt: _, tenant: __, ...head } = JSON.parse(lines[0] ?? '{}');
      return [head, ...lines.slice(1)];
    };
    expect(withoutTenant(second)).toEqual(withoutTenant(first));

    // Written as the normal paths write: the full-text index finds ideas, comments and cards.
    const search = await call(`${tenantUrl('moved')}/search?q=${encodeURIComponent('invoice matching')}&limit=50`, {
      token: env.BRIDGEKIT_ADMIN_TOKEN ?? '',
    });
    expect(search.status, await search.clone().text()).toBe(200);
    const kinds = new Set((await json<SearchResults>(search)).hits.map((h) => h.kind));
    expect(kinds).toEqual(new Set(['idea', 'comment', 'card']));
  }, 30_000);
});
