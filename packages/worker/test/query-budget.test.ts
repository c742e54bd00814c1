import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { PracticeCard } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { database } from '../src/db/client.ts';
import { demoCardId } from '../src/dev/demo-data.ts';
import { clearReadCache } from '../src/routes/read-cache.ts';
import { forgetKnownCards } from '../src/store/cards.ts';
import { clearTenantCache, findTenantBySlug, TENANT_CACHE_MS } from '../src/store/tenants.ts';
import { documented } from './contract.ts';
import { countingD1 } from './counting-d1.ts';
import { call, DEMO, json, token } from './helpers.ts';

async function measure(url: string, init: RequestInit = {}) {
  const { db, counts } = countingD1(env.DB);
  const ctx = createExecutionContext();
  const request = new Request(url, init);
  const res = await documented(request, app.fetch(request, { ...env, DB: db }, ctx));
  await waitOnExecutionContext(ctx);
  return { status: res.status, ...counts };
}

describe('D1 queries per request', () => {
  beforeAll(async () => {
    // Straight into D1: the API's own write rate limit would stop one person at 60.
    const now = Date.now();
    await env.DB.batch(
      Array.from({ length: 120 }, (_, i) =>
        env.DB.prepare(
          "insert into ideas (id, tenant_id, board_id, author_id, title, description, vote_count, created_at) values (?, 'demo-tenant', 'demo-board-general', 'demo-user-amara', ?, '', ?, ?)",
        ).bind(`bulk-${i}`, `Bulk idea ${i}`, i % 7, now - i),
      ),
    );
  });

  it("list-ideas is one round trip whatever the page size, signed in or not: the versions and the page, or of a cached page one statement: the versions with the reader's own part", {
    timeout: 30_000,
  }, async () => {
    const auth = { headers: { authorization: `Bearer ${await token({ sub: 'reader' })}` } };
    await measure(`${DEMO}/boards/general/ideas`); // the tenant's settings, into this isolate's cache
    for (const limit of [1, 100]) {
      // Not cached yet: the versions, the shared page (board, ideas) and, signed in, the reader's own page.
      expect(await measure(`${DEMO}/boards/general/ideas?limit=${limit}`)).toEqual({ status: 200, statements: 3, roundTrips: 1 });
      expect(await measure(`${DEMO}/boards/general/ideas?limit=${limit}&sort=new`, auth)).toEqual({
        status: 200,
        statements: 5,
        roundTrips: 1,
      });
      // Cached: one statement, the versions with the reader's votes and own ideas (store/cache-versions.ts withVersions).
      expect(await measure(`${DEMO}/boards/general/ideas?limit=${limit}`)).toEqual({ status: 200, statements: 1, roundTrips: 1 });
      expect(await measure(`${DEMO}/boards/general/ideas?limit=${limit}&sort=new`, auth)).toEqual({
        status: 200,
        statements: 1,
        roundTrips: 1,
      });
    }
  });

  it('list-ideas costs the same for every sort and filter', async () => {
    await measure(`${DEMO}/boards/general/ideas`);
    for (const sort of ['top', 'new', 'trending', 'value', 'value_per_effort']) {
      expect(await measure(`${DEMO}/boards/general/ideas?sort=${sort}&limit=100&category=open,planned`)).toEqual({
        status: 200,
        statements: 3,
        roundTrips: 1,
      });
    }
  });

  it('business units are one statement whatever their number, aliases and teams; ideas by unit and /me cost what they did', async () => {
    const now = Date.now();
    await env.DB.batch(
      Array.from({ length: 60 }, (_, i) => [
        env.DB.prepare(
          "insert into business_units (id, tenant_id, key, name, side, created_at, updated_at) values (?, 'demo-tenant', ?, ?, 'demand', ?, ?)",
        ).bind(`bu-bulk-${i}`, `bulk-${i}`, `Bulk unit ${i}`, now, now),
        env.DB.prepare("insert into business_unit_aliases (tenant_id, alias, unit_id) values ('demo-tenant', ?, ?)").bind(
          `bulk unit ${i}`,
          `bu-bulk-${i}`,
        ),
        env.DB.prepare(
          "insert into business_unit_people (unit_id, user_id, tenant_id, role, created_at) values (?, 'demo-user-mei', 'demo-tenant', 'relationship_manager', ?)",
        ).bind(`bu-bulk-${i}`, now),
      ]).flat(),
    );
    await measure(`${DEMO}/units`);
    expect(await measure(`${DEMO}/units`)).toEqual({ status: 200, statements: 1, roundTrips: 1 });
    expect(await measure(`${DEMO}/units/bulk-7`)).toEqual({ status: 200, statements: 1, roundTrips: 1 });
    expect(await measure(`${DEMO}/boards/general/ideas?unit=finance&limit=100`)).toEqual({ status: 200, statements: 3, roundTrips: 1 });
    // The person on sixty teams: /me is one batch.
    const mei = { headers: { authorization: `Bearer ${await token({ sub: 'demo|mei', name: 'Mei Chen', bu: 'IT' })}` } };
    expect(await measure(`${DEMO}/me`, mei)).toEqual({ status: 200, statements: 5, roundTrips: 1 });
  });

  it('a duplicate suggestion is the versions, the board and the search whatever the board size; cached, the versions alone', async () => {
    await measure(`${DEMO}/boards/general/ideas`);
    for (const q of ['invoice', 'automate invoice matching for subsidiaries', 'bulk idea']) {
      const url = `${DEMO}/boards/general/ideas/similar?q=${encodeURIComponent(q)}`;
      expect(await measure(url)).toEqual({ status: 200, statements: 3, roundTrips: 3 });
      expect(await measure(url)).toEqual({ status: 200, statements: 1, roundTrips: 1 });
    }
  });

  it("adds one round trip for the tenant's settings (and their versions) when this isolate has not read them lately", async () => {
    clearTenantCache();
    clearReadCache();
    expect(await measure(`${DEMO}/boards/general/ideas?limit=100`)).toEqual({ status: 200, statements: 8, roundTrips: 2 });
    expect(await measure(`${DEMO}/boards/general/ideas?limit=100`)).toEqual({ status: 200, statements: 1, roundTrips: 1 });
  });

  it('reads the tenant again once the cache entry is older than TENANT_CACHE_MS', async () => {
    clearTenantCache();
    const { db, counts } = countingD1(env.DB);
    const now = Date.now();
    await findTenantBySlug(database(db), 'demo', now);
    await findTenantBySlug(database(db), 'demo', now + TENANT_CACHE_MS - 1);
    expect(counts.roundTrips).toBe(1);
    await findTenantBySlug(database(db), 'demo', now + TENANT_CACHE_MS + 1);
    expect(counts.roundTrips).toBe(2);
  });

  it('a vote is one round trip: the idea, its board and own votes read first, the guarded writes (each followed by its version bump, which counts only if it changed a row), the result read back', async () => {
    const auth = { method: 'PUT', headers: { authorization: `Bearer ${await token({ sub: 'budget-voter' })}` } };
    expect(await measure(`${DEMO}/ideas/demo-idea-sso/vote`, auth)).toEqual({ status: 200, statements: 10, roundTrips: 1 });
    // Refused votes cost the same round trip and write nothing: no such idea, or over the per-idea limit.
    expect(await measure(`${DEMO}/ideas/no-such-idea/vote`, auth)).toEqual({ status: 404, statements: 10, roundTrips: 1 });
    const withdraw = { ...auth, method: 'DELETE' };
    expect(await measure(`${DEMO}/ideas/demo-idea-sso/vote`, withdraw)).toEqual({ status: 200, statements: 7, roundTrips: 1 });
  });

  it('a comment post is one round trip: its reads first, the guarded writes, the comment and thread read back; a refusal costs the same and writes nothing', async () => {
    const t = await token({ sub: 'budget-commenter', name: 'Budget Commenter' });
    const post = (body: Record<string, unknown>) =>
      measure(`${DEMO}/threads/comments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
        body: JSON.stringify({ key: 'budget-posts', ...body }),
      });
    await measure(`${DEMO}/threads/counts?key=budget-posts`);
    // Five reads, the person, the thread, the comment, its count, its event and notifications, two subscriptions, two reads back; behind each write of a table a cached answer reads (the person, the thread, the comment, its count), its version bump.
    const first = await post({ body: 'The first comment starts the thread' });
    expect(first).toEqual({ status: 201, statements: 19, roundTrips: 1 });
    expect(await post({ body: 'A plain comment in a thread that exists' })).toEqual({ status: 201, statements: 19, roundTrips: 1 });
    const [opening] = (await json<{ items: { id: string }[] }>(await call(`${DEMO}/threads/comments?key=budget-posts`))).items;
    // A reply also counts its branch's replies.
    expect(await post({ body: 'A reply', parentId: opening?.id })).toEqual({ status: 201, statements: 21, roundTrips: 1 });
    // Naming a person: the handles are read and their mention is written, still one round trip.
    expect(await post({ body: 'Over to you @amara.okafor' })).toEqual({ status: 201, statements: 21, roundTrips: 1 });
    // Naming nobody: the first batch finds the handle unknown and writes nothing; the second renders it as text.
    expect(await post({ body: 'Over to you @no.such.person' })).toEqual({ status: 201, statements: 41, roundTrips: 2 });
    // Refused in the same round trip, from what its reads found: the parent is not there; the same text again.
    expect(await post({ body: 'A reply to nothing', parentId: 'no-such-comment' })).toEqual({ status: 404, statements: 21, roundTrips: 1 });
    expect(await post({ body: 'A plain comment in a thread that exists' })).toEqual({ status: 422, statements: 19, roundTrips: 1 });
    const { results } = await env.DB.prepare(
      "select count(*) as n from comments where thread_id = (select id from threads where key = 'budget-posts')",
    ).all<{ n: number }>();
    expect(results[0]?.n).toBe(5);
  });

  it('an idea submit is one round trip: its reads first, the guarded writes, the versions bumped, the idea read back; a refusal costs the same and writes nothing', async () => {
    const t = await token({ sub: 'budget-submitter', name: 'Budget Submitter' });
    const submit = (title: string, board = 'general', extra: Record<string, unknown> = {}) =>
      measure(`${DEMO}/boards/${board}/ideas`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title, ...extra }),
      });
    await measure(`${DEMO}/boards/general/ideas`); // the tenant's settings, into this isolate's cache
    // This isolate has not read the board yet: the board and its version first.
    const first = await submit('Budget idea: bike racks by the east entrance');
    expect(first).toMatchObject({ status: 201, roundTrips: 2 });
    const again = await submit('Budget idea: showers for those who cycle in');
    expect(again).toEqual({ status: 201, statements: first.statements - 2, roundTrips: 1 });
    // With a sponsoring unit and an impacted one: still one round trip.
    expect(await submit('Budget idea: a finance bike scheme', 'general', { unit: 'finance', impactedUnits: ['people-hr'] })).toMatchObject({
      status: 201,
      roundTrips: 1,
    });
    // Refused from what the batch read, in the same round trip: an unknown unit.
    const refused = await submit('Budget idea: refused for its unit', 'general', { unit: 'no-such-unit' });
    expect(refused).toMatchObject({ status: 400, roundTrips: 1 });
    const { results } = await env.DB.prepare("select count(*) as n from ideas where title = 'Budget idea: refused for its unit'").all<{
      n: number;
    }>();
    expect(results[0]?.n).toBe(0);
  });

  it("an idea's view is one round trip, whatever its support, history or citations, for any caller: the versions and its eight statements (signed in, the reader's eight too); cached, one statement: the versions with the reader's own part", async () => {
    const now = Date.now();
    // A heavily backed and often moved idea: 300 supporters in 3 units, 40 status changes.
    await env.DB.batch([
      ...Array.from({ length: 300 }, (_, i) =>
        env.DB.prepare(
          "insert into users (id, tenant_id, subject, name, business_unit, created_at, last_seen_at) values (?, 'demo-tenant', ?, 'Backer', ?, ?, ?)",
        ).bind(`view-backer-${i}`, `view|backer-${i}`, `Unit ${i % 3}`, now, now),
      ),
      ...Array.from({ length: 300 }, (_, i) =>
        env.DB.prepare("insert into votes (idea_id, user_id, tenant_id, count, created_at) values ('bulk-0', ?, 'demo-tenant', 1, ?)").bind(
          `view-backer-${i}`,
          now,
        ),
      ),
      ...Array.from({ length: 40 }, (_, i) =>
        env.DB.prepare(
          "insert into idea_status_changes (id, idea_id, tenant_id, from_status, to_status, card_id, changed_by_subject, changed_by_name, created_at) values (?, 'bulk-0', 'demo-tenant', 'open', 'under_review', 'demo-card-business-case', 'demo|mei', 'Mei Chen', ?)",
        ).bind(`view-change-${i}`, now + i),
      ),
    ]);
    const readers = [
      {},
      { headers: { authorization: `Bearer ${await token({ sub: 'view-reader' })}` } },
      { headers: { authorization: `Bearer ${await token({ sub: 'demo|mei', extra: { roles: ['Bridgekit.Moderator'] } })}` } },
    ];
    await measure(`${DEMO}/boards/general/ideas`); // the tenant's settings, into this isolate's cache
    for (const id of ['bulk-0', 'bulk-1', 'demo-idea-invoice']) {
      const [anonymous, ...signedIn] = readers;
      // Not cached yet, signed in: the versions, the shared view and the reader's own view.
      expect(await measure(`${DEMO}/ideas/${id}/view`, signedIn[0]), id).toEqual({ status: 200, statements: 17, roundTrips: 1 });
      // Cached: one statement, the versions alone or with the reader's votes, authorship, role and readable citing cards.
      expect(await measure(`${DEMO}/ideas/${id}/view`, anonymous), id).toEqual({ status: 200, statements: 1, roundTrips: 1 });
      for (const init of signedIn) {
        expect(await measure(`${DEMO}/ideas/${id}/view`, init), id).toEqual({ status: 200, statements: 1, roundTrips: 1 });
      }
    }
    // Not cached yet, anonymous: the versions and the shared view.
    expect(await measure(`${DEMO}/ideas/bulk-5/view`)).toEqual({ status: 200, statements: 9, roundTrips: 1 });
    // No such idea: the same round trip, and 404.
    expect(await measure(`${DEMO}/ideas/no-such-idea/view`, readers[1])).toEqual({ status: 404, statements: 17, roundTrips: 1 });
    expect(await measure(`${DEMO}/ideas/no-such-idea/view`, readers[1])).toEqual({ status: 404, statements: 1, roundTrips: 1 });
  });

  it("a person's view is one batch of four statements, whatever they contributed, for any caller; 404 costs the same", async () => {
    const now = Date.now();
    // Amara wrote the 120 bulk ideas; here she also writes 300 comments.
    await env.DB.batch(
      Array.from({ length: 300 }, (_, i) =>
        env.DB.prepare(
          `insert into comments (id, tenant_id, thread_id, root_id, author_id, body, html, fingerprint, state, updated_at, created_at)
           values (?, 'demo-tenant', 'demo-thread-war-stories', ?, 'demo-user-amara', 'Bulk **comment**', '<p>Bulk <strong>comment</strong></p>', ?, 'published', ?, ?)`,
        ).bind(`person-bulk-${i}`, `person-bulk-${i}`, `person-f${i}`, now + i, now + i),
      ),
    );
    const readers = [{}, { headers: { authorization: `Bearer ${await token({ sub: 'person-reader' })}` } }];
    await measure(`${DEMO}/people/priya.raman`);
    for (const handle of ['amara.okafor', 'priya.raman', 'mei.chen']) {
      for (const init of readers) {
        expect(await measure(`${DEMO}/people/${handle}`, init), handle).toEqual({ status: 200, statements: 4, roundTrips: 1 });
      }
    }
    expect(await measure(`${DEMO}/people/nobody.at.all`)).toEqual({ status: 404, statements: 4, roundTrips: 1 });
  });

  it("a person's export is the person and one batch of twenty-five statements, whatever they contributed (store/personal-data.ts)", async () => {
    const asAdmin = { headers: { authorization: `Bearer ${env.BRIDGEKIT_ADMIN_TOKEN}` } };
    await measure(`${DEMO}/people/demo-user-mei/export`, asAdmin);
    for (const person of ['demo-user-amara', 'demo-user-mei']) {
      expect(await measure(`${DEMO}/people/${person}/export`, asAdmin), person).toEqual({ status: 200, statements: 26, roundTrips: 2 });
    }
    const someone = { headers: { authorization: `Bearer ${await token({ sub: 'export-reader' })}` } };
    expect(await measure(`${DEMO}/me/export`, someone)).toEqual({ status: 200, statements: 26, roundTrips: 2 });
  });

  it("an idea's earlier texts are one batch of three statements, whatever their number, for any caller", async () => {
    const now = Date.now();
    await env.DB.batch(
      Array.from({ length: 200 }, (_, i) =>
        env.DB.prepare(
          "insert into idea_revisions (id, idea_id, tenant_id, title, description, lane, after_scoring, by_subject, by_name, created_at) values (?, 'bulk-3', 'demo-tenant', ?, '', 'opportunity', 0, 'demo|amara', 'Amara Okafor', ?)",
        ).bind(`bulk-revision-${i}`, `Bulk idea 3, take ${i}`, now + i),
      ),
    );
    const readers = [{}, { headers: { authorization: `Bearer ${await token({ sub: 'revisions-reader' })}` } }];
    await measure(`${DEMO}/ideas/bulk-4/revisions`);
    for (const id of ['bulk-3', 'bulk-4']) {
      for (const init of readers) {
        expect(await measure(`${DEMO}/ideas/${id}/revisions`, init), id).toEqual({ status: 200, statements: 3, roundTrips: 1 });
      }
    }
    // Its page counts them in the same eight statements (and the versions).
    expect(await measure(`${DEMO}/ideas/bulk-3/view`)).toEqual({ status: 200, statements: 9, roundTrips: 1 });
  });

  it("an idea's discussion page is the thread page and one statement for the idea, in the same batch", async () => {
    const auth = { headers: { authorization: `Bearer ${await token({ sub: 'view-reader' })}` } };
    await measure(`${DEMO}/ideas/bulk-1/view`);
    for (const id of ['demo-idea-dashboards', 'bulk-2']) {
      // The versions, the shared page (thread, roots, replies, idea) and the reader's own; cached, one statement: the versions with the reader's part.
      expect(await measure(`${DEMO}/threads/comments?key=idea:${id}`, auth), id).toEqual({ status: 200, statements: 9, roundTrips: 1 });
      expect(await measure(`${DEMO}/threads/comments?key=idea:${id}`, auth), id).toEqual({ status: 200, statements: 1, roundTrips: 1 });
    }
  });

  it('a card save is two round trips, the reads and the guarded writes with the card read back; one of a card the isolate saved before is one; one that changes nothing, or a stale one, is one', async () => {
    const t = await token({ sub: 'card-saver', name: 'Card Saver' });
    const auth = { authorization: `Bearer ${t}`, 'content-type': 'application/json' };
    const card = await json<PracticeCard>(
      await call(`${DEMO}/cards`, {
        method: 'POST',
        token: t,
        body: JSON.stringify({ templateId: 'practice', title: 'Budget card', fields: EXAMPLE_CARDS.practice?.fields }),
      }),
    );
    const save = (body: Record<string, unknown>) =>
      measure(`${DEMO}/cards/${card.id}`, {
        method: 'PUT',
        headers: auth,
        body: JSON.stringify({ title: card.title, fields: card.fields, ...body }),
      });
    // A card this isolate has not read or saved.
    forgetKnownCards();
    const changed = await save({ summary: 'Changed', baseVersion: 1 });
    const unchanged = await save({ summary: 'Changed', baseVersion: 2, note: 'Only a note' });
    // The card, its template, the saver's rights and standing and the references in one round
    // trip; the guarded writes and the card as saved in the other.
    expect(changed).toMatchObject({ status: 200, roundTrips: 2 });
    // The isolate knows the card now: its saves send the guessed, guarded writes behind the reads.
    // Those change nothing here (only a note): the comparison is made on the row the save reads
    // first, which is the answer.
    expect(unchanged).toEqual({ status: 200, statements: 32, roundTrips: 1 });
    // A stale save is refused from the same round trip, and its guarded writes write nothing.
    expect(await save({ summary: 'Stale', baseVersion: 1 })).toEqual({ status: 409, statements: 32, roundTrips: 1 });
    // A change: written by the guessed writes, answered from the same round trip.
    expect(await save({ summary: 'Changed again', baseVersion: 2 })).toEqual({ status: 200, statements: 32, roundTrips: 1 });
    const { results } = await env.DB.prepare('select version, summary from cards where id = ?').bind(card.id).all();
    expect(results).toEqual([{ version: 3, summary: 'Changed again' }]);
    const versions = await env.DB.prepare('select count(*) as n from card_versions where card_id = ?').bind(card.id).first<{ n: number }>();
    expect(versions?.n).toBe(3);
  });

  it("a card's discussion page is the thread page and one statement for the card; comment counts are one statement, whatever the keys", async () => {
    const auth = { headers: { authorization: `Bearer ${await token({ sub: 'card-discussion-reader' })}` } };
    await measure(`${DEMO}/threads/counts?key=warm-up`);
    const card = 'card:demo-card-business-case';
    expect(await measure(`${DEMO}/threads/comments?key=${card}`, auth)).toEqual({ status: 200, statements: 9, roundTrips: 1 });
    expect(await measure(`${DEMO}/threads/comments?key=${card}`, auth)).toEqual({ status: 200, statements: 1, roundTrips: 1 });
    const keys = ['demo-war-stories', 'idea:demo-idea-dashboards', 'idea:bulk-2', card, 'idea:no-such-idea'];
    for (const init of [{}, auth]) {
      expect(await measure(`${DEMO}/threads/counts?${keys.map((k) => `key=${k}`).join('&')}`, init)).toEqual({
        status: 200,
        statements: 1,
        roundTrips: 1,
      });
    }
  });

  it('the list of discussions is one statement, whatever the page size, the kind or the caller', async () => {
    const auth = { headers: { authorization: `Bearer ${await token({ sub: 'thread-list-reader' })}` } };
    await measure(`${DEMO}/threads?limit=1`);
    for (const query of ['limit=1', 'limit=100', 'kind=page', 'kind=idea&limit=50', 'kind=card']) {
      for (const init of [{}, auth]) {
        expect(await measure(`${DEMO}/threads?${query}`, init), query).toEqual({ status: 200, statements: 1, roundTrips: 1 });
      }
    }
  });

  it("a thread page is one round trip, for a thread of 20 comments or of 2,000: the versions and the page's three statements (signed in, the reader's own three too); cached, one statement: the versions with the reader's own part", async () => {
    const now = Date.now();
    const insert = (thread: string, n: number) => {
      const statements = [
        env.DB.prepare(
          "insert into threads (id, tenant_id, key, title, started_by, created_at) values (?, 'demo-tenant', ?, 'Bulk', 'demo-user-amara', ?)",
        ).bind(thread, thread, now),
      ];
      for (let i = 0; i < n; i++) {
        // Every fourth comment answers the one before it, so replies and their cap are in play.
        const root = i % 4 === 0 ? i : i - (i % 4);
        statements.push(
          env.DB.prepare(
            `insert into comments (id, tenant_id, thread_id, parent_id, root_id, depth, author_id, body, html, fingerprint, state, updated_at, created_at)
             values (?, 'demo-tenant', ?, ?, ?, ?, 'demo-user-lukas', 'Bulk comment', '<p>Bulk comment</p>', ?, 'published', ?, ?)`,
          ).bind(
            `${thread}-${i}`,
            thread,
            root === i ? null : `${thread}-${root}`,
            `${thread}-${root}`,
            root === i ? 0 : 1,
            `f${i}`,
            now - i,
            now - i,
          ),
        );
      }
      return statements;
    };
    const small = insert('budget-small', 20);
    const large = insert('budget-large', 2000);
    for (let i = 0; i < large.length; i += 500) await env.DB.batch(large.slice(i, i + 500));
    await env.DB.batch(small);
    const auth = { headers: { authorization: `Bearer ${await token({ sub: 'thread-reader' })}` } };
    await measure(`${DEMO}/threads/comments?key=budget-warm-up`, auth);
    for (const key of ['budget-small', 'budget-large']) {
      for (const sort of ['oldest', 'newest', 'top']) {
        const url = `${DEMO}/threads/comments?key=${key}&sort=${sort}`;
        expect(await measure(url, auth), `${key} ${sort}`).toEqual({ status: 200, statements: 7, roundTrips: 1 });
        expect(await measure(url, auth), `${key} ${sort}, cached`).toEqual({ status: 200, statements: 1, roundTrips: 1 });
      }
      expect(await measure(`${DEMO}/threads/comments?key=${key}&limit=50`)).toEqual({ status: 200, statements: 4, roundTrips: 1 });
      expect(await measure(`${DEMO}/threads/comments?key=${key}&limit=50`)).toEqual({ status: 200, statements: 1, roundTrips: 1 });
    }
    // The practice cards a war story became are read with the thread, in the same statement.
    expect(await measure(`${DEMO}/threads/comments?key=demo-war-stories`, auth)).toEqual({ status: 200, statements: 7, roundTrips: 1 });
  });

  it("a card search or list is one round trip, whatever the filters or the library size: the versions and the page (signed in, the reader's own page too); cached, one statement: the versions with what the reader sees beyond everyone", async () => {
    const now = Date.now();
    const statements = Array.from({ length: 300 }, (_, i) =>
      env.DB.prepare(
        `insert into cards (id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, version, save_id, created_by, updated_by, updated_at)
         values (?, 'demo-tenant', 'business-case', 1, ?, 'A bulk card', '{}', '{}', ?, '["demand-shaping"]', 1, 's', 'Bulk', 'Bulk', ?)`,
      ).bind(`bulk-card-${i}`, `Bulk business case ${i}`, `invoice matching costs ${i}`, now - i),
    );
    await env.DB.batch(statements);
    const auth = { headers: { authorization: `Bearer ${await token({ sub: 'card-reader' })}` } };
    await measure(`${DEMO}/cards?limit=1`, auth);
    for (const query of [
      '',
      '?q=business%20cases',
      '?q=invoice&tag=demand-shaping&freshness=current',
      '?sort=helpful&limit=100',
      '?template=business-case&owner=bench.nobody',
    ]) {
      expect(await measure(`${DEMO}/cards${query}`, auth), query).toEqual({ status: 200, statements: 3, roundTrips: 1 });
      expect(await measure(`${DEMO}/cards${query}`, auth), `${query}, cached`).toEqual({ status: 200, statements: 1, roundTrips: 1 });
      expect(await measure(`${DEMO}/cards${query}`), `${query}, anonymous`).toEqual({ status: 200, statements: 1, roundTrips: 1 });
    }
    // The reader's own cards are theirs alone: one statement, never cached.
    for (let i = 0; i < 2; i++) {
      expect(await measure(`${DEMO}/cards?template=business-case&owner=me`, auth)).toEqual({ status: 200, statements: 1, roundTrips: 1 });
    }
  });

  it("a unit's cockpit is one round trip for one month or three years of rollups: the versions, the shared batch of nine statements for every unit and the caller's own, or of a cached one a statement of the versions with the caller's part; the overview's of six; 404 costs the same", async () => {
    // Three years of rollups for Finance, straight into D1 (src/insights/rollup.ts writes them hourly; the demo seed's last year is kept).
    await env.DB.batch(
      Array.from({ length: 36 }, (_, i) =>
        env.DB.prepare(
          `insert into unit_rollups (tenant_id, unit_id, month, metric, dim, value)
           select 'demo-tenant', 'demo-unit-finance', ?, m.value, '', 7 from json_each('["ideas.submitted","people.business","discussions"]') m
           where true on conflict do nothing`,
        ).bind(`${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`),
      ),
    );
    await env.DB.prepare(
      "insert into user_roles (tenant_id, subject, role, granted_by, created_at) values ('demo-tenant', 'budget-cio', 'cio', 'test', ?)",
    )
      .bind(Date.now())
      .run();
    const cio = { headers: { authorization: `Bearer ${await token({ sub: 'budget-cio', name: 'Bea Cio' })}` } };
    const member = { headers: { authorization: `Bearer ${await token({ sub: 'budget-member', name: 'Max Member' })}` } };
    await measure(`${DEMO}/insights`, cio);
    for (const period of ['from=2024-01&to=2024-01', 'from=2024-01&to=2026-12']) {
      // Not cached yet: the versions, the shared batch and the caller's own (routes/read-cache.ts).
      expect(await measure(`${DEMO}/units/finance/insights?${period}`, cio), period).toEqual({
        status: 200,
        statements: 19,
        roundTrips: 1,
      });
      expect(await measure(`${DEMO}/insights?${period}`, cio), period).toEqual({ status: 200, statements: 13, roundTrips: 1 });
      // Cached: one statement, the versions with the caller's part (whether they read the unit, their private cards; the units they read).
      expect(await measure(`${DEMO}/units/finance/insights?${period}`, member), period).toEqual({
        status: 404,
        statements: 1,
        roundTrips: 1,
      });
      expect(await measure(`${DEMO}/units/finance/insights?${period}`, cio), period).toEqual({ status: 200, statements: 1, roundTrips: 1 });
      expect(await measure(`${DEMO}/insights?${period}`, member), period).toEqual({ status: 200, statements: 1, roundTrips: 1 });
    }
  });

  it("a person's inbox is one batch of two statements, whatever they were told; what they follow is one statement", async () => {
    const now = Date.now();
    const person = await token({ sub: 'inbox-reader', name: 'Ines Reader' });
    const auth = { headers: { authorization: `Bearer ${person}` } };
    // Their row, then 300 events about ideas, cards and comments, each told to them.
    await call(`${DEMO}/notifications/settings`, { method: 'PATCH', token: person, body: JSON.stringify({ email: { following: 'off' } }) });
    const kinds = [
      ['idea', 'demo-idea-sso'],
      ['card', demoCardId('business-case')],
      ['comment', 'demo-comment-1'],
    ] as const;
    await env.DB.batch(
      Array.from({ length: 300 }, (_, i) => {
        const [kind, id] = kinds[i % 3] as (typeof kinds)[number];
        return [
          env.DB.prepare(
            "insert into events (id, tenant_id, type, actor_id, item_kind, item_id, data, created_at) values (?, 'demo-tenant', 'idea.created', 'demo-user-amara', ?, ?, '{}', ?)",
          ).bind(`bulk-event-${i}`, kind, id, now + i),
          env.DB.prepare(
            "insert into notifications (id, tenant_id, user_id, event_id, reason, kind, created_at) select ?, 'demo-tenant', id, ?, 'following', 'following', ? from users where subject = 'inbox-reader'",
          ).bind(`bulk-notification-${i}`, `bulk-event-${i}`, now + i),
        ];
      }).flat(),
    );
    for (const query of ['', '?limit=50', '?unread=true&limit=1']) {
      expect(await measure(`${DEMO}/notifications${query}`, auth), query).toEqual({ status: 200, statements: 2, roundTrips: 1 });
    }
    expect(await measure(`${DEMO}/subscriptions`, auth)).toEqual({ status: 200, statements: 1, roundTrips: 1 });
    expect(await measure(`${DEMO}/subscriptions/idea/demo-idea-sso`, auth)).toEqual({ status: 200, statements: 1, roundTrips: 1 });
  });

  describe('across kinds', () => {
    beforeAll(async () => {
      await seedSearchable('okapi', 1);
      await seedSearchable('gazelle', 600);
    });

    /** `n` ideas, cards and comments (in one thread) about `word`, each idea cited by a card and answered by another. */
    async function seedSearchable(word: string, n: number) {
      const now = Date.now();
      const statements = [
        env.DB.prepare(
          "insert into threads (id, tenant_id, key, title, started_by, comment_count, created_at) values (?, 'demo-tenant', ?, ?, 'demo-user-amara', ?, ?)",
        ).bind(`${word}-thread`, `${word}-thread`, `About ${word}`, n, now),
        // Linked to nothing: its related content is all similar text.
        env.DB.prepare(
          "insert into ideas (id, tenant_id, board_id, author_id, title, description, created_at) values (?, 'demo-tenant', 'demo-board-general', 'demo-user-amara', ?, '', ?)",
        ).bind(`${word}-lone`, `A lone ${word} crossing`, now),
      ];
      for (let i = 0; i < n; i++) {
        statements.push(
          env.DB.prepare(
            `insert into cards (id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, version, save_id, created_by, updated_by, updated_at, source_thread_id)
             values (?, 'demo-tenant', 'business-case', 1, ?, ?, '{}', '{}', ?, '["demand-shaping"]', 1, 's', 'Bulk', 'Bulk', ?, ?)`,
          ).bind(
            `${word}-card-${i}`,
            `${word} practice ${i}`,
            `How we handle ${word} crossings`,
            `${word} crossing notes ${i}`,
            now - i,
            `${word}-thread`,
          ),
          env.DB.prepare(
            "insert into ideas (id, tenant_id, board_id, author_id, title, description, answered_by, source_card_id, created_at) values (?, 'demo-tenant', 'demo-board-general', 'demo-user-amara', ?, ?, ?, ?, ?)",
          ).bind(
            `${word}-idea-${i}`,
            `${word} crossing idea ${i}`,
            `A ${word} crossing at site ${i}`,
            `${word}-card-${i}`,
            `${word}-card-0`,
            now - i,
          ),
          env.DB.prepare(
            `insert into comments (id, tenant_id, thread_id, root_id, author_id, body, html, fingerprint, state, updated_at, created_at)
             values (?, 'demo-tenant', ?, ?, 'demo-user-lukas', ?, '', ?, 'published', ?, ?)`,
          ).bind(
            `${word}-comment-${i}`,
            `${word}-thread`,
            `${word}-comment-${i}`,
            `The ${word} crossing story ${i}`,
            `f${i}`,
            now - i,
            now - i,
          ),
          env.DB.prepare(
            "insert into card_links (card_id, path, tenant_id, to_kind, to_id) values (?, 'opportunities.0', 'demo-tenant', 'idea', ?)",
          ).bind(`${word}-card-${i}`, `${word}-idea-0`),
        );
      }
      for (let i = 0; i < statements.length; i += 400) await env.DB.batch(statements.slice(i, i + 400));
    }

    it("one search is one round trip, for one match or 600 of each kind, whatever the filters: four statements shared by a class of readers, the versions and the reader's class", async () => {
      const auth = { headers: { authorization: `Bearer ${await token({ sub: 'searcher' })}` } };
      await measure(`${DEMO}/search?q=okapi`, auth);
      for (const query of [
        'q=okapi&limit=5',
        'q=gazelle%20crossing',
        'q=gazelle&limit=50',
        'q=gazelle&kinds=idea,card&board=general&status=open&area=demand-shaping&since=2020-01-01',
        'q=gazelle&kinds=comment',
      ]) {
        // Not cached yet: the versions, the shared search, and the reader's own (routes/read-cache.ts).
        expect(await measure(`${DEMO}/search?${query}`, auth), query).toEqual({ status: 200, statements: 9, roundTrips: 1 });
        // Cached: one statement, the versions with the reader's class; nobody signed in has no class to read.
        expect(await measure(`${DEMO}/search?${query}`, auth), query).toEqual({ status: 200, statements: 1, roundTrips: 1 });
        expect(await measure(`${DEMO}/search?${query}`), query).toEqual({ status: 200, statements: 1, roundTrips: 1 });
      }
      expect(await measure(`${DEMO}/search?q=a%20b`, auth)).toEqual({ status: 200, statements: 0, roundTrips: 0 });
    });

    it('related content is the versions, then two round trips of two statements each whatever the links and the similar items (one when links fill it), and for a card whether the reader may read it; cached, one round trip of one statement', async () => {
      await measure(`${DEMO}/related?kind=idea&id=okapi-idea-0`);
      // One item of each kind with a link or two; and an idea with none, like 1,800 items of the other kinds.
      for (const [kind, id] of [
        ['idea', 'okapi-idea-0'],
        ['card', 'okapi-card-0'],
        ['thread', 'okapi-thread'],
        ['idea', 'okapi-lone'],
        ['idea', 'gazelle-lone'],
      ]) {
        const card = kind === 'card' ? 1 : 0;
        const url = `${DEMO}/related?kind=${kind}&id=${id}&limit=20`;
        expect(await measure(url), `${kind} ${id}`).toEqual({ status: 200, statements: 5 + card, roundTrips: 3 + card });
        // Cached: one statement, the versions with whether the reader may read the card.
        expect(await measure(url), `${kind} ${id}`).toEqual({ status: 200, statements: 1, roundTrips: 1 });
      }
      // Hundreds of links (600 cards cite the idea, 600 ideas came from the card, 600 cards from the
      // thread): the first statement's page is full, and the similar items are not looked for.
      for (const [kind, id] of [
        ['idea', 'gazelle-idea-0'],
        ['card', 'gazelle-card-0'],
        ['thread', 'gazelle-thread'],
      ]) {
        const card = kind === 'card' ? 1 : 0;
        expect(await measure(`${DEMO}/related?kind=${kind}&id=${id}&limit=20`), `${kind} ${id}`).toEqual({
          status: 200,
          statements: 3 + card,
          roundTrips: 2 + card,
        });
      }
      expect(await measure(`${DEMO}/related?kind=idea&id=no-such-idea`)).toEqual({ status: 404, statements: 3, roundTrips: 2 });
    });
  });
});
