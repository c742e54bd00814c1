/**
 * A war story promoted to a practice card: the text carried over, the story and the card linked
 * both ways, one card per story (however often, however concurrently it is promoted), who may
 * promote what, and the moderation pipeline as for any new card. Then the demo's own loop.
 */
import { env } from 'cloudflare:workers';
import type { Comment, NewApiKey, PracticeCard, Promotion, ThreadPage } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { database } from '../src/db/client.ts';
import { DEMO_IDEA_DISCUSSION, DEMO_IDEAS, DEMO_PROMOTION, DEMO_THREAD } from '../src/dev/demo-data.ts';
import { insertCard } from '../src/store/cards.ts';
import { clearTenantCache, findTenantBySlug } from '../src/store/tenants.ts';
import { admin, call, DEMO, errorOf, json, seedDemo, token } from './helpers.ts';

const THREADS = `${DEMO}/threads`;
let ada: string;
let ben: string;
let mod: string;
let boss: string;

beforeAll(async () => {
  [ada, ben, mod, boss] = await Promise.all([
    token({ sub: 'promote-ada', name: 'Ada Lovelace', bu: 'Finance' }),
    token({ sub: 'promote-ben', name: 'Ben Okoro', bu: 'Sales' }),
    token({ sub: 'promote-mod', name: 'Mo Derator', extra: { roles: ['Bridgekit.Moderator'] } }),
    token({ sub: 'promote-boss', name: 'Ad Min', extra: { roles: ['Bridgekit.Admin'] } }),
  ]);
});

const send = (method: string, url: string, t: string | undefined, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function post(t: string, input: Record<string, unknown>): Promise<Comment> {
  const res = await send('POST', `${THREADS}/comments`, t, input);
  if (res.status !== 201) throw new Error(`post: ${res.status} ${await res.text()}`);
  return json<Comment>(res);
}

const promote = (t: string | undefined, threadId: string, body: Record<string, unknown> = { template: 'practice' }) =>
  send('POST', `${THREADS}/${encodeURIComponent(threadId)}/promote`, t, body);

async function promoted(t: string, threadId: string, body?: Record<string, unknown>, status = 201): Promise<Promotion> {
  const res = await promote(t, threadId, body);
  if (res.status !== status) throw new Error(`promote: ${res.status} ${await res.text()}`);
  return json<Promotion>(res);
}

const threadOf = async (key: string, t?: string) => json<ThreadPage>(await send('GET', `${THREADS}/comments?key=${key}`, t));
const cardsFrom = async (promotedFrom: string) =>
  (await env.DB.prepare('select count(*) as n from cards where promoted_from = ?').bind(promotedFrom).first<{ n: number }>())?.n;

async function configure(update: Record<string, unknown>): Promise<void> {
  const res = await send('PATCH', `${DEMO}/moderation/settings`, boss, update);
  if (res.status !== 200) throw new Error(`settings: ${res.status} ${await res.text()}`);
  clearTenantCache();
}

const STORY =
  'Finance asked for a new report every week. Instead of building each one, we ran a two-hour session on the **self-service BI tool**.\n\nRequests dropped by half in a month; the catalogue of what people can do themselves did the rest.';
/** The story, told again under another key (the pipeline refuses the same text twice in a row). */
const storyFor = (key: string) => `${STORY} (${key})`;

describe('promoting a thread', () => {
  it('carries the story into the template, owned by the promoter, and links the story and the card both ways', async () => {
    const first = await post(ada, { key: 'promote-report-factory', title: 'War stories: the report factory', body: STORY });
    await post(ben, { key: 'promote-report-factory', body: 'We did the same with HR.', parentId: first.id });
    const { card, created } = await promoted(ada, first.threadId);
    expect(created).toBe(true);
    expect(card).toMatchObject({
      templateId: 'practice',
      title: 'War stories: the report factory',
      summary: 'Finance asked for a new report every week.',
      fields: {
        problem:
          'Finance asked for a new report every week. Instead of building each one, we ran a two-hour session on the **self-service BI tool**.',
        approach: 'Requests dropped by half in a month; the catalogue of what people can do themselves did the rest.',
      },
      owner: { name: 'Ada Lovelace', handle: 'ada.lovelace' },
      version: 1,
      moderation: { state: 'published' },
      source: {
        thread: { id: first.threadId, key: 'promote-report-factory', title: 'War stories: the report factory', url: null },
        comment: null,
      },
    });
    expect(card.rendered.problem).toContain('<strong>self-service BI tool</strong>');
    const history = await json<{ items: { note: string | null }[] }>(await send('GET', `${DEMO}/cards/${card.id}/versions`, ada));
    expect(history.items.map((v) => v.note)).toEqual(['Promoted from a war story']);

    // The card names its story wherever it is read; the thread names the card.
    const read = await json<PracticeCard>(await send('GET', `${DEMO}/cards/${card.id}`, ben));
    expect(read.source).toEqual(card.source);
    expect((await threadOf('promote-report-factory')).thread?.practices).toEqual([{ id: card.id, title: card.title, comment: null }]);
    const row = await env.DB.prepare(
      'select source_thread_id as thread, source_comment_id as comment, promoted_from as fromKey from cards where id = ?',
    )
      .bind(card.id)
      .first();
    expect(row).toEqual({ thread: first.threadId, comment: null, fromKey: `thread:${first.threadId}` });
    // Cards written by hand have no story.
    expect((await json<PracticeCard>(await send('GET', `${DEMO}/cards/demo-card-business-case`, undefined))).source).toBeNull();
  });

  it('answers the card the story already became, with 200 and created false, whoever promotes it again', async () => {
    const first = await post(ada, { key: 'promote-twice', title: 'Saying not this way', body: storyFor('promote-twice') });
    const once = await promoted(ada, first.threadId);
    const again = await promoted(ada, first.threadId, undefined, 200);
    expect(again).toEqual({ card: once.card, created: false });
    // Even on another template, and by a moderator: one card per story.
    const byModerator = await promoted(mod, first.threadId, { template: 'business-case' }, 200);
    expect(byModerator.card.id).toBe(once.card.id);
    expect(await cardsFrom(`thread:${first.threadId}`)).toBe(1);
    expect((await threadOf('promote-twice')).thread?.practices).toHaveLength(1);
  });

  it('ends a race of two promotions with one card and one version', async () => {
    const first = await post(ada, { key: 'promote-race', title: 'Two promoters at once', body: storyFor('promote-race') });
    const answers = await Promise.all([promote(ada, first.threadId), promote(mod, first.threadId)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
    const [a, b] = await Promise.all(answers.map((r) => json<Promotion>(r)));
    expect(a?.card.id).toBe(b?.card.id);
    expect(await cardsFrom(`thread:${first.threadId}`)).toBe(1);
    const versions = await env.DB.prepare('select count(*) as n from card_versions where card_id = ?').bind(a?.card.id).first();
    expect(versions).toEqual({ n: 1 });
  });

  it('lets the unique story key stop a promotion that lost the race after its look-up: the batch writes nothing', async () => {
    const first = await post(ada, { key: 'promote-lost-race', title: 'The slower promoter', body: storyFor('promote-lost-race') });
    const { card } = await promoted(ada, first.threadId);
    // The second promotion's insert, as it runs once its look-up found nothing.
    const db = database(env.DB);
    const tenant = await findTenantBySlug(db, 'demo');
    if (!tenant) throw new Error('no demo tenant');
    const actor = { subject: 'promote-mod', name: 'Mo Derator', email: null, businessUnit: null };
    const before = await env.DB.prepare(
      'select (select count(*) from cards) as cards, (select count(*) from card_versions) as versions',
    ).first();
    const lost = await insertCard(
      db,
      tenant,
      { viewer: { kind: 'user', via: 'embed', claimRole: 'moderator', ...actor }, actor },
      { templateId: 'practice', title: 'The slower promoter', fields: { problem: 'A story.', approach: 'Told twice.' } },
      { threadId: first.threadId, commentId: null, promotedFrom: `thread:${first.threadId}` },
    );
    expect(lost.inserted).toBe(false);
    expect(lost.id).not.toBe(card.id);
    expect(
      await env.DB.prepare('select (select count(*) from cards) as cards, (select count(*) from card_versions) as versions').first(),
    ).toEqual(before);
  });

  it('takes the title from the first line when the thread has none, cut to the limit between graphemes', async () => {
    const line = `${'Deflection works when the alternative is shown, not only named, '.repeat(2)}and everyone sees it 🙂🙂🙂 here`;
    const first = await post(ada, { key: 'promote-untitled', body: `${line}\n\nSecond paragraph.` });
    const { card } = await promoted(ada, first.threadId);
    expect(card.title.length).toBeLessThanOrEqual(140);
    expect(card.title.endsWith('…')).toBe(true);
    expect(line.startsWith(card.title.slice(0, -1))).toBe(true);
    expect(card.title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('promoting one comment', () => {
  it('makes the comment the story: its first line the title, its text the first richtext field of a template without a mapping', async () => {
    const lessons = {
      id: 'lessons-learned',
      name: 'Lessons learned',
      fields: [
        { key: 'when', label: 'When', type: 'date' },
        { key: 'story', label: 'Story', type: 'richtext', required: true },
        { key: 'lessons', label: 'Lessons', type: 'list', of: { type: 'text' } },
      ],
    };
    expect((await admin(`${DEMO}/templates/lessons-learned`, 'PUT', lessons)).status).toBe(200);
    const first = await post(ada, { key: 'promote-comment', title: 'War stories: saying no', body: 'How do you say no?' });
    const body =
      'Tie every review to their objectives. Low-value asks then deflect themselves.\n\n> The best deflection is a better conversation.';
    const reply = await post(ben, { key: 'promote-comment', body, parentId: first.id });
    const { card, created } = await promoted(ben, first.threadId, { template: 'lessons-learned', comment: reply.id });
    expect(created).toBe(true);
    expect(card).toMatchObject({
      templateId: 'lessons-learned',
      title: 'Tie every review to their objectives. Low-value asks then deflect themselves.',
      summary: 'Tie every review to their objectives.',
      fields: { story: body },
      owner: { name: 'Ben Okoro' },
      source: { thread: { id: first.threadId, title: 'War stories: saying no' }, comment: reply.id },
    });
    expect(card.rendered.story).toContain('<blockquote>');
    expect(await cardsFrom(`comment:${reply.id}`)).toBe(1);
    // The thread lists it beside the thread's own promotion, oldest first.
    const whole = await promoted(mod, first.threadId);
    expect((await threadOf('promote-comment')).thread?.practices).toEqual([
      { id: card.id, title: card.title, comment: reply.id },
      { id: whole.card.id, title: 'War stories: saying no', comment: null },
    ]);
  });

  it('refuses a comment of another thread, one that does not exist, or one not published', async () => {
    const here = await post(ada, { key: 'promote-here', body: 'Our story.' });
    const elsewhere = await post(ada, { key: 'promote-elsewhere', body: 'Another story.' });
    const wrong = await promote(ada, here.threadId, { template: 'practice', comment: elsewhere.id });
    expect(wrong.status).toBe(400);
    const error = await errorOf(wrong);
    expect(error.reason).toBe('validation_failed.promote_elsewhere');
    expect(error.details?.[0]).toMatchObject({ path: 'body.comment', reason: 'field.other_thread' });

    const missing = await promote(ada, here.threadId, { template: 'practice', comment: 'no-such-comment' });
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).reason).toBe('not_found.comment');

    // The demo tenant holds comments with a suspect word for review.
    const held = await post(ben, { key: 'promote-here', body: 'A vendor built ours.', parentId: here.id });
    expect(held.state).toBe('pending');
    const others = await promote(ada, here.threadId, { template: 'practice', comment: held.id });
    expect(others.status).toBe(404);
    const own = await promote(ben, here.threadId, { template: 'practice', comment: held.id });
    expect(own.status).toBe(409);
    expect((await errorOf(own)).reason).toBe('conflict.promote_unpublished');
    expect(await cardsFrom(`comment:${held.id}`)).toBe(0);
  });
});

describe('what a promotion needs', () => {
  it('lets moderators promote any story, authors their own, and nobody else', async () => {
    const first = await post(ada, { key: 'promote-rights', title: 'Whose story is it', body: storyFor('promote-rights') });
    const reply = await post(ben, { key: 'promote-rights', body: 'Ours went the same way, with HR.', parentId: first.id });
    const cases: [string, Response, number, string?][] = [
      ['signed out', await promote(undefined, first.threadId), 401, 'unauthorized.sign_in'],
      ['another member, the thread', await promote(ben, first.threadId), 403, 'forbidden.promote_thread'],
      [
        'another member, a comment',
        await promote(ben, first.threadId, { template: 'practice', comment: first.id }),
        403,
        'forbidden.promote_comment',
      ],
      [
        'the thread starter, a reply by someone else',
        await promote(ada, first.threadId, { template: 'practice', comment: reply.id }),
        403,
        'forbidden.promote_comment',
      ],
      ['no such thread', await promote(ada, 'no-such-thread'), 404, 'not_found.thread'],
    ];
    for (const [label, res, status, reason] of cases) {
      expect(res.status, label).toBe(status);
      expect((await errorOf(res)).reason, label).toBe(reason);
    }
    const key = await json<NewApiKey>(await admin(`${DEMO}/api-keys`, 'POST', { name: 'Reader', scopes: ['read'] }));
    const byKey = await promote(key.key, first.threadId);
    expect(byKey.status).toBe(403);
    expect((await errorOf(byKey)).reason).toBe('forbidden.api_key_write');
    expect(await cardsFrom(`thread:${first.threadId}`)).toBe(0);

    expect((await promoted(ben, first.threadId, { template: 'practice', comment: reply.id })).card.owner?.name).toBe('Ben Okoro');
    const byModerator = await promoted(mod, first.threadId);
    expect(byModerator.card.owner?.name).toBe('Mo Derator');
  });

  it('needs a template whose required fields a story can fill, and one that exists; it writes nothing otherwise', async () => {
    const first = await post(ada, { key: 'promote-templates', title: 'Wrong template', body: storyFor('promote-templates') });
    const before = await env.DB.prepare('select count(*) as n from cards').first();
    const businessCase = await promote(ada, first.threadId, { template: 'business-case' });
    expect(businessCase.status).toBe(400);
    const error = await errorOf(businessCase);
    expect(error.reason).toBe('validation_failed.story_template');
    // The story fills the first richtext field, the executive summary; nothing fills the others.
    expect(error.message).toContain('Reasons, Options, Recommended option');
    expect(error.message).not.toContain('Executive summary');
    const unknown = await promote(ada, first.threadId, { template: 'no-such-template' });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).reason).toBe('validation_failed.no_template');
    const bad = await promote(ada, first.threadId, { template: 'practice', surprise: true });
    expect(bad.status).toBe(400);
    expect(await env.DB.prepare('select count(*) as n from cards').first()).toEqual(before);
  });

  it('passes the moderation pipeline: a held card is its promoter’s and moderators’ until approved, then the thread lists it', async () => {
    const first = await post(ada, { key: 'promote-held', title: 'Held story', body: storyFor('promote-held') });
    await configure({ preModeration: 'all' });
    try {
      const { card, created } = await promoted(ada, first.threadId);
      expect(created).toBe(true);
      expect(card.moderation).toMatchObject({ state: 'pending', reasonCode: 'held.every_card' });
      expect((await send('GET', `${DEMO}/cards/${card.id}`, ben)).status).toBe(404);
      expect((await threadOf('promote-held')).thread?.practices).toEqual([]);
      // Its promoter gets it back, and so does a moderator.
      expect((await promoted(ada, first.threadId, undefined, 200)).card.id).toBe(card.id);
      expect((await promoted(mod, first.threadId, undefined, 200)).card.moderation.state).toBe('pending');

      const approve = await send('POST', `${DEMO}/cards/${card.id}/moderation`, mod, { action: 'approve' });
      expect(approve.status).toBe(200);
    } finally {
      await configure({ preModeration: 'off' });
    }
    const practices = (await threadOf('promote-held')).thread?.practices;
    expect(practices?.map((p) => p.title)).toEqual(['Held story']);
  });

  it('refuses a promotion 422 when the pipeline refuses the card, writing nothing', async () => {
    const first = await post(ada, { key: 'promote-refused', title: 'The mainframe story', body: storyFor('promote-refused') });
    await configure({ bannedWords: ['mainframe'] });
    try {
      const res = await promote(ada, first.threadId);
      expect(res.status).toBe(422);
      expect((await errorOf(res)).code).toBe('card_rejected');
    } finally {
      await configure({ bannedWords: [] });
    }
    expect(await cardsFrom(`thread:${first.threadId}`)).toBe(0);
  });

  it("answers 409 when the story's card waits for a moderator and is not the caller's", async () => {
    const first = await post(ada, { key: 'promote-theirs', title: 'Somebody else promoted it', body: storyFor('promote-theirs') });
    await configure({ preModeration: 'all' });
    let card: PracticeCard;
    try {
      ({ card } = await promoted(ada, first.threadId));
    } finally {
      await configure({ preModeration: 'off' });
    }
    // As if another author's card (an import, a person since demoted) held the story.
    await env.DB.prepare("update cards set author_id = (select id from users where subject = 'promote-ben') where id = ?")
      .bind(card.id)
      .run();
    const res = await promote(ada, first.threadId);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).reason).toBe('conflict.promotion_held');
    expect((await promoted(mod, first.threadId, undefined, 200)).card.id).toBe(card.id);
  });
});

describe('the demo loop', () => {
  it('has its war story promoted to the practice card, linked both ways', async () => {
    const page = await threadOf(DEMO_THREAD.key);
    expect(page.thread?.practices).toEqual([{ id: DEMO_PROMOTION.card, title: EXAMPLE_CARDS.practice?.title, comment: null }]);
    const card = await json<PracticeCard>(await send('GET', `${DEMO}/cards/${DEMO_PROMOTION.card}`, undefined));
    expect(card).toMatchObject({
      templateId: 'practice',
      owner: { name: 'Amara Okafor' },
      // The request deflected to it (below).
      answered: 1,
      source: { thread: { id: DEMO_THREAD.id, key: DEMO_THREAD.key, title: DEMO_THREAD.title }, comment: null },
    });
    // Its starter promoting it again finds the same card.
    const amara = await token({ sub: 'demo|amara', name: 'Amara Okafor' });
    expect((await promoted(amara, DEMO_THREAD.id, undefined, 200)).card.id).toBe(DEMO_PROMOTION.card);
  });

  it('has a low-value request deflected to that card, with the reason and the card on its status change', async () => {
    const deflected = DEMO_IDEAS.filter((i) => i.status?.card === DEMO_PROMOTION.card);
    expect(deflected).toHaveLength(1);
    const id = deflected[0]?.id ?? '';
    const idea = await env.DB.prepare('select status, status_category as category, answered_by as answeredBy from ideas where id = ?')
      .bind(id)
      .first();
    expect(idea).toEqual({ status: 'self_service', category: 'declined', answeredBy: DEMO_PROMOTION.card });
    const change = await env.DB.prepare('select to_status as status, card_id as card, reason from idea_status_changes where idea_id = ?')
      .bind(id)
      .first<{ status: string; card: string; reason: string }>();
    expect(change).toMatchObject({ status: 'self_service', card: DEMO_PROMOTION.card });
    expect(change?.reason).toContain(EXAMPLE_CARDS.practice?.title);
  });

  it("has a business leader's idea with its own discussion under the idea's thread key", async () => {
    const idea = DEMO_IDEAS.find((i) => `idea:${i.id}` === DEMO_IDEA_DISCUSSION.key);
    expect(idea?.title).toBe(DEMO_IDEA_DISCUSSION.title);
    const page = await threadOf(encodeURIComponent(DEMO_IDEA_DISCUSSION.key));
    expect(page.thread).toMatchObject({ id: DEMO_IDEA_DISCUSSION.id, title: idea?.title, commentCount: 3 });
    const ids = page.items.flatMap((c) => [c.id, ...c.replies.map((r) => r.id)]);
    expect(ids.sort()).toEqual(DEMO_IDEA_DISCUSSION.comments.map((c) => c.id).sort());
    expect(page.items.find((c) => c.author?.name === 'Tomás García')).toBeDefined();
  });

  it('seeds idempotently: running the seed again changes no row', async () => {
    const tables = [
      'ideas',
      'idea_status_changes',
      'votes',
      'threads',
      'comments',
      'comment_reactions',
      'cards',
      'card_versions',
      'card_links',
      'users',
    ];
    const snapshot = async () =>
      Object.fromEntries(
        await Promise.all(
          tables.map(
            async (t) =>
              [t, (await env.DB.prepare(`select * from ${t} where tenant_id = 'demo-tenant' order by 1, 2`).all()).results] as const,
          ),
        ),
      );
    const before = await snapshot();
    await seedDemo();
    expect(await snapshot()).toEqual(before);
  });
});
