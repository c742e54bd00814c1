/**
 * An idea's own page (`GET /ideas/{id}/view`) and its own discussion (`idea:<id>` threads):
 * what the view gathers, who sees it, and who may read and join the discussion.
 */
import { env } from 'cloudflare:workers';
import type { Comment, Idea, IdeaView, PracticeCard, ThreadPage } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { demoCardId } from '../src/dev/demo-data.ts';
import { versioned } from '../src/store/cache-versions.ts';
import { call, DEMO, errorOf, json, seedOtherTenant, token, useTestRoleClaims } from './helpers.ts';

const author = () => token({ sub: 'view-author', name: 'Ada Author', bu: 'Finance' });
const member = () => token({ sub: 'view-member', name: 'Max Member', bu: 'Sales' });
const evaluator = (sub = 'view-eva') => token({ sub, name: `Eva ${sub}`, extra: { roles: ['Bridgekit.Evaluator'] } });
const moderator = () => token({ sub: 'view-mo', name: 'Mo Moderator', extra: { roles: ['Bridgekit.Moderator'] } });

const send = async (method: string, url: string, t: string | null, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function newIdea(title: string, extra: Record<string, unknown> = {}, t?: string): Promise<Idea> {
  const res = await send('POST', `${DEMO}/boards/general/ideas`, t ?? (await author()), { title, ...extra });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Idea>(res);
}

async function newCardCiting(ideaId: string, title: string): Promise<PracticeCard> {
  const e = EXAMPLE_CARDS['business-partner-profile'];
  if (!e) throw new Error('no example card');
  const res = await send('POST', `${DEMO}/cards`, await author(), {
    templateId: 'business-partner-profile',
    title,
    fields: { ...e.fields, opportunities: [{ kind: 'idea', id: ideaId }] },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<PracticeCard>(res);
}

const view = async (id: string, t: string | null) => send('GET', `${DEMO}/ideas/${id}/view`, t);
const ideaThread = (id: string) => `idea:${id}`;
const readThread = async (key: string, t: string | null) => send('GET', `${DEMO}/threads/comments?key=${encodeURIComponent(key)}`, t);
const postTo = async (key: string, t: string, body = 'A comment on the idea.', title?: string) =>
  send('POST', `${DEMO}/threads/comments`, t, { key, body, ...(title ? { title } : {}) });

const ANSWER = demoCardId('business-case');
const answerTitle = () => EXAMPLE_CARDS['business-case']?.title;

beforeAll(async () => {
  // Evaluators come from the same claim as the demo's moderators and admins.
  await useTestRoleClaims();
  await seedOtherTenant();
});

describe("an idea's view", () => {
  it('gathers the history with its cards, the answer, the source card, duplicates, support by unit, citations and the discussion', async () => {
    const idea = await newIdea('Shared travel booking view for all units', { sourceCard: demoCardId('value-realization-plan') });
    // Support: two people of Finance, one of Sales, one without a business unit.
    for (const t of [
      await token({ sub: 'view-v1', bu: 'Finance' }),
      await token({ sub: 'view-v2', bu: 'Finance' }),
      await token({ sub: 'view-v3', bu: 'Sales' }),
      await token({ sub: 'view-v4' }),
    ]) {
      expect((await send('PUT', `${DEMO}/ideas/${idea.id}/vote`, t)).status).toBe(200);
    }
    const eva = await evaluator();
    expect((await send('PUT', `${DEMO}/ideas/${idea.id}/status`, eva, { status: 'under_review' })).status).toBe(200);
    const reason = 'Already possible with the travel platform; the business case card shows the numbers.';
    expect((await send('PUT', `${DEMO}/ideas/${idea.id}/status`, eva, { status: 'self_service', reason, card: ANSWER })).status).toBe(200);
    const duplicate = await newIdea('Travel booking view, again', {}, await member());
    expect((await send('POST', `${DEMO}/ideas/${duplicate.id}/merge`, await moderator(), { into: idea.id })).status).toBe(200);
    const citing = await newCardCiting(idea.id, 'Finance partner profile citing the travel idea');
    const heldCiting = await newCardCiting(idea.id, 'A held card citing the travel idea');
    await versioned(env.DB, 'demo-tenant').prepare("update cards set state = 'pending' where id = ?").bind(heldCiting.id).run();
    expect((await postTo(ideaThread(idea.id), await member(), 'We would use this every week.')).status).toBe(201);
    expect((await postTo(ideaThread(idea.id), await author(), 'Thanks — the card answers it.')).status).toBe(201);

    const res = await view(idea.id, await member());
    expect(res.status).toBe(200);
    const v = await json<IdeaView>(res);
    expect(v.idea).toMatchObject({ id: idea.id, status: { key: 'self_service', reason, card: { id: ANSWER, title: answerTitle() } } });
    expect(v.board).toMatchObject({ slug: 'general', name: expect.any(String) });
    expect(v.history.map((h) => [h.from, h.to, h.card?.id ?? null])).toEqual([
      ['open', 'under_review', null],
      ['under_review', 'self_service', ANSWER],
    ]);
    expect(v.history[1]).toMatchObject({ reason, by: 'Eva view-eva' });
    expect(v.answeredBy).toEqual({ id: ANSWER, title: answerTitle() });
    expect(v.sourceCard).toEqual({ id: demoCardId('value-realization-plan'), title: EXAMPLE_CARDS['value-realization-plan']?.title });
    expect(v.mergedInto).toBeNull();
    expect(v.duplicates).toEqual([{ id: duplicate.id, title: 'Travel booking view, again' }]);
    // Its author (Finance) backs it, and the merged duplicate's author (Sales) backed theirs, now this one.
    expect(v.supportByUnit).toEqual([
      { unit: { key: 'finance', name: 'Finance', side: 'demand' }, supporters: 3 },
      { unit: { key: 'sales', name: 'Sales', side: 'demand' }, supporters: 2 },
      { unit: null, supporters: 1 },
    ]);
    expect(v.providerSupporters).toBe(0);
    expect(v.citedBy).toEqual([{ id: citing.id, title: citing.title }]);
    expect(v.discussion).toEqual({ key: `idea:${idea.id}`, comments: 2 });
    expect(v.evaluation).toBeNull();
  });

  it("shows the evaluators' averages per criterion to evaluators, and to nobody else", async () => {
    const idea = await newIdea('Scored idea for the view');
    const scores = (impact: number, size: string) => ({
      scores: { impact, financial: 3, strategic_alignment: 3, size, new_technology: false, third_party: true, ways_of_working: false },
    });
    expect((await send('PUT', `${DEMO}/ideas/${idea.id}/score`, await evaluator('view-eva-1'), scores(5, 'S'))).status).toBe(200);
    expect((await send('PUT', `${DEMO}/ideas/${idea.id}/score`, await evaluator('view-eva-2'), scores(2, 'L'))).status).toBe(200);

    const asEvaluator = await json<IdeaView>(await view(idea.id, await evaluator('view-eva-3')));
    expect(asEvaluator.evaluation?.evaluators).toBe(2);
    const byKey = Object.fromEntries((asEvaluator.evaluation?.criteria ?? []).map((c) => [c.key, c]));
    expect(Object.keys(byKey)).toEqual([
      'impact',
      'financial',
      'strategic_alignment',
      'size',
      'new_technology',
      'third_party',
      'ways_of_working',
    ]);
    expect(byKey.impact).toEqual({
      key: 'impact',
      label: 'Business impact',
      translations: { de: { label: 'Geschäftlicher Nutzen' } },
      average: 3.5,
    });
    expect(byKey.size?.average).toBe(3.5); // S = 2 and L = 5 effort points
    expect(byKey.third_party?.average).toBe(1);
    expect(byKey.new_technology?.average).toBe(0);

    const fresh = await json<IdeaView>(await view((await newIdea('Nobody scored this one yet')).id, await evaluator()));
    expect(fresh.evaluation?.evaluators).toBe(0);
    expect(fresh.evaluation?.criteria.every((c) => c.average === null)).toBe(true);

    for (const t of [await member(), await author(), null]) {
      expect((await json<IdeaView>(await view(idea.id, t))).evaluation).toBeNull();
    }
    expect((await json<IdeaView>(await view(idea.id, await moderator()))).evaluation?.evaluators).toBe(2);
  });

  it('names only published cards: a held answer or source card is left out of the idea, its history and the view', async () => {
    const card = await newCardCiting('demo-idea-invoice', 'Card that answers and then is held');
    const idea = await newIdea('Idea answered by a card that is then held', { sourceCard: card.id });
    const reason = 'Covered by the partner profile card, which lists the contacts to ask.';
    expect(
      (await send('PUT', `${DEMO}/ideas/${idea.id}/status`, await evaluator(), { status: 'already_available', reason, card: card.id }))
        .status,
    ).toBe(200);
    expect((await json<IdeaView>(await view(idea.id, null))).answeredBy).toEqual({ id: card.id, title: card.title });

    await versioned(env.DB, 'demo-tenant').prepare("update cards set state = 'pending' where id = ?").bind(card.id).run();
    const v = await json<IdeaView>(await view(idea.id, null));
    expect(v.answeredBy).toBeNull();
    expect(v.sourceCard).toBeNull();
    expect(v.idea.status.card).toBeNull();
    expect(v.history.map((h) => h.card)).toEqual([null]);
    const history = await json<{ items: { card: unknown }[] }>(await send('GET', `${DEMO}/ideas/${idea.id}/status-history`, null));
    expect(history.items.map((h) => h.card)).toEqual([null]);
  });

  it('redirects a merged duplicate to the view of the idea it was merged into, as GET /ideas/{id} does', async () => {
    const original = await newIdea('Original for the merged view');
    const duplicate = await newIdea('Duplicate for the merged view');
    expect((await send('POST', `${DEMO}/ideas/${duplicate.id}/merge`, await moderator(), { into: original.id })).status).toBe(200);
    const res = await call(`${DEMO}/ideas/${duplicate.id}/view`, { token: await member(), redirect: 'manual' });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe(`/v1/tenants/demo/ideas/${original.id}/view`);
    // Followed, as the SDK follows it: the original's view, which lists the duplicate.
    const followed = await json<IdeaView>(await view(duplicate.id, await member()));
    expect(followed.idea.id).toBe(original.id);
    expect(followed.duplicates).toEqual([{ id: duplicate.id, title: 'Duplicate for the merged view' }]);
  });

  it('shows a held idea to its author and moderators only: 404 for everyone else, as GET /ideas/{id}', async () => {
    const idea = await newIdea('Held idea with a view');
    await versioned(env.DB, 'demo-tenant').prepare("update ideas set state = 'pending' where id = ?").bind(idea.id).run();
    for (const t of [await member(), await evaluator(), null]) {
      const res = await view(idea.id, t);
      expect(res.status).toBe(404);
      expect(await errorOf(res)).toMatchObject({ reason: 'not_found.idea', params: { id: idea.id } });
      expect((await send('GET', `${DEMO}/ideas/${idea.id}`, t)).status).toBe(404);
    }
    const own = await json<IdeaView>(await view(idea.id, await author()));
    expect(own.idea.moderation.state).toBe('pending');
    const moderated = await view(idea.id, await moderator());
    expect(moderated.status).toBe(200);
    expect((await json<IdeaView>(moderated)).idea.moderation.state).toBe('pending');
  });

  it("answers 404 for an idea that does not exist, and for another tenant's idea", async () => {
    for (const id of ['no-such-idea', 'other-idea']) {
      const res = await view(id, await member());
      expect(res.status).toBe(404);
      const text = await res.text();
      expect(text).toContain('not_found.idea');
      expect(text).not.toContain('Fabrikam');
    }
  });
});

describe("an idea's own discussion (idea:<id>)", () => {
  it("takes comments under the idea's title, whatever title the page sends, and reads back with it", async () => {
    const idea = await newIdea('Idea with a discussion of its own');
    const res = await postTo(ideaThread(idea.id), await member(), 'How would this work for contractors?', 'Some page title');
    expect(res.status).toBe(201);
    const page = await json<ThreadPage>(await readThread(ideaThread(idea.id), null));
    expect(page.thread).toMatchObject({ key: `idea:${idea.id}`, title: 'Idea with a discussion of its own', commentCount: 1 });
    expect(page.items.map((c: Comment) => c.body)).toEqual(['How would this work for contractors?']);
    const stored = await env.DB.prepare('select title from threads where key = ?').bind(`idea:${idea.id}`).first<{ title: string }>();
    expect(stored?.title).toBe('Idea with a discussion of its own');
  });

  it("refuses to read or post under an idea that does not exist, or is another tenant's, with a reason that says so", async () => {
    for (const id of ['no-such-idea', 'other-idea']) {
      const key = ideaThread(id);
      for (const res of [await readThread(key, await member()), await postTo(key, await member())]) {
        expect(res.status).toBe(404);
        const error = await errorOf(res);
        expect(error).toMatchObject({ reason: 'not_found.idea_discussion', params: { key, id } });
        expect(JSON.stringify(error)).not.toContain('Fabrikam');
      }
    }
    const written = await env.DB.prepare("select count(*) as n from threads where key in ('idea:no-such-idea', 'idea:other-idea')").first<{
      n: number;
    }>();
    expect(written?.n).toBe(0);
  });

  it("keeps a held idea's discussion to its author and moderators", async () => {
    const idea = await newIdea('Held idea with a discussion');
    await versioned(env.DB, 'demo-tenant').prepare("update ideas set state = 'pending' where id = ?").bind(idea.id).run();
    const key = ideaThread(idea.id);
    expect((await postTo(key, await author(), 'Context for the moderators.')).status).toBe(201);
    for (const res of [await readThread(key, await member()), await readThread(key, null), await postTo(key, await member())]) {
      expect(res.status).toBe(404);
      expect((await errorOf(res)).reason).toBe('not_found.idea_discussion');
    }
    const asModerator = await json<ThreadPage>(await readThread(key, await moderator()));
    expect(asModerator.items.map((c) => c.body)).toEqual(['Context for the moderators.']);
    expect((await postTo(key, await moderator(), 'Looking at it.')).status).toBe(201);
    expect((await json<ThreadPage>(await readThread(key, await author()))).thread?.commentCount).toBe(2);
  });

  it('leaves other thread keys alone: a key that only looks similar is an ordinary thread', async () => {
    expect((await postTo('ideas:not-an-idea-thread', await member(), 'On an ordinary thread.')).status).toBe(201);
    expect((await postTo('my-idea:page', await member(), 'On another ordinary thread.')).status).toBe(201);
  });
});
