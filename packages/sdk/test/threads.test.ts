import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { token, workerFetch } from '../../worker/test/helpers.ts';
import { type BridgekitClient, createClient, isBridgekitError } from '../src/index.ts';

const BASE = 'https://bridgekit.test';
// The Worker's fetch handler; each answer is checked against /v1/openapi.json (worker/test/contract.ts).
const worker = workerFetch;
const as = async (sub: string, roles: string[] = []) =>
  createClient({ baseUrl: BASE, tenant: 'demo', token: await token({ sub, name: sub, extra: { roles } }), fetch: worker });

describe('threads and moderation through the SDK', () => {
  let admin: BridgekitClient;
  beforeAll(async () => {
    admin = createClient({ baseUrl: BASE, tenant: 'demo', token: env.BRIDGEKIT_ADMIN_TOKEN, fetch: worker });
    await admin.admin.settings.update({
      roleMapping: { claim: 'roles', moderator: ['Moderator'], admin: ['Admin'], applyToEmbedTokens: true },
    });
  });

  it('posts, replies, reacts, edits, reads history, counts and deletes', async () => {
    const ana = await as('sdk-ana');
    const bo = await as('sdk-bo');
    const url = 'https://intranet.contoso.com/news/sdk-story';
    expect((await ana.threads.page({ url })).thread).toBeNull();

    const first = await ana.threads.post({ url: `${url}?utm=mail#top`, body: 'How did you **start**?', title: 'SDK story' });
    expect(first).toMatchObject({ state: 'published', html: '<p>How did you <strong>start</strong>?</p>', mine: true });
    const reply = await bo.threads.post({ url, body: 'With one *small* report.', parentId: first.id });
    expect(reply).toMatchObject({ parentId: first.id, depth: 1, mine: true });

    const page = await bo.threads.page({ url, sort: 'newest' });
    expect(page.thread).toMatchObject({ url, title: 'SDK story', commentCount: 2, startedByMe: false });
    expect(page.items.map((c) => [c.id, c.replies.map((r) => r.id)])).toEqual([[first.id, [reply.id]]]);

    expect((await bo.comments.react(first.id, 'insight')).reactions.insight).toBe(1);
    expect((await bo.comments.react(first.id, 'insight')).reactions.insight).toBe(1); // once per person
    expect((await bo.comments.unreact(first.id, 'insight')).reactions.insight).toBe(0);

    const edited = await ana.comments.edit(first.id, 'How did you **begin**?');
    expect(edited.editedAt).not.toBeNull();
    expect((await ana.comments.history(first.id)).map((r) => r.body)).toEqual(['How did you **start**?']);

    expect(await bo.threads.counts({ keys: ['sdk-none'], urls: [`${url}?from=list`] })).toEqual({ 'sdk-none': 0, [`${url}?from=list`]: 2 });

    // The tenant's discussions, latest comment first: this story leads the page threads.
    const latest = await bo.threads.list({ kind: 'page', limit: 1 });
    expect(latest.items).toEqual([expect.objectContaining({ key: url, title: 'SDK story', commentCount: 2 })]);
    expect(latest.nextCursor).toEqual(expect.any(String));
    const next = await bo.threads.list({ kind: 'page', limit: 1, cursor: latest.nextCursor });
    expect(next.items[0]?.key).not.toBe(url);

    const threadId = page.thread?.id as string;
    const activity = await bo.threads.activity(threadId, new Date(Date.now() - 60_000).toISOString());
    expect(activity.created).toEqual(expect.arrayContaining([first.id, reply.id]));
    const ticket = await bo.threads.liveTicket(threadId);
    expect(ticket.url).toMatch(/^wss?:\/\/.+\/v1\/live\?ticket=/);

    await ana.comments.remove(first.id);
    const after = await bo.threads.page({ url });
    expect(after.items[0]).toMatchObject({ id: first.id, state: 'removed', body: null, author: null });
    expect(after.items[0]?.replies.map((r) => r.id)).toEqual([reply.id]);
  });

  it('promotes a war story to a practice card, once, and throws forbidden for someone else', async () => {
    const ana = await as('sdk-story-ana');
    const bo = await as('sdk-story-bo');
    const first = await ana.threads.post({
      key: 'sdk-story',
      title: 'SDK war story',
      body: 'We said "not this way".\n\nAnd showed the catalogue.',
    });
    const refused = await bo.threads.promote(first.threadId, { template: 'practice' }).catch((e: unknown) => e);
    expect(isBridgekitError(refused) && refused.status === 403 && refused.reason).toBe('forbidden.promote_thread');
    const { card, created } = await ana.threads.promote(first.threadId, { template: 'practice' });
    expect(created).toBe(true);
    expect(card).toMatchObject({
      title: 'SDK war story',
      fields: { problem: 'We said "not this way".', approach: 'And showed the catalogue.' },
      source: { thread: { id: first.threadId, key: 'sdk-story' }, comment: null },
    });
    expect(await ana.threads.promote(first.threadId, { template: 'practice' })).toMatchObject({ card: { id: card.id }, created: false });
    expect((await bo.threads.page({ key: 'sdk-story' })).thread?.practices).toEqual([{ id: card.id, title: card.title, comment: null }]);
  });

  it('throws comment_rejected with the message to show, and moderators decide, restrict and read the log', async () => {
    const moderator = await as('sdk-mod', ['Moderator']);
    const boss = await as('sdk-admin', ['Admin']);
    await boss.moderation.updateSettings({ bannedWords: ['bribe'], suspectWords: ['kickback'] });

    const writer = await as('sdk-writer');
    const refused = await writer.threads.post({ key: 'sdk-moderated', body: 'A small bribe helps.' }).catch((e: unknown) => e);
    expect(isBridgekitError(refused) && refused.code === 'comment_rejected' && refused.status === 422).toBe(true);

    const held = await writer.threads.post({ key: 'sdk-moderated', body: 'Was it a kickback?' });
    expect(held.state).toBe('pending');
    const queue = await moderator.moderation.queue({ reason: 'pending' });
    const item = queue.items.find((i) => i.kind === 'comment' && i.comment.id === held.id);
    expect(item?.detail).toBe('Contains the suspect word "kickback"');
    expect((await moderator.moderation.approve(held.id)).state).toBe('published');

    const timeout = await moderator.moderation.restrict(item?.authorId as string, {
      reason: 'Cooling off',
      until: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(timeout.restrictedUntil).not.toBeNull();
    const blocked = await writer.threads.post({ key: 'sdk-moderated', body: 'One more thing' }).catch((e: unknown) => e);
    expect(isBridgekitError(blocked) && blocked.status === 403).toBe(true);
    await moderator.moderation.lift(item?.authorId as string);
    expect((await writer.threads.post({ key: 'sdk-moderated', body: 'One more thing' })).state).toBe('published');

    const log = await boss.moderation.auditLog();
    expect(log.items.slice(0, 3).map((e) => e.action)).toEqual(['lift_restriction', 'timeout', 'approve']);
    const forbidden = await moderator.moderation.auditLog().catch((e: unknown) => e);
    expect(isBridgekitError(forbidden) && forbidden.status === 403).toBe(true);
  });
});
