import { env } from 'cloudflare:workers';
import type { Idea, Page, VoteState } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_IDEAS } from '../src/dev/demo-data.ts';
import { call, DEMO, errorOf, json, token } from './helpers.ts';

const amara = () => token({ sub: 'demo|amara', name: 'Amara Okafor', bu: 'Finance' });
const post = (t: string | undefined, body: unknown, board = 'general') =>
  call(`${DEMO}/boards/${board}/ideas`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(t ? { token: t } : {}),
  });
const countIdeas = async () => (await env.DB.prepare('select count(*) as n from ideas').first<{ n: number }>())?.n;

describe('listing a board', () => {
  it('orders by support by default, with every vote state false for a signed-out reader', async () => {
    const res = await call(`${DEMO}/boards/general/ideas`);
    expect(res.status).toBe(200);
    const page = await json<Page<Idea>>(res);
    const expected = DEMO_IDEAS.filter((i) => i.board === 'general').sort((a, b) => b.backers.length - a.backers.length);
    expect(page.items.map((i) => i.title)).toEqual(expected.map((i) => i.title));
    expect(page.items.map((i) => i.votes)).toEqual(expected.map((i) => i.backers.length));
    expect(page.items.every((i) => i.voted === false)).toBe(true);
    expect(page.nextCursor).toBeNull();
  });

  it("carries the caller's own vote state", async () => {
    const page = await json<Page<Idea>>(await call(`${DEMO}/boards/general/ideas`, { token: await amara() }));
    const backedByAmara = new Set(DEMO_IDEAS.filter((i) => i.backers.includes('amara')).map((i) => i.title));
    for (const idea of page.items) expect(idea.voted, idea.title).toBe(backedByAmara.has(idea.title));
  });

  it('orders by newest with sort=new', async () => {
    const page = await json<Page<Idea>>(await call(`${DEMO}/boards/general/ideas?sort=new`));
    const dates = page.items.map((i) => Date.parse(i.createdAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(page.items[0]?.title).toBe('Single sign-on for the supplier portal');
  });

  it('never shows an author email or subject', async () => {
    const page = await json<Page<Idea>>(await call(`${DEMO}/boards/general/ideas`));
    const text = JSON.stringify(page);
    expect(text).not.toContain('@contoso.example');
    expect(text).not.toContain('demo|');
    expect(page.items[0]?.author).toEqual({
      name: 'Amara Okafor',
      businessUnit: 'Finance',
      unit: { key: 'finance', name: 'Finance', side: 'demand' },
    });
  });

  for (const sort of ['top', 'new'] as const) {
    it(`pages through every idea exactly once (sort=${sort})`, async () => {
      const t = await token({ sub: 'pager' });
      // A title per sort: the same idea twice from one person within minutes is refused as a repeat.
      for (let i = 0; i < 7; i++) expect((await post(t, { title: `Paged idea number ${i} (${sort})` })).status).toBe(201);
      const total = (await json<{ ideaCount: number }>(await call(`${DEMO}/boards/general`))).ideaCount;
      expect(total).toBeGreaterThanOrEqual(11);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const res = await call(`${DEMO}/boards/general/ideas?sort=${sort}&limit=3${q}`);
        expect(res.status).toBe(200);
        const page: Page<Idea> = await json(res);
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(Math.ceil(total / 3));
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });
  }

  it.each([
    ['limit=0', 'query.limit'],
    ['limit=101', 'query.limit'],
    ['limit=ten', 'query.limit'],
    ['sort=hot', 'query.sort'],
    ['cursor=%%%', 'query.cursor'],
    ['cursor=bm90LWpzb24', 'query.cursor'],
    ['colour=blue', 'query'],
  ])('refuses %s with a field-level 400', async (query, path) => {
    const res = await call(`${DEMO}/boards/general/ideas?${query}`);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    expect(error.details?.map((d) => d.path)).toContain(path);
  });

  it('refuses a cursor from another sort, and says why', async () => {
    const first = await json<Page<Idea>>(await call(`${DEMO}/boards/general/ideas?sort=top&limit=1`));
    const res = await call(`${DEMO}/boards/general/ideas?sort=new&cursor=${first.nextCursor}`);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/belongs to sort "top"/);
  });

  it('answers 404 for an unknown board or tenant', async () => {
    const board = await call(`${DEMO}/boards/nope/ideas`);
    expect(board.status).toBe(404);
    expect(await errorOf(board)).toMatchObject({ code: 'not_found', message: 'Board "nope" was not found.' });
    const tenant = await call('https://bridgekit.test/v1/tenants/nobody/boards/general/ideas');
    expect(tenant.status).toBe(404);
    expect((await errorOf(tenant)).message).toMatch(/Tenant "nobody"/);
  });
});

describe('submitting an idea', () => {
  it('creates it with the author from the token, and lists it first by newest', async () => {
    const res = await post(await amara(), { title: '  Automate supplier onboarding  ', description: 'Saves two weeks per supplier.' });
    expect(res.status).toBe(201);
    const idea = await json<Idea>(res);
    expect(idea).toMatchObject({
      board: 'general',
      title: 'Automate supplier onboarding',
      description: 'Saves two weeks per supplier.',
      author: { name: 'Amara Okafor', businessUnit: 'Finance', unit: { key: 'finance', name: 'Finance', side: 'demand' } },
      // Its author backs it from the start, with their business unit.
      votes: 1,
      supporters: 1,
      businessUnits: 1,
      voted: true,
      myVotes: 1,
    });
    expect(idea.id).toMatch(/^[0-9a-z]{16}$/);
    const page = await json<Page<Idea>>(await call(`${DEMO}/boards/general/ideas?sort=new`));
    expect(page.items[0]?.id).toBe(idea.id);
    // Read anonymously: the same idea, only not the reader's own, nor backed by them.
    expect(idea.mine).toBe(true);
    expect(await json<Idea>(await call(`${DEMO}/ideas/${idea.id}`))).toEqual({ ...idea, mine: false, voted: false, myVotes: 0 });
  });

  it('starts backed by its author on a single-vote board, a vote they can withdraw; on a budget board it spends none of theirs', async () => {
    const t = await token({ sub: 'own-idea-backer', bu: 'Sales' });
    const single = await json<Idea>(await post(t, { title: 'Self-backed idea on a single-vote board' }));
    expect(single).toMatchObject({ votes: 1, supporters: 1, businessUnits: 1, voted: true, myVotes: 1 });
    expect(await json<VoteState>(await call(`${DEMO}/ideas/${single.id}/vote`, { method: 'DELETE', token: t }))).toEqual({
      votes: 0,
      supporters: 0,
      businessUnits: 0,
      voted: false,
      myVotes: 0,
      budget: null,
    });
    expect(await json<Idea>(await call(`${DEMO}/ideas/${single.id}`, { token: t }))).toMatchObject({ votes: 0, voted: false });

    const budget = await post(
      t,
      { title: 'Unbacked idea on a budget board', businessCase: { problem: 'Budget votes are scarce.', valueType: 'cost' } },
      'finance-ops',
    );
    expect(budget.status).toBe(201);
    expect(await json<Idea>(budget)).toMatchObject({ votes: 0, supporters: 0, voted: false, myVotes: 0 });
    const board = await json<{ budget: { remaining: number; total: number } }>(await call(`${DEMO}/boards/finance-ops`, { token: t }));
    expect(board.budget.remaining).toBe(board.budget.total);
  });

  it('accepts an idea without a description', async () => {
    const res = await post(await amara(), { title: 'Short one' });
    expect(res.status).toBe(201);
    expect((await json<Idea>(res)).description).toBe('');
  });

  it('refreshes the author profile from the latest token', async () => {
    await post(await token({ sub: 'mover', name: 'Old Name', bu: 'Sales' }), { title: 'First idea here' });
    const second = await json<Idea>(
      await post(await token({ sub: 'mover', name: 'New Name', bu: 'Marketing' }), { title: 'Second idea here' }),
    );
    expect(second.author).toEqual({ name: 'New Name', businessUnit: 'Marketing', unit: null });
    const users = await env.DB.prepare("select count(*) as n from users where subject = 'mover'").first<{ n: number }>();
    expect(users?.n).toBe(1);
  });

  it.each([
    [{ title: 'ab' }, 'body.title', /at least 3/],
    [{ title: '   ab   ' }, 'body.title', /at least 3/],
    [{ title: 'x'.repeat(141) }, 'body.title', /at most 140/],
    [{ title: 'Line one\nline two' }, 'body.title', /single line/],
    [{ title: 'Bell \u0007 character' }, 'body.title', /control characters/],
    [{ title: 'Fine title', description: 'y'.repeat(5001) }, 'body.description', /at most 5,000/],
    [{ title: 42 }, 'body.title', /string/i],
    [{ description: 'no title' }, 'body.title', /string/i],
    [{ title: 'Fine title', board: 'other' }, 'body', /unrecognized key/i],
  ])('refuses body #%# with a field-level 400 and writes nothing', async (body, path, message) => {
    const before = await countIdeas();
    const res = await post(await amara(), body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    const detail = error.details?.find((d) => d.path === path);
    expect(detail?.message).toMatch(message);
    expect(await countIdeas()).toBe(before);
  });

  it('accepts exactly 140 characters of title and 5,000 of description', async () => {
    const res = await post(await amara(), { title: 't'.repeat(140), description: 'd'.repeat(5000) });
    expect(res.status).toBe(201);
  });

  it('refuses malformed JSON, a body that is not an object, and the wrong media type', async () => {
    const malformed = await post(await amara(), '{"title": "unterminated');
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe('malformed_json');

    const array = await post(await amara(), '["a list"]');
    expect(array.status).toBe(400);
    expect((await errorOf(array)).code).toBe('validation_failed');

    const form = await call(`${DEMO}/boards/general/ideas`, {
      method: 'POST',
      token: await amara(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=hello',
    });
    expect(form.status).toBe(415);
    expect(await errorOf(form)).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('refuses an oversize body with 413 before reading it', async () => {
    const before = await countIdeas();
    const res = await post(await amara(), { title: 'Big', description: 'z'.repeat(100_000) });
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({ code: 'payload_too_large' });
    expect(await countIdeas()).toBe(before);
  });

  it('needs a signed-in person', async () => {
    const res = await post(undefined, { title: 'Anonymous idea' });
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toMatchObject({ code: 'unauthorized' });
  });

  it('answers 404 for an unknown board and writes no idea', async () => {
    const before = await countIdeas();
    const res = await post(await amara(), { title: 'Lost idea' }, 'no-such-board');
    expect(res.status).toBe(404);
    expect(await countIdeas()).toBe(before);
  });
});

describe('one idea', () => {
  it('answers 404 for an unknown id', async () => {
    const res = await call(`${DEMO}/ideas/doesnotexist`);
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ code: 'not_found' });
  });
});

describe('voting', () => {
  const voteUrl = (id: string) => `${DEMO}/ideas/${id}/vote`;

  it('backs and withdraws idempotently, and the count survives a re-read', async () => {
    const t = await token({ sub: 'voter-1' });
    const id = 'demo-idea-sso';
    const start = (await json<Idea>(await call(`${DEMO}/ideas/${id}`))).votes;

    const first = await call(voteUrl(id), { method: 'PUT', token: t });
    expect(first.status).toBe(200);
    expect(await json<VoteState>(first)).toMatchObject({ votes: start + 1, voted: true, myVotes: 1, supporters: start + 1, budget: null });
    expect(await json<VoteState>(await call(voteUrl(id), { method: 'PUT', token: t }))).toMatchObject({ votes: start + 1, voted: true });

    const read = await json<Idea>(await call(`${DEMO}/ideas/${id}`, { token: t }));
    expect(read).toMatchObject({ votes: start + 1, voted: true });
    expect((await json<Idea>(await call(`${DEMO}/ideas/${id}`))).voted).toBe(false);

    expect(await json<VoteState>(await call(voteUrl(id), { method: 'DELETE', token: t }))).toMatchObject({ votes: start, voted: false });
    expect(await json<VoteState>(await call(voteUrl(id), { method: 'DELETE', token: t }))).toMatchObject({ votes: start, voted: false });
  });

  it('counts 50 concurrent votes from 50 people as exactly 50 (and the author’s own)', async () => {
    const created = await json<Idea>(await post(await amara(), { title: 'A popular idea' }));
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => token({ sub: `crowd-${i}`, name: `Person ${i}` })));
    const results = await Promise.all(tokens.map((t) => call(voteUrl(created.id), { method: 'PUT', token: t })));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    const idea = await json<Idea>(await call(`${DEMO}/ideas/${created.id}`));
    expect(idea.votes).toBe(51);
    const rows = await env.DB.prepare('select count(*) as n from votes where idea_id = ?').bind(created.id).first<{ n: number }>();
    expect(rows?.n).toBe(51);
  });

  it('counts 20 concurrent votes by one person once', async () => {
    const created = await json<Idea>(await post(await amara(), { title: 'Backed eagerly' }));
    const t = await token({ sub: 'eager' });
    const results = await Promise.all(Array.from({ length: 20 }, () => call(voteUrl(created.id), { method: 'PUT', token: t })));
    for (const r of results) expect(await json<VoteState>(r)).toMatchObject({ voted: true });
    // Theirs and the author's.
    expect((await json<Idea>(await call(`${DEMO}/ideas/${created.id}`))).votes).toBe(2);
  });

  it('keeps the count equal to the votes under concurrent votes and withdrawals', async () => {
    const created = await json<Idea>(await post(await amara(), { title: 'Contested idea' }));
    const tokens = await Promise.all(Array.from({ length: 30 }, (_, i) => token({ sub: `mixed-${i}` })));
    await Promise.all(tokens.map((t) => call(voteUrl(created.id), { method: 'PUT', token: t })));
    await Promise.all(tokens.map((t, i) => call(voteUrl(created.id), { method: i % 3 === 0 ? 'DELETE' : 'PUT', token: t })));
    const idea = await json<Idea>(await call(`${DEMO}/ideas/${created.id}`));
    // 20 of the 30 and the author's.
    expect(idea.votes).toBe(21);
  });

  it('needs a signed-in person, and answers 404 for an unknown idea', async () => {
    const anonymous = await call(voteUrl('demo-idea-sso'), { method: 'PUT' });
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).message).toMatch(/Sign in to back an idea/);
    const unknown = await call(voteUrl('nope'), { method: 'PUT', token: await amara() });
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({ code: 'not_found', message: 'Idea "nope" was not found.' });
    const votes = await env.DB.prepare("select count(*) as n from votes where idea_id = 'nope'").first<{ n: number }>();
    expect(votes?.n).toBe(0);
  });
});
