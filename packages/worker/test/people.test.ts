/**
 * A person's own view (`GET /people/{handle}`): who they are, what they contributed that every
 * reader may see, and nothing else — no held, rejected or merged content, no e-mail address, no
 * other tenant's people.
 */
import { env } from 'cloudflare:workers';
import type { Comment, Idea, PersonView, Viewer } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '../src/cards/templates/index.ts';
import { DEMO_CARD_OWNERS, DEMO_THREAD, demoCardId } from '../src/dev/demo-data.ts';
import { admin, call, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token, useTestRoleClaims } from './helpers.ts';

const ANA_EMAIL = 'ana.private@contoso.example';
const ana = () => token({ sub: 'people-ana', name: 'Ana Person', bu: 'Legal', email: ANA_EMAIL });
const moderator = () => token({ sub: 'people-mo', name: 'Mo Moderator', extra: { roles: ['Bridgekit.Moderator'] } });

const send = async (method: string, url: string, t: string | null, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

const person = (handle: string, t: string | null = null) => send('GET', `${DEMO}/people/${encodeURIComponent(handle)}`, t);

async function postIdea(title: string): Promise<Idea> {
  const res = await send('POST', `${DEMO}/boards/general/ideas`, await ana(), { title });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Idea>(res);
}

async function postComment(key: string, body: string): Promise<Comment> {
  const res = await send('POST', `${DEMO}/threads/comments`, await ana(), { key, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Comment>(res);
}

describe("a person's own view", () => {
  let handle = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await seedOtherTenant();
    await useTestRoleClaims();
    ids.published = (await postIdea('Ana shares a published idea')).id;
    ids.comment = (await postComment(DEMO_THREAD.key, 'Ana says **this** on the war stories,\n\nwith a [link](https://example.org/x).')).id;
    // An idea with its own discussion, then held: its comments go with it.
    ids.held = (await postIdea('Ana’s idea that is held later')).id;
    ids.heldDiscussion = (await postComment(`idea:${ids.held}`, 'Ana discusses her held idea')).id;
    await env.DB.prepare("update ideas set state = 'pending' where id = ?").bind(ids.held).run();
    // A duplicate, merged by a moderator: its view is the original's now.
    ids.merged = (await postIdea('Ana’s idea merged as a duplicate')).id;
    const merged = await send('POST', `${DEMO}/ideas/${ids.merged}/merge`, await moderator(), { into: 'demo-idea-invoice' });
    expect(merged.status, await merged.clone().text()).toBe(200);
    // A comment a moderator removed.
    ids.removed = (await postComment(DEMO_THREAD.key, 'Ana writes something a moderator removes')).id;
    const removed = await send('POST', `${DEMO}/comments/${ids.removed}/moderation`, await moderator(), {
      action: 'reject',
      reason: 'Off topic',
    });
    expect(removed.status, await removed.clone().text()).toBe(200);
    // Held by pre-moderation: an idea and a comment.
    expect((await admin(`${DEMO}/moderation/settings`, 'PATCH', { preModeration: 'all' })).status).toBe(200);
    const pendingIdea = await postIdea('Ana’s idea waiting for a moderator');
    expect(pendingIdea.moderation.state).toBe('pending');
    ids.pendingIdea = pendingIdea.id;
    const pendingComment = await postComment(DEMO_THREAD.key, 'Ana’s comment waiting for a moderator');
    expect(pendingComment.state).toBe('pending');
    ids.pendingComment = pendingComment.id;
    expect((await admin(`${DEMO}/moderation/settings`, 'PATCH', { preModeration: 'off' })).status).toBe(200);
    handle = (await json<Viewer>(await send('GET', `${DEMO}/me`, await ana()))).user?.handle ?? '';
    expect(handle).toBe('ana.person');
  });

  it('shows who they are and what every reader may see of theirs, the same to everyone, themselves included', async () => {
    const answers: PersonView[] = [];
    for (const t of [null, await ana(), await moderator()]) {
      const res = await person(handle, t);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).not.toContain(ANA_EMAIL);
      expect(text).not.toContain('people-ana');
      answers.push(JSON.parse(text) as PersonView);
    }
    const [view] = answers;
    expect(answers[1]).toEqual(view);
    expect(answers[2]).toEqual(view);
    expect(view).toMatchObject({ handle: 'ana.person', name: 'Ana Person', businessUnit: 'Legal', role: 'member' });
    expect(Date.parse(view?.joinedAt ?? '')).toBeLessThanOrEqual(Date.now());
    expect(view?.counts).toEqual({ ideas: 1, comments: 1, cards: 0 });
    expect(view?.ideas).toEqual([
      {
        id: ids.published,
        title: 'Ana shares a published idea',
        board: 'general',
        status: expect.objectContaining({ key: 'open', category: 'open', label: expect.any(String) }),
        at: expect.any(String),
      },
    ]);
    expect(view?.comments).toEqual([
      {
        id: ids.comment,
        title: DEMO_THREAD.title,
        thread: { id: DEMO_THREAD.id, key: DEMO_THREAD.key, title: DEMO_THREAD.title, url: null },
        // Plain text: the Markdown rendered, white space made one.
        snippet: 'Ana says this on the war stories, with a link.',
        at: expect.any(String),
      },
    ]);
    expect(view?.cards).toEqual([]);
  });

  it('finds the handle in any case, and answers 404 not_found.person for a handle nobody has', async () => {
    expect((await json<PersonView>(await person('Ana.Person'))).handle).toBe('ana.person');
    for (const unknown of ['nobody.here', 'x'.repeat(64)]) {
      const res = await person(unknown);
      expect(res.status, unknown).toBe(404);
      expect(await errorOf(res)).toMatchObject({ code: 'not_found', reason: 'not_found.person', params: { id: unknown } });
    }
    expect((await person('x'.repeat(65))).status).toBe(400);
  });

  it("lists a demo person's ideas, owned cards and comments, newest first, with their granted role", async () => {
    const amara = await json<PersonView>(await person('amara.okafor'));
    expect(amara).toMatchObject({ name: 'Amara Okafor', businessUnit: 'Finance', role: 'member' });
    expect(amara.ideas.map((i) => i.id)).toEqual(expect.arrayContaining(['demo-idea-invoice', 'demo-idea-close']));
    // Her account plan and health check are kept to the Finance team: her page, which anyone reads, leaves them out.
    expect(amara.cards.map((c) => c.id)).toEqual(
      expect.arrayContaining(
        BUILT_IN_TEMPLATES.filter((t, i) => DEMO_CARD_OWNERS[i] === 'amara' && t.visibility !== 'unit').map((t) => demoCardId(t.id)),
      ),
    );
    expect(amara.cards.map((c) => c.id)).not.toContain(demoCardId('strategic-account-plan'));
    expect(amara.cards).toHaveLength(
      BUILT_IN_TEMPLATES.filter((t, i) => DEMO_CARD_OWNERS[i] === 'amara' && t.visibility !== 'unit').length,
    );
    expect(amara.counts.cards).toBe(amara.cards.length);
    expect(amara.comments.map((c) => c.id)).toEqual(['demo-comment-1', 'demo-comment-idea-2']);
    // An idea's own discussion is named by the idea.
    expect(amara.comments[1]?.thread).toMatchObject({ key: 'idea:demo-idea-dashboards' });
    expect(amara.comments[1]?.title).toBe(amara.comments[1]?.thread.title);
    for (const list of [amara.ideas, amara.cards, amara.comments]) {
      const times = list.map((item) => Date.parse(item.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
    expect((await json<PersonView>(await person('mei.chen'))).role).toBe('moderator');
  });

  it('lists the latest 10 of each kind and counts them all', async () => {
    const now = Date.now();
    await env.DB.batch(
      Array.from({ length: 12 }, (_, i) =>
        env.DB.prepare(
          "insert into ideas (id, tenant_id, board_id, author_id, title, description, created_at) values (?, 'demo-tenant', 'demo-board-general', 'demo-user-jonah', ?, '', ?)",
        ).bind(`people-bulk-${i}`, `Jonah's bulk idea ${i}`, now + i),
      ),
    );
    const jonah = await json<PersonView>(await person('jonah.williams'));
    expect(jonah.ideas).toHaveLength(10);
    expect(jonah.ideas[0]?.id).toBe('people-bulk-11');
    expect(jonah.counts.ideas).toBeGreaterThanOrEqual(12);
  });

  it("shows no other tenant's people, and no proxy or API key as a person", async () => {
    const otherToken = await token({ secret: 'other-tenant-secret-0123456789abcdef', kid: 'k1', sub: 'fab|poster', name: 'Fabio Other' });
    const posted = await send('POST', `${ORIGIN}/v1/tenants/other/boards/general/ideas`, otherToken, { title: 'Fabrikam idea by Fabio' });
    expect(posted.status).toBe(201);
    const theirs = await send('GET', `${ORIGIN}/v1/tenants/other/people/fabio.other`, otherToken);
    expect(theirs.status).toBe(200);
    expect(await person('fabio.other')).toHaveProperty('status', 404);
    const mine = await send('GET', `${ORIGIN}/v1/tenants/other/people/amara.okafor`, otherToken);
    expect(mine.status).toBe(404);
    expect(await mine.text()).not.toContain('Amara');

    // An API key's writes are recorded under a user row with a handle: not a person's view.
    await env.DB.prepare(
      "insert into users (id, tenant_id, subject, name, handle, created_at, last_seen_at) values ('people-key', 'demo-tenant', 'apikey:people', 'Sync job', 'sync.job', 0, 0)",
    ).run();
    expect(await person('sync.job')).toHaveProperty('status', 404);
  });
});
