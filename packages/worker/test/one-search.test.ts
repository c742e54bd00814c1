/**
 * One search across ideas, comments and cards (`GET /search`): ranking, kinds and filters,
 * snippets with marks, what is never found (held, rejected, merged, a held idea's discussion,
 * another tenant's), hostile query text, and the snippet and merge rules on their own.
 */
import { env } from 'cloudflare:workers';
import type { SearchHit, SearchResults } from '@bridgekit/sdk';
import { textReason } from '@bridgekit/sdk/text-rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeRanked, SNIPPET_MAX, toSnippet } from '../src/store/search-results.ts';
import { call, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const OTHER = `${ORIGIN}/v1/tenants/other`;
const OTHER_SECRET = 'other-tenant-secret-0123456789abcdef';
const DAY = 86_400_000;

const search = async (query: string, init: { token?: string; base?: string } = {}) => {
  const res = await call(`${init.base ?? DEMO}/search?${query}`, init.token ? { token: init.token } : {});
  expect(res.status, query).toBe(200);
  return json<SearchResults>(res);
};
const q = (words: string, rest = '') => `q=${encodeURIComponent(words)}${rest}`;
const ids = (r: SearchResults) => r.hits.map((h) => `${h.kind}:${h.id}`);
const marked = (h: SearchHit) => h.snippet.marks.map(([start, end]) => h.snippet.text.slice(start, end).toLowerCase());

/** Ideas, cards, threads and comments about quokka telemetry, straight into D1 (every state at once). */
async function seedQuokkas(): Promise<void> {
  const now = Date.now();
  const idea = (id: string, board: string, title: string, description: string, extra: Record<string, string | number | null> = {}) => {
    const row: Record<string, string | number | null> = {
      id,
      tenant_id: 'demo-tenant',
      board_id: board,
      author_id: 'demo-user-amara',
      title,
      description,
      created_at: now,
      ...extra,
    };
    const columns = Object.keys(row);
    return env.DB.prepare(`insert into ideas (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`).bind(
      ...Object.values(row),
    );
  };
  const card = (
    id: string,
    title: string,
    summary: string,
    extra: { state?: string; obsolete?: boolean; updatedAt?: number; tags?: string } = {},
  ) =>
    env.DB.prepare(
      `insert into cards (id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, version, save_id, created_by, updated_by, updated_at, state, obsolete_at, author_id)
       values (?, 'demo-tenant', 'business-case', 1, ?, ?, '{}', '{}', ?, ?, 1, 's', 'Test', 'Test', ?, ?, ?, 'demo-user-amara')`,
    ).bind(
      id,
      title,
      summary,
      `Business case ${summary}`,
      extra.tags ?? '["value-realization"]',
      extra.updatedAt ?? now,
      extra.state ?? 'published',
      extra.obsolete ? now : null,
    );
  const thread = (id: string, key: string, title: string | null, comments: number) =>
    env.DB.prepare(
      "insert into threads (id, tenant_id, key, title, started_by, comment_count, created_at) values (?, 'demo-tenant', ?, ?, 'demo-user-lukas', ?, ?)",
    ).bind(id, key, title, comments, now);
  const comment = (id: string, threadId: string, body: string, state = 'published', createdAt = now) =>
    env.DB.prepare(
      `insert into comments (id, tenant_id, thread_id, root_id, author_id, body, html, fingerprint, state, updated_at, created_at)
       values (?, 'demo-tenant', ?, ?, 'demo-user-lukas', ?, ?, ?, ?, ?, ?)`,
    ).bind(id, threadId, id, body, `<p>${body}</p>`, id, state, createdAt, createdAt);
  await env.DB.batch([
    idea(
      'q-idea',
      'demo-board-general',
      'Quokka telemetry for warehouse scanners',
      'Scanners send quokka telemetry every minute, so stock counts stay right between the nightly runs.',
    ),
    idea('q-idea-people', 'demo-board-people', 'A quokka kiosk for new starters', 'Badges and laptops handed out by a friendly kiosk.', {
      status: 'planned',
      status_category: 'planned',
      status_changed_at: now - 40 * DAY,
      created_at: now - 50 * DAY,
    }),
    idea('q-idea-held', 'demo-board-general', 'Quokka telemetry held back', 'Waiting for a moderator.', { state: 'pending' }),
    idea('q-idea-rejected', 'demo-board-general', 'Quokka telemetry rejected', 'Refused by a moderator.', { state: 'rejected' }),
    idea('q-idea-merged', 'demo-board-general', 'Quokka telemetry again', 'A duplicate.', { merged_into: 'q-idea', status: 'merged' }),
    card('q-card', 'Quokka telemetry playbook', 'How three plants rolled out quokka telemetry on their scanners.'),
    card('q-card-old', 'Quokka telemetry playbook, first edition', 'How three plants rolled out quokka telemetry on their scanners.', {
      obsolete: true,
      updatedAt: now - 400 * DAY,
      tags: '["portfolio-management"]',
    }),
    card('q-card-held', 'Quokka telemetry secrets', 'Held for review.', { state: 'pending' }),
    thread('q-thread', 'warehouse-scanners', 'Warehouse scanners', 2),
    comment('q-comment', 'q-thread', 'We tried **quokka telemetry** last year;\n\nthe batteries died after a week.'),
    comment('q-comment-held', 'q-thread', 'Quokka telemetry secret, held for review', 'pending'),
    comment('q-comment-removed', 'q-thread', 'Quokka telemetry rant, removed', 'removed'),
    thread('q-thread-idea', 'idea:q-idea', null, 1),
    comment('q-comment-idea', 'q-thread-idea', 'Would quokka telemetry work on the old scanners too?'),
    thread('q-thread-held-idea', 'idea:q-idea-held', null, 1),
    comment('q-comment-held-idea', 'q-thread-held-idea', 'Quokka telemetry talk under a held idea'),
    thread('q-thread-held-card', 'card:q-card-held', null, 1),
    comment('q-comment-held-card', 'q-thread-held-card', 'Quokka telemetry talk under a held card'),
  ]);
}

beforeAll(async () => {
  await seedOtherTenant();
  await seedQuokkas();
  // The other tenant talks about quokka telemetry too; none of it may reach demo's readers.
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      "insert into ideas (id, tenant_id, board_id, author_id, title, description, created_at) values ('q-other-idea', 'other-tenant', 'other-board', 'other-user', 'Fabrikam quokka telemetry', 'Confidential quokka plan', ?)",
    ).bind(now),
    env.DB.prepare(
      "insert into threads (id, tenant_id, key, title, started_by, comment_count, created_at) values ('q-other-thread', 'other-tenant', 'warehouse-scanners', 'Fabrikam scanners', 'other-user', 1, ?)",
    ).bind(now),
    env.DB.prepare(
      `insert into comments (id, tenant_id, thread_id, root_id, author_id, body, html, fingerprint, state, updated_at, created_at)
       values ('q-other-comment', 'other-tenant', 'q-other-thread', 'q-other-comment', 'other-user', 'Fabrikam quokka telemetry notes', '', 'f', 'published', ?, ?)`,
    ).bind(now, now),
    env.DB.prepare(
      `insert into cards (id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, version, save_id, created_by, updated_by, updated_at)
       values ('q-other-card', 'other-tenant', 'business-case', 1, 'Fabrikam quokka telemetry card', '', '{}', '{}', '', '[]', 1, 's', 'F', 'F', ?)`,
    ).bind(now),
  ]);
});

describe('one search', () => {
  it('finds all three kinds, best first, with what each kind needs to be shown', async () => {
    const results = await search(q('quokka telemetry'));
    expect(ids(results)).toEqual(
      expect.arrayContaining(['idea:q-idea', 'card:q-card', 'card:q-card-old', 'comment:q-comment', 'comment:q-comment-idea']),
    );
    // The best of each kind leads; the current card before the obsolete one, which is marked.
    expect(
      results.hits
        .slice(0, 3)
        .map((h) => h.kind)
        .sort(),
    ).toEqual(['card', 'comment', 'idea']);
    expect(ids(results).slice(0, 3)).toEqual(expect.arrayContaining(['card:q-card', 'idea:q-idea']));
    expect(ids(results).indexOf('card:q-card')).toBeLessThan(ids(results).indexOf('card:q-card-old'));
    expect(ids(results).indexOf('card:q-card-old')).toBeGreaterThan(2);
    const byId = new Map(results.hits.map((h) => [h.id, h]));
    expect(byId.get('q-idea')).toMatchObject({
      kind: 'idea',
      title: 'Quokka telemetry for warehouse scanners',
      board: 'general',
      status: { key: 'open', label: 'Open', category: 'open', translations: { de: { label: expect.any(String) } } },
      supporters: 0,
    });
    expect(byId.get('q-card')).toMatchObject({
      kind: 'card',
      templateName: 'Business Case',
      tags: ['value-realization'],
      freshness: 'current',
    });
    expect(byId.get('q-card-old')).toMatchObject({ freshness: 'obsolete' });
    expect(byId.get('q-comment')).toMatchObject({
      kind: 'comment',
      title: 'Warehouse scanners',
      author: 'Lukas Meyer',
      thread: { id: 'q-thread', key: 'warehouse-scanners', title: 'Warehouse scanners', url: null },
    });
    // An idea's own discussion is named after the idea.
    expect(byId.get('q-comment-idea')).toMatchObject({
      title: 'Quokka telemetry for warehouse scanners',
      thread: { key: 'idea:q-idea', title: 'Quokka telemetry for warehouse scanners' },
    });
    expect(results.counts).toEqual({ idea: 2, card: 2, comment: 2 });
    for (const hit of results.hits) expect(new Date(hit.at).toISOString()).toBe(hit.at);
  });

  it('ranks the item that is about the words above the one that mentions one of them', async () => {
    const results = await search(q('quokka telemetry', '&kinds=idea'));
    expect(ids(results)).toEqual(['idea:q-idea', 'idea:q-idea-people']);
  });

  it('gives plain-text snippets whose marks are the words found', async () => {
    const results = await search(q('quokka telemetry'));
    for (const hit of results.hits) {
      // Plain text: no markup, and no marker left (the text rules refuse control characters).
      expect(hit.snippet.text, hit.id).not.toMatch(/[<>]/);
      expect(textReason(hit.snippet.text, 'line'), hit.id).toBeNull();
      expect(hit.snippet.marks.length, hit.id).toBeGreaterThan(0);
      for (const word of marked(hit)) expect(word, hit.id).toMatch(/^(quokka|telemetry)$/);
    }
    const comment = results.hits.find((h) => h.id === 'q-comment');
    // Markdown's line breaks become one space; the text is the source's, emphasis marks and all.
    expect(comment?.snippet.text).toBe('We tried **quokka telemetry** last year; the batteries died after a week.');
    expect(comment && marked(comment)).toEqual(['quokka', 'telemetry']);
    // An idea's snippet is from its description when the words are there (the title is shown anyway),
    // from its title when they are only there.
    expect(results.hits.find((h) => h.id === 'q-idea')?.snippet.text).toMatch(/^Scanners send quokka telemetry/);
    expect(results.hits.find((h) => h.id === 'q-idea-people')?.snippet).toEqual({
      text: 'A quokka kiosk for new starters',
      marks: [[2, 8]],
    });
  });

  it('searches only the kinds asked for, and counts only them', async () => {
    const cards = await search(q('quokka telemetry', '&kinds=card'));
    expect(ids(cards)).toEqual(['card:q-card', 'card:q-card-old']);
    expect(cards.counts).toEqual({ idea: 0, card: 2, comment: 0 });
    const two = await search(q('quokka telemetry', '&kinds=comment,idea,comment'));
    expect(new Set(two.hits.map((h) => h.kind))).toEqual(new Set(['comment', 'idea']));
    const res = await call(`${DEMO}/search?${q('quokka', '&kinds=idea,people')}`);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.[0]).toMatchObject({ path: 'query.kinds', reason: 'field.invalid_value' });
  });

  it('filters ideas by board and status category, cards by practice area, everything by date', async () => {
    const people = await search(q('quokka', '&board=people'));
    expect(people.hits.filter((h) => h.kind === 'idea').map((h) => h.id)).toEqual(['q-idea-people']);
    // Other kinds are not filtered by a board.
    expect(people.counts.card).toBe(2);
    expect(ids(await search(q('quokka', '&status=planned&kinds=idea')))).toEqual(['idea:q-idea-people']);
    expect(ids(await search(q('quokka', '&area=portfolio-management&kinds=card')))).toEqual(['card:q-card-old']);
    const today = new Date().toISOString().slice(0, 10);
    const recent = await search(q('quokka', `&since=${today}`));
    expect(ids(recent)).not.toContain('card:q-card-old');
    expect(ids(recent)).not.toContain('idea:q-idea-people');
    expect(ids(recent)).toContain('card:q-card');
    // An idea changed when its status changed.
    const lastMonths = new Date(Date.now() - 45 * DAY).toISOString().slice(0, 10);
    expect(ids(await search(q('quokka', `&since=${lastMonths}&kinds=idea`)))).toContain('idea:q-idea-people');
    for (const since of ['2026-02-30', '1 May', '2026-5-1']) {
      const res = await call(`${DEMO}/search?${q('quokka', `&since=${encodeURIComponent(since)}`)}`);
      expect(res.status, since).toBe(400);
    }
  });

  it('never finds held, rejected, removed or merged items, nor the discussion of a held idea or card — not even for their authors', async () => {
    const amara = await token({ sub: 'demo|amara', name: 'Amara Okafor' });
    for (const t of [undefined, amara]) {
      const found = ids(await search(q('quokka telemetry', '&limit=50'), t ? { token: t } : {}));
      for (const hidden of [
        'idea:q-idea-held',
        'idea:q-idea-rejected',
        'idea:q-idea-merged',
        'card:q-card-held',
        'comment:q-comment-held',
        'comment:q-comment-removed',
        'comment:q-comment-held-idea',
        'comment:q-comment-held-card',
      ]) {
        expect(found).not.toContain(hidden);
      }
    }
  });

  it("never crosses tenants: each tenant's readers find their own quokkas only", async () => {
    const demo = await search(q('quokka telemetry fabrikam confidential', '&limit=50'));
    expect(JSON.stringify(demo)).not.toContain('Fabrikam');
    const other = await search(q('quokka telemetry', '&limit=50'), {
      base: OTHER,
      token: await token({ secret: OTHER_SECRET, kid: 'k1' }),
    });
    expect(ids(other).sort()).toEqual(['card:q-other-card', 'comment:q-other-comment', 'idea:q-other-idea']);
    expect(JSON.stringify(other)).not.toMatch(/Warehouse scanners|playbook|Lukas/);
    // The other tenant does not let anonymous readers in.
    expect((await call(`${OTHER}/search?${q('quokka')}`)).status).toBe(401);
  });

  it('answers hostile text with results or a clear 400, never a 500', async () => {
    const ok = [
      '""',
      '"quokka',
      'NEAR(quokka telemetry)',
      'quokka NEAR telemetry',
      'title:quokka',
      'quokka*',
      '**',
      '^quokka',
      'quokka OR telemetry AND NOT x',
      '(quokka',
      "'; drop table ideas; --",
      '🙂🙂',
      '🙂 quokka 🦘',
      'ünïcödé quökka',
      'x'.repeat(200),
      'a b',
      '%_\\',
    ];
    for (const text of ok) {
      const res = await call(`${DEMO}/search?${q(text)}`);
      expect(res.status, text).toBe(200);
    }
    // No searchable words: an empty answer, not an error.
    expect(await search(q('a b'))).toEqual({ hits: [], counts: { idea: 0, comment: 0, card: 0 } });
    expect(await search(q('🙂🙂'))).toEqual({ hits: [], counts: { idea: 0, comment: 0, card: 0 } });
    expect(ids(await search(q('NEAR(quokka telemetry)')))).toContain('idea:q-idea');
    const refused: [string, string][] = [
      ['x', 'field.too_short'],
      ['   x   ', 'field.too_short'],
      ['x'.repeat(201), 'field.too_long'],
      ['quokka\ttelemetry', 'field.tab'],
      ['quokka\ntelemetry', 'field.line_break'],
      ['quokka\u0000', 'field.control_characters'],
      ['quokka\u202Etelemetry', 'field.bidi_override'],
    ];
    for (const [text, reason] of refused) {
      const res = await call(`${DEMO}/search?${q(text)}`);
      expect(res.status, JSON.stringify(text)).toBe(400);
      expect((await errorOf(res)).details?.[0], JSON.stringify(text)).toMatchObject({ path: 'query.q', reason });
    }
    const missing = await call(`${DEMO}/search`);
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).details?.[0]).toMatchObject({ path: 'query.q', reason: 'field.required' });
    // A lone surrogate cannot travel in a URL: the bytes of one decode to replacement characters.
    expect((await call(`${DEMO}/search?q=quokka%ED%A0%80`)).status).toBe(200);
    for (const limit of ['0', '51', 'many'])
      expect((await call(`${DEMO}/search?${q('quokka', `&limit=${limit}`)}`)).status, limit).toBe(400);
  });

  it('keeps to the limit, across kinds', async () => {
    const two = await search(q('quokka telemetry', '&limit=2'));
    expect(two.hits).toHaveLength(2);
    expect(two.counts).toEqual({ idea: 2, card: 2, comment: 2 });
  });
});

describe('snippets', () => {
  const O = '\u0002';
  const C = '\u0003';

  it('become plain text with mark offsets, white space made one space', () => {
    expect(toSnippet(`…the ${O}invoice${C} run,\n\n${O}matched${C}  twice…`)).toEqual({
      text: '…the invoice run, matched twice…',
      marks: [
        [5, 12],
        [18, 25],
      ],
    });
    // Unmatched markers are dropped, and a marker of FTS5's only: private-use characters are text.
    expect(toSnippet(`a ${C}b${O} c \uE000d\uE001`)).toEqual({ text: 'a b c \uE000d\uE001', marks: [] });
  });

  it('are cut without splitting a surrogate pair, the marks cut with them', () => {
    for (let pad = 0; pad < 4; pad++) {
      const raw = `${'x'.repeat(pad)}${O}${'🦘'.repeat(200)}${C}`;
      const { text, marks } = toSnippet(raw);
      expect(text.length).toBeLessThanOrEqual(SNIPPET_MAX);
      expect(text.endsWith('…')).toBe(true);
      expect(textReason(text, 'text')).toBeNull();
      expect(marks).toEqual([[pad, text.length - 1]]);
    }
  });
});

describe('merging kinds', () => {
  it('scores each hit against the best of its kind, then by the order of kinds', () => {
    const hit = (kind: 'a' | 'b', rank: number, factor = 1) => ({ kind, rank, factor, item: `${kind}${rank}` });
    // bm25 ranks are negative, lower is better; their scales differ from table to table.
    const merged = mergeRanked(
      [
        [hit('a', -20), hit('a', -5)],
        [hit('b', -2), hit('b', -1.5), hit('b', -0.2)],
      ],
      ['b', 'a'],
      4,
    );
    expect(merged.map((h) => h.item)).toEqual(['b-2', 'a-20', 'b-1.5', 'a-5']);
    // A factor lowers a hit below the others of its kind.
    expect(mergeRanked([[hit('a', -10, 0.5), hit('a', -9)]], ['a'], 2).map((h) => h.item)).toEqual(['a-9', 'a-10']);
  });
});
