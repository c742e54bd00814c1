/**
 * The own discussions of ideas and cards (`idea:<id>`, `card:<id>`): one rule for who may read
 * them, post to them, count their comments and reach them by thread or comment id (activity, live
 * tickets, promotion, a comment, its replies, and every write by comment id) — whoever may see the idea or card: anyone once it is published; while it is held,
 * its author (an idea's recorder too) and moderators.
 */
import { env } from 'cloudflare:workers';
import type { Comment, Idea, PracticeCard, ThreadPage } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CARDS } from '../src/cards/templates/examples.ts';
import { clearTenantCache } from '../src/store/tenants.ts';
import { admin, call, DEMO, errorOf, json, seedOtherTenant, token, useTestRoleClaims } from './helpers.ts';

const author = () => token({ sub: 'disc-author', name: 'Ada Author', bu: 'Finance' });
const member = () => token({ sub: 'disc-member', name: 'Max Member', bu: 'Sales' });
const recorder = () => token({ sub: 'disc-eva', name: 'Eva Recorder', extra: { roles: ['Bridgekit.Evaluator'] } });
const moderator = () => token({ sub: 'disc-mo', name: 'Mo Moderator', extra: { roles: ['Bridgekit.Moderator'] } });
const adminToken = () => token({ sub: 'disc-admin', name: 'Ad Min', extra: { roles: ['Bridgekit.Admin'] } });

const send = async (method: string, url: string, t: string | null, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const readThread = async (key: string, t: string | null) => send('GET', `${DEMO}/threads/comments?key=${encodeURIComponent(key)}`, t);
const postTo = async (key: string, t: string, body = 'A comment.', title?: string) =>
  send('POST', `${DEMO}/threads/comments`, t, { key, body, ...(title ? { title } : {}) });
async function posted(key: string, t: string, body = 'A comment.'): Promise<Comment> {
  const res = await postTo(key, t, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Comment>(res);
}
const counts = async (keys: string[], t: string | null) =>
  (await json<{ counts: Record<string, number> }>(await send('GET', `${DEMO}/threads/counts?${keys.map((k) => `key=${k}`).join('&')}`, t)))
    .counts;

async function newCard(title: string): Promise<PracticeCard> {
  const e = EXAMPLE_CARDS['business-case'];
  if (!e) throw new Error('no example card');
  const res = await send('POST', `${DEMO}/cards`, await author(), { templateId: 'business-case', title, fields: e.fields });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<PracticeCard>(res);
}

async function newIdea(title: string): Promise<Idea> {
  const res = await send('POST', `${DEMO}/boards/general/ideas`, await author(), { title });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Idea>(res);
}

const hold = async (table: 'ideas' | 'cards', id: string) =>
  env.DB.prepare(`update ${table} set state = 'pending' where id = ?`).bind(id).run();

async function preModeration(mode: 'all' | 'off'): Promise<void> {
  expect((await send('PATCH', `${DEMO}/moderation/settings`, await adminToken(), { preModeration: mode })).status).toBe(200);
  clearTenantCache();
}

beforeAll(async () => {
  await useTestRoleClaims();
  await seedOtherTenant();
  const now = Date.now();
  await env.DB.prepare(
    `insert into cards (id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, version, save_id, created_by, updated_by, updated_at)
     values ('other-card', 'other-tenant', 'business-case', 1, 'Fabrikam card', '', '{}', '{}', '', '[]', 1, 's', 'x', 'x', ?)`,
  )
    .bind(now)
    .run();
});

describe("a card's own discussion (card:<id>)", () => {
  it("takes comments under the card's title and reads back with it", async () => {
    const card = await newCard('Card with a discussion of its own');
    expect(card.threadKey).toBe(`card:${card.id}`);
    expect((await postTo(card.threadKey, await member(), 'Does this work for small projects?', 'Some page title')).status).toBe(201);
    const page = await json<ThreadPage>(await readThread(card.threadKey, null));
    expect(page.thread).toMatchObject({ key: card.threadKey, title: 'Card with a discussion of its own', commentCount: 1 });
  });

  it("refuses to read or post under a card that does not exist, or is another tenant's, with a reason that says so", async () => {
    for (const id of ['no-such-card', 'other-card']) {
      const key = `card:${id}`;
      for (const res of [await readThread(key, await member()), await postTo(key, await member())]) {
        expect(res.status).toBe(404);
        const error = await errorOf(res);
        expect(error).toMatchObject({ reason: 'not_found.card_discussion', params: { key, id } });
        expect(JSON.stringify(error)).not.toContain('Fabrikam');
      }
    }
    const written = await env.DB.prepare("select count(*) as n from threads where key in ('card:no-such-card', 'card:other-card')").first<{
      n: number;
    }>();
    expect(written?.n).toBe(0);
  });

  it("keeps a held card's discussion to its author and moderators", async () => {
    const card = await newCard('Held card with a discussion');
    await hold('cards', card.id);
    const key = card.threadKey;
    expect((await postTo(key, await author(), 'Context for the moderators.')).status).toBe(201);
    for (const res of [await readThread(key, await member()), await readThread(key, null), await postTo(key, await member())]) {
      expect(res.status).toBe(404);
      expect((await errorOf(res)).reason).toBe('not_found.card_discussion');
    }
    expect((await json<ThreadPage>(await readThread(key, await moderator()))).items.map((c) => c.body)).toEqual([
      'Context for the moderators.',
    ]);
    expect((await postTo(key, await moderator(), 'Looking at it.')).status).toBe(201);
    expect((await json<ThreadPage>(await readThread(key, await author()))).thread?.commentCount).toBe(2);
  });
});

describe('an idea recorded on behalf of someone, held by pre-moderation', () => {
  it('has its discussion read and joined by its recorder, as the idea itself is seen by them', async () => {
    await preModeration('all');
    const res = await send('POST', `${DEMO}/boards/general/ideas`, await recorder(), {
      title: 'Travel approvals in one place',
      onBehalfOf: { name: 'Lee Leader', email: 'lee.leader@contoso.example', businessUnit: 'Sales' },
    });
    await preModeration('off');
    expect(res.status).toBe(201);
    const idea = await json<Idea>(res);
    expect(idea).toMatchObject({ moderation: { state: 'pending' }, recordedBy: { name: 'Eva Recorder' } });
    expect((await send('GET', `${DEMO}/ideas/${idea.id}`, await recorder())).status).toBe(200);

    const key = `idea:${idea.id}`;
    expect((await postTo(key, await recorder(), 'Lee asked me to add the cost centres.')).status).toBe(201);
    const page = await json<ThreadPage>(await readThread(key, await recorder()));
    expect(page.thread?.title).toBe('Travel approvals in one place');
    expect(page.items.map((c) => c.body)).toEqual(['Lee asked me to add the cost centres.']);
    expect((await readThread(key, await member())).status).toBe(404);
  });
});

describe('comment counts and routes by thread id, for discussions the caller may not see', () => {
  let heldIdea: Idea;
  let heldCard: PracticeCard;
  let openIdea: Idea;
  const threadIds: Record<string, string> = {};
  const firstComments: Record<string, string> = {};

  beforeAll(async () => {
    heldIdea = await newIdea('Held idea with a counted discussion');
    heldCard = await newCard('Held card with a counted discussion');
    openIdea = await newIdea('Published idea with a counted discussion');
    for (const key of [`idea:${heldIdea.id}`, heldCard.threadKey, `idea:${openIdea.id}`]) {
      const first = await posted(key, await author(), `First on ${key}`);
      threadIds[key] = first.threadId;
      firstComments[key] = first.id;
      await posted(key, await author(), `Second on ${key}`);
    }
    await hold('ideas', heldIdea.id);
    await hold('cards', heldCard.id);
  });

  it('counts a held idea’s or card’s discussion as no comments for those who may not see it, and in full for those who may', async () => {
    const keys = [`idea:${heldIdea.id}`, heldCard.threadKey, `idea:${openIdea.id}`, 'idea:no-such-idea'];
    const expected = (held: number) => ({
      [`idea:${heldIdea.id}`]: held,
      [heldCard.threadKey]: held,
      [`idea:${openIdea.id}`]: 2,
      'idea:no-such-idea': 0,
    });
    expect(await counts(keys, null)).toEqual(expected(0));
    expect(await counts(keys, await member())).toEqual(expected(0));
    expect(await counts(keys, await author())).toEqual(expected(2));
    expect(await counts(keys, await moderator())).toEqual(expected(2));
    // A moderator by a role an admin granted, not by their token's claims.
    const granted = await token({ sub: 'disc-granted', name: 'Gra Nted' });
    expect(await counts(keys, granted)).toEqual(expected(0));
    expect((await admin(`${DEMO}/roles/disc-granted`, 'PUT', { role: 'moderator' })).status).toBe(200);
    expect(await counts(keys, granted)).toEqual(expected(2));
  });

  it('answers 404 for their comments by id, and for their replies, to those who may not see the idea or card', async () => {
    for (const key of [`idea:${heldIdea.id}`, heldCard.threadKey]) {
      const id = firstComments[key] as string;
      for (const t of [null, await member()]) {
        const comment = await send('GET', `${DEMO}/comments/${id}`, t);
        expect(comment.status, key).toBe(404);
        expect(await errorOf(comment)).toMatchObject({ reason: 'not_found.comment', params: { id } });
        const replies = await send('GET', `${DEMO}/comments/${id}/replies`, t);
        expect(replies.status, key).toBe(404);
        expect(await errorOf(replies)).toMatchObject({ reason: 'not_found.top_level_comment', params: { id } });
      }
      for (const t of [await author(), await moderator()]) {
        expect((await send('GET', `${DEMO}/comments/${id}`, t)).status).toBe(200);
        expect((await send('GET', `${DEMO}/comments/${id}/replies`, t)).status).toBe(200);
      }
    }
    const open = firstComments[`idea:${openIdea.id}`] as string;
    expect((await send('GET', `${DEMO}/comments/${open}`, null)).status).toBe(200);
    expect((await send('GET', `${DEMO}/comments/${open}/replies`, null)).status).toBe(200);
  });

  it('answers 404 by thread id — activity, live ticket, promotion — to those who may not see the idea or card', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    for (const key of [`idea:${heldIdea.id}`, heldCard.threadKey]) {
      const id = threadIds[key] as string;
      const refused = [
        await send('GET', `${DEMO}/threads/${id}/activity?since=${since}`, null),
        await send('GET', `${DEMO}/threads/${id}/activity?since=${since}`, await member()),
        await send('POST', `${DEMO}/threads/${id}/live`, await member()),
        await send('POST', `${DEMO}/threads/${id}/promote`, await member(), { template: 'practice' }),
      ];
      for (const res of refused) {
        expect(res.status, key).toBe(404);
        expect(await errorOf(res)).toMatchObject({ reason: 'not_found.thread', params: { id } });
      }
      const activity = await send('GET', `${DEMO}/threads/${id}/activity?since=${since}`, await author());
      expect(activity.status).toBe(200);
      expect((await json<{ created: string[] }>(activity)).created).toHaveLength(2);
      expect((await send('POST', `${DEMO}/threads/${id}/live`, await author())).status).toBe(200);
      expect((await send('GET', `${DEMO}/threads/${id}/activity?since=${since}`, await moderator())).status).toBe(200);
    }
    // A published idea's discussion stays open to all; a key that only looks like an item's is an ordinary thread.
    for (const key of ['idea:', 'IDEA:no-such-idea']) {
      const plain = (await posted(key, await member(), `On ${key}`)).threadId;
      expect(await counts([encodeURIComponent(key)], null)).toEqual({ [key]: 1 });
      expect((await send('GET', `${DEMO}/threads/${plain}/activity?since=${since}`, null)).status).toBe(200);
    }
    const open = threadIds[`idea:${openIdea.id}`] as string;
    expect((await send('GET', `${DEMO}/threads/${open}/activity?since=${since}`, null)).status).toBe(200);
    expect((await send('POST', `${DEMO}/threads/${open}/live`, await member())).status).toBe(200);
    expect((await send('POST', `${DEMO}/threads/${open}/promote`, await member(), { template: 'practice' })).status).toBe(403);
  });

  it('lets the author of a held idea promote its discussion, as the thread’s starter', async () => {
    const id = threadIds[`idea:${heldIdea.id}`] as string;
    const res = await send('POST', `${DEMO}/threads/${id}/promote`, await author(), { template: 'practice' });
    expect(res.status, await res.clone().text()).toBe(201);
  });
});

describe('writes by comment id in discussions the caller may not see', () => {
  const keys: string[] = [];
  const ids: Record<string, string> = {};

  /** Everything the writes below could change about a comment and its thread. */
  const state = async (id: string) =>
    env.DB.prepare(
      `select c.body, c.state, c.pinned, c.reaction_count, c.flag_count, c.reply_count, t.comment_count, t.accepted_comment_id,
        (select count(*) from comment_reactions r where r.comment_id = c.id) as reactions,
        (select count(*) from comment_flags f where f.comment_id = c.id) as flags,
        (select count(*) from comment_revisions v where v.comment_id = c.id) as revisions,
        (select count(*) from comments o where o.thread_id = c.thread_id) as comments,
        (select count(*) from threads p where p.key = 'reply-from-elsewhere') as elsewhere
       from comments c join threads t on t.id = c.thread_id where c.id = ?`,
    )
      .bind(id)
      .first();

  beforeAll(async () => {
    const idea = await newIdea('Held idea whose comments are written to by id');
    const card = await newCard('Held card whose comments are written to by id');
    keys.push(`idea:${idea.id}`, card.threadKey);
    for (const key of keys) ids[key] = (await posted(key, await author(), `Written to by id on ${key}`)).id;
    await hold('ideas', idea.id);
    await hold('cards', card.id);
  });

  it('answers 404, as for a missing comment, to every write by someone who may not see the item, and changes nothing', async () => {
    for (const key of keys) {
      const id = ids[key] as string;
      const before = await state(id);
      const t = await member();
      const refused = {
        edit: await send('PATCH', `${DEMO}/comments/${id}`, t, { body: 'Changed by someone who cannot see it.' }),
        delete: await send('DELETE', `${DEMO}/comments/${id}`, t),
        react: await send('PUT', `${DEMO}/comments/${id}/reactions/like`, t),
        unreact: await send('DELETE', `${DEMO}/comments/${id}/reactions/like`, t),
        flag: await send('POST', `${DEMO}/comments/${id}/flags`, t, { reason: 'spam' }),
        accept: await send('PUT', `${DEMO}/comments/${id}/accepted`, t),
        unaccept: await send('DELETE', `${DEMO}/comments/${id}/accepted`, t),
        history: await send('GET', `${DEMO}/comments/${id}/history`, t),
        reply: await send('POST', `${DEMO}/threads/comments`, t, { key: 'reply-from-elsewhere', body: 'A reply.', parentId: id }),
      };
      for (const [write, res] of Object.entries(refused)) {
        expect(res.status, `${write} on ${key}`).toBe(404);
        expect(await errorOf(res), `${write} on ${key}`).toMatchObject({ reason: 'not_found.comment', params: { id } });
      }
      // Pinning asks for the moderator's role first, for any comment: it tells nothing.
      expect((await send('PUT', `${DEMO}/comments/${id}/pin`, t)).status).toBe(403);
      expect(await state(id)).toEqual(before);
    }
  });

  it('still lets the author and moderators write', async () => {
    for (const key of keys) {
      const id = ids[key] as string;
      const a = await author();
      const m = await moderator();
      expect((await send('PUT', `${DEMO}/comments/${id}/reactions/like`, a)).status).toBe(200);
      expect((await send('PATCH', `${DEMO}/comments/${id}`, a, { body: 'Edited by its author.' })).status).toBe(200);
      expect((await send('GET', `${DEMO}/comments/${id}/history`, a)).status).toBe(200);
      expect((await send('PUT', `${DEMO}/comments/${id}/accepted`, a)).status).toBe(200);
      expect((await send('PUT', `${DEMO}/comments/${id}/pin`, m)).status).toBe(200);
      expect((await send('POST', `${DEMO}/comments/${id}/flags`, m, { reason: 'other' })).status).toBe(200);
      const reply = await send('POST', `${DEMO}/threads/comments`, m, { key, body: 'A moderator answers.', parentId: id });
      expect(reply.status, await reply.clone().text()).toBe(201);
      expect(await state(id)).toMatchObject({
        body: 'Edited by its author.',
        pinned: 1,
        reactions: 1,
        flags: 1,
        revisions: 1,
        accepted_comment_id: id,
      });
      expect((await send('DELETE', `${DEMO}/comments/${id}`, a)).status).toBe(204);
      expect(await state(id)).toMatchObject({ state: 'removed' });
    }
  });
});
