/**
 * Related content (`GET /related`): explicit links first, both ways (answered by, proposed from,
 * promoted from, cited by), then similar text of the other two kinds; never the item itself, its
 * own discussion, what a reader may not see, or another tenant's.
 */
import { env } from 'cloudflare:workers';
import type { RelatedItem } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, errorOf, json, ORIGIN, seedOtherTenant, token } from './helpers.ts';

const OTHER = `${ORIGIN}/v1/tenants/other`;

const related = async (kind: string, id: string, extra = '', base = DEMO, t?: string) => {
  const res = await call(`${base}/related?kind=${kind}&id=${encodeURIComponent(id)}${extra}`, t ? { token: t } : {});
  expect(res.status, `${kind} ${id}`).toBe(200);
  return (await json<{ items: RelatedItem[] }>(res)).items;
};
const refs = (items: RelatedItem[]) => items.map((i) => `${i.relation} ${i.kind}:${i.id}`);

async function seedCouriers(): Promise<void> {
  const now = Date.now();
  const idea = (id: string, title: string, description: string, extra: { answeredBy?: string; sourceCard?: string; state?: string } = {}) =>
    env.DB.prepare(
      `insert into ideas (id, tenant_id, board_id, author_id, title, description, answered_by, source_card_id, state, created_at)
       values (?, 'demo-tenant', 'demo-board-general', 'demo-user-amara', ?, ?, ?, ?, ?, ?)`,
    ).bind(id, title, description, extra.answeredBy ?? null, extra.sourceCard ?? null, extra.state ?? 'published', now);
  const card = (id: string, title: string, summary: string, extra: { state?: string; obsolete?: boolean; sourceThread?: string } = {}) =>
    env.DB.prepare(
      `insert into cards (id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, version, save_id, created_by, updated_by, updated_at, state, obsolete_at, source_thread_id)
       values (?, 'demo-tenant', 'business-case', 1, ?, ?, '{}', '{}', '', '[]', 1, 's', 'Test', 'Test', ?, ?, ?, ?)`,
    ).bind(id, title, summary, now, extra.state ?? 'published', extra.obsolete ? now : null, extra.sourceThread ?? null);
  const thread = (id: string, key: string, title: string | null, comments = 1) =>
    env.DB.prepare(
      "insert into threads (id, tenant_id, key, url, title, started_by, comment_count, created_at) values (?, 'demo-tenant', ?, ?, ?, 'demo-user-lukas', ?, ?)",
    ).bind(id, key, key.startsWith('https://') ? key : null, title, comments, now);
  const comment = (id: string, threadId: string, body: string, state = 'published', at = now) =>
    env.DB.prepare(
      `insert into comments (id, tenant_id, thread_id, root_id, author_id, body, html, fingerprint, state, updated_at, created_at)
       values (?, 'demo-tenant', ?, ?, 'demo-user-lukas', ?, '', ?, ?, ?, ?)`,
    ).bind(id, threadId, id, body, id, state, at, at);
  const link = (card: string, path: string, kind: string, to: string) =>
    env.DB.prepare("insert into card_links (card_id, path, tenant_id, to_kind, to_id) values (?, ?, 'demo-tenant', ?, ?)").bind(
      card,
      path,
      kind,
      to,
    );
  await env.DB.batch([
    card('r-card-answer', 'Wombat courier routing playbook', 'How dispatch plans wombat courier routing for engineers.'),
    card('r-card-source', 'Field service partner profile', 'Who runs field service, and what they need.'),
    card('r-card-cites', 'Field service account plan', 'The plan for the field service partner.'),
    card('r-card-similar', 'Wombat courier handbook', 'Everything about the wombat courier fleet.'),
    card('r-card-obsolete', 'Wombat courier routing, retired', 'Wombat courier routing as we did it before.', { obsolete: true }),
    card('r-card-held', 'Wombat courier routing secrets', 'Held for review.', { state: 'pending' }),
    idea('r-idea', 'Wombat courier routing for field engineers', 'Plan field engineers’ routes with a wombat courier planner.', {
      answeredBy: 'r-card-answer',
      sourceCard: 'r-card-source',
    }),
    idea('r-idea-answered-by-held', 'Wombat courier depots', 'More depots.', { answeredBy: 'r-card-held' }),
    idea('r-idea-similar', 'Wombat courier tracking for parcels', 'Track every wombat courier parcel.'),
    idea('r-idea-held', 'Wombat courier routing, held', 'Held for review.', { state: 'pending' }),
    thread('r-thread', 'https://intranet.example/stories/couriers', 'Courier routing war story'),
    comment('r-comment', 'r-thread', 'Our wombat courier routing pilot cut travel by a fifth.'),
    comment('r-comment-later', 'r-thread', 'Later reply about something else entirely.', 'published', now + 1000),
    card('r-card-promoted', 'Courier routing practice', 'What the pilot taught us.', { sourceThread: 'r-thread' }),
    thread('r-thread-similar', 'courier-tracking', 'Courier tracking', 1),
    comment('r-comment-similar', 'r-thread-similar', 'Wombat courier routing is tricky in the hills.'),
    thread('r-thread-own', 'idea:r-idea', null),
    comment('r-comment-own', 'r-thread-own', 'Wombat courier routing: which regions first?'),
    thread('r-thread-held', 'idea:r-idea-held', null),
    comment('r-comment-held-idea', 'r-thread-held', 'Wombat courier routing under a held idea'),
    thread('r-thread-pending', 'courier-pending', 'Pending only', 0),
    comment('r-comment-pending', 'r-thread-pending', 'Wombat courier routing, waiting for a moderator', 'pending'),
    link('r-card-cites', 'opportunities.0', 'idea', 'r-idea'),
    link('r-card-cites', 'stories.0', 'thread', 'r-thread'),
    link('r-card-cites', 'related.0', 'card', 'r-card-answer'),
    link('r-card-cites', 'related.1', 'card', 'r-card-held'),
    link('r-card-cites', 'related.2', 'card', 'r-card-cites'),
    link('r-card-held', 'opportunities.0', 'idea', 'r-idea'),
  ]);
}

beforeAll(async () => {
  await seedOtherTenant();
  await seedCouriers();
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      "insert into ideas (id, tenant_id, board_id, author_id, title, description, created_at) values ('r-other-idea', 'other-tenant', 'other-board', 'other-user', 'Fabrikam wombat courier routing', 'Confidential', ?)",
    ).bind(now),
    env.DB.prepare(
      `insert into cards (id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, version, save_id, created_by, updated_by, updated_at)
       values ('r-other-card', 'other-tenant', 'business-case', 1, 'Fabrikam wombat courier routing card', '', '{}', '{}', '', '[]', 1, 's', 'F', 'F', ?)`,
    ).bind(now),
    // Another tenant's card pointing at demo's idea by id: demo's readers must not see it.
    env.DB.prepare(
      "insert into card_links (card_id, path, tenant_id, to_kind, to_id) values ('r-other-card', 'opportunities.0', 'other-tenant', 'idea', 'r-idea')",
    ),
  ]);
});

describe('related content', () => {
  it('of an idea: the card that answered it, the card it came from, the cards citing it, then similar cards and threads', async () => {
    const items = await related('idea', 'r-idea', '&limit=20');
    expect(refs(items).slice(0, 3)).toEqual([
      'answered-by card:r-card-answer',
      'proposed-from card:r-card-source',
      'cited-by card:r-card-cites',
    ]);
    const similar = items.slice(3);
    expect(similar.every((i) => i.relation === 'similar')).toBe(true);
    expect(refs(similar)).toEqual(
      expect.arrayContaining(['similar card:r-card-similar', 'similar thread:r-thread', 'similar thread:r-thread-similar']),
    );
    // Other kinds only; never itself, its own discussion, what is held or obsolete, nor another tenant's.
    expect(similar.map((i) => i.kind)).not.toContain('idea');
    const all = refs(items).join('\n');
    for (const hidden of ['r-thread-own', 'r-card-held', 'r-card-obsolete', 'r-thread-held', 'r-thread-pending', 'r-other'])
      expect(all).not.toContain(hidden);
    // Each entry links: an id, a title, and for threads where to open them.
    expect(items.find((i) => i.id === 'r-thread')).toEqual({
      kind: 'thread',
      id: 'r-thread',
      title: 'Courier routing war story',
      relation: 'similar',
      thread: { key: 'https://intranet.example/stories/couriers', url: 'https://intranet.example/stories/couriers' },
    });
    expect(items[0]).toEqual({ kind: 'card', id: 'r-card-answer', title: 'Wombat courier routing playbook', relation: 'answered-by' });
    expect(new Set(refs(items).map((r) => r.split(' ')[1])).size).toBe(items.length);
  });

  it('of a card: what it cites and what cites it, the requests it answered and the ideas it sparked, both ways', async () => {
    expect(refs(await related('card', 'r-card-answer', '&limit=2'))).toEqual(['answers idea:r-idea', 'cited-by card:r-card-cites']);
    expect(refs(await related('card', 'r-card-source', '&limit=1'))).toEqual(['sparked idea:r-idea']);
    const cites = await related('card', 'r-card-cites', '&limit=20');
    // Its own link to itself, and to a held card, are left out.
    expect(refs(cites).slice(0, 3)).toEqual(['cites thread:r-thread', 'cites idea:r-idea', 'cites card:r-card-answer']);
    expect(
      refs(cites)
        .slice(3)
        .every((r) => r.startsWith('similar ')),
    ).toBe(true);
    expect(refs(cites).join('\n')).not.toMatch(/r-card-held|card:r-card-cites/);
    // A held card answering an idea is not a link anyone follows.
    expect(refs(await related('idea', 'r-idea-answered-by-held'))).not.toContain('answered-by card:r-card-held');
  });

  it('of a war story: the card promoted from it and the cards citing it, then similar ideas and cards; and back', async () => {
    const items = await related('thread', 'r-thread', '&limit=20');
    expect(refs(items).slice(0, 2)).toEqual(['promoted-to card:r-card-promoted', 'cited-by card:r-card-cites']);
    expect(refs(items.slice(2))).toEqual(expect.arrayContaining(['similar idea:r-idea', 'similar card:r-card-answer']));
    expect(items.slice(2).map((i) => i.kind)).not.toContain('thread');
    expect(refs(await related('card', 'r-card-promoted', '&limit=1'))).toEqual(['promoted-from thread:r-thread']);
  });

  it("of an idea's own discussion: never the idea itself", async () => {
    const items = await related('thread', 'r-thread-own', '&limit=20');
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => i.id)).not.toContain('r-idea');
  });

  it('keeps to the limit, links first', async () => {
    expect(refs(await related('idea', 'r-idea', '&limit=2'))).toEqual([
      'answered-by card:r-card-answer',
      'proposed-from card:r-card-source',
    ]);
    expect(await related('idea', 'r-idea')).toHaveLength(8);
  });

  it('answers 404 for what does not exist or a reader may not see, and 400 for a bad query', async () => {
    const amara = await token({ sub: 'demo|amara', name: 'Amara Okafor' });
    const missing: [string, string, string][] = [
      ['idea', 'no-such-idea', 'not_found.idea'],
      ['idea', 'r-idea-held', 'not_found.idea'],
      ['card', 'r-card-held', 'not_found.card'],
      ['thread', 'r-thread-held', 'not_found.thread'],
      ['thread', 'r-thread-pending', 'not_found.thread'],
      ['idea', 'r-card-answer', 'not_found.idea'],
      ['idea', 'r-other-idea', 'not_found.idea'],
      ['card', 'r-other-card', 'not_found.card'],
    ];
    for (const [kind, id, reason] of missing) {
      const res = await call(`${DEMO}/related?kind=${kind}&id=${id}`, { token: amara });
      expect(res.status, `${kind} ${id}`).toBe(404);
      expect((await errorOf(res)).reason).toBe(reason);
    }
    for (const query of [
      'kind=person&id=x',
      'kind=idea',
      'id=r-idea',
      'kind=idea&id=r-idea&limit=0',
      'kind=idea&id=r-idea&limit=21',
      `kind=idea&id=${'x'.repeat(65)}`,
    ]) {
      expect((await call(`${DEMO}/related?${query}`)).status, query).toBe(400);
    }
  });

  it("never crosses tenants: another tenant's items are not found, nor found from", async () => {
    const otherToken = await token({ secret: 'other-tenant-secret-0123456789abcdef', kid: 'k1' });
    for (const [kind, id] of [
      ['idea', 'r-idea'],
      ['card', 'r-card-answer'],
      ['thread', 'r-thread'],
    ] as const) {
      const res = await call(`${OTHER}/related?kind=${kind}&id=${id}`, { token: otherToken });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toMatch(/Wombat|Courier/);
    }
    const theirs = await related('idea', 'r-other-idea', '&limit=20', OTHER, otherToken);
    expect(refs(theirs)).toEqual(['similar card:r-other-card']);
    expect(JSON.stringify(await related('card', 'r-card-similar', '&limit=20'))).not.toContain('Fabrikam');
  });
});
