/**
 * An idea's view from the read cache (routes/read-cache.ts, store/idea-view.ts): every write —
 * vote, comment, edit, status change, score — is seen by the next view of every viewer; one
 * viewer's votes, authorship, role and readable cards never reach another; a held idea reaches
 * only its author and moderators; tenants never share a view.
 */
import { env } from 'cloudflare:workers';
import type { Idea, IdeaView } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { versioned } from '../src/store/cache-versions.ts';
import { clearTenantCache } from '../src/store/tenants.ts';
import { call, DEMO, json, ORIGIN, seedOtherTenant, token, useTestRoleClaims } from './helpers.ts';

let ada: string;
let ben: string;
let eva: string;
let mod: string;
let admin: string;

beforeAll(async () => {
  await useTestRoleClaims();
  [ada, ben, eva, mod, admin] = await Promise.all([
    token({ sub: 'view-cache-ada', name: 'Ada View' }),
    token({ sub: 'view-cache-ben', name: 'Ben View' }),
    token({ sub: 'view-cache-eva', name: 'Eva View', extra: { roles: ['Bridgekit.Evaluator'] } }),
    token({ sub: 'view-cache-mod', name: 'Mo View', extra: { roles: ['Bridgekit.Moderator'] } }),
    token({ sub: 'view-cache-admin', name: 'Ad View', extra: { roles: ['Bridgekit.Admin'] } }),
  ]);
});

const send = (method: string, url: string, t?: string, body?: unknown) =>
  call(url, { method, ...(t ? { token: t } : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function view(id: string, t?: string): Promise<IdeaView> {
  const res = await send('GET', `${DEMO}/ideas/${id}/view`, t);
  expect(res.status, await res.clone().text()).toBe(200);
  return json<IdeaView>(res);
}

const status = async (id: string, t?: string) => (await send('GET', `${DEMO}/ideas/${id}/view`, t)).status;

async function submit(t: string, title: string): Promise<Idea> {
  const res = await send('POST', `${DEMO}/boards/general/ideas`, t, { title });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Idea>(res);
}

const SCORES = {
  impact: 4,
  financial: 3,
  strategic_alignment: 3,
  size: 'M',
  new_technology: false,
  third_party: true,
  ways_of_working: false,
};

// Many requests each, on a machine that may be busy.
describe("an idea's view from the read cache", { timeout: 30_000 }, () => {
  it('a vote is seen by every viewer; only the voter sees it as theirs, only the author as theirs', async () => {
    const idea = await submit(ada, 'View cache: a shared parcel locker');
    for (const t of [undefined, ada, ben]) expect((await view(idea.id, t)).idea.votes).toBe(1);

    expect((await send('PUT', `${DEMO}/ideas/${idea.id}/vote`, ben)).status).toBe(200);
    const [anonymous, asAda, asBen] = await Promise.all([view(idea.id), view(idea.id, ada), view(idea.id, ben)]);
    for (const v of [anonymous, asAda, asBen]) expect(v.idea.votes).toBe(2);
    expect(asBen.idea).toMatchObject({ voted: true, myVotes: 1, mine: false });
    expect(asAda.idea).toMatchObject({ voted: true, myVotes: 1, mine: true });
    expect(anonymous.idea).toMatchObject({ voted: false, myVotes: 0, mine: false });
    expect(asBen.supportByUnit.reduce((n, s) => n + s.supporters, 0) + asBen.providerSupporters).toBe(2);

    expect((await send('DELETE', `${DEMO}/ideas/${idea.id}/vote`, ben)).status).toBe(200);
    expect((await view(idea.id, ben)).idea).toMatchObject({ votes: 1, voted: false, myVotes: 0 });
    expect((await view(idea.id)).idea.votes).toBe(1);
  });

  it('a comment, an edit, a status change and a score are seen by the next view; the averages by evaluators only', async () => {
    const idea = await submit(ada, 'View cache: badge printers at reception');
    for (const t of [undefined, ben, eva]) await view(idea.id, t);
    expect((await view(idea.id, eva)).evaluation?.evaluators).toBe(0);

    const comment = await send('POST', `${DEMO}/threads/comments`, ben, {
      key: `idea:${idea.id}`,
      body: 'We need this on floor two as well.',
    });
    expect(comment.status, await comment.clone().text()).toBe(201);
    expect((await view(idea.id)).discussion.comments).toBe(1);

    expect((await send('PATCH', `${DEMO}/ideas/${idea.id}`, ada, { title: 'View cache: badge printers at every reception' })).status).toBe(
      200,
    );
    expect((await view(idea.id, ben)).idea.title).toBe('View cache: badge printers at every reception');
    expect((await view(idea.id)).revisions).toBe(1);

    const moved = await send('PUT', `${DEMO}/ideas/${idea.id}/status`, eva, { status: 'under_review', reason: 'Looking at vendors' });
    expect(moved.status, await moved.clone().text()).toBe(200);
    const afterMove = await view(idea.id);
    expect(afterMove.idea.status.key).toBe('under_review');
    expect(afterMove.history.map((h) => h.to)).toContain('under_review');

    const scored = await send('PUT', `${DEMO}/ideas/${idea.id}/score`, eva, { scores: SCORES });
    expect(scored.status, await scored.clone().text()).toBe(200);
    const asEva = await view(idea.id, eva);
    expect(asEva.evaluation?.evaluators).toBe(1);
    expect(asEva.evaluation?.criteria.find((c) => c.key === 'impact')?.average).toBe(4);
    // The same cached answer, without the evaluators' part for everyone else.
    for (const t of [undefined, ben, ada]) expect((await view(idea.id, t)).evaluation).toBeNull();
    expect((await view(idea.id, mod)).evaluation?.evaluators).toBe(1);
  });

  it('a card only some may read is in their view only', async () => {
    const idea = await submit(ada, 'View cache: cited by a private card');
    for (const t of [undefined, ben, admin]) expect((await view(idea.id, t)).citedBy).toEqual([]);
    const db = versioned(env.DB, 'demo-tenant');
    const now = Date.now();
    await db.batch([
      db
        .prepare(
          `insert into cards (id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, version, save_id, created_by, updated_by, updated_at, visibility)
           values (?, 'demo-tenant', 'business-case', 1, ?, '', '{}', '{}', '', '[]', 1, 's', 'Test', 'Test', ?, ?)`,
        )
        .bind(`view-cache-card-${idea.id}`, 'Private business case', now, 'private'),
      db
        .prepare(
          `insert into cards (id, tenant_id, template_id, template_version, title, summary, fields, rendered, search_text, tags, version, save_id, created_by, updated_by, updated_at)
           values (?, 'demo-tenant', 'business-case', 1, ?, '', '{}', '{}', '', '[]', 1, 's', 'Test', 'Test', ?)`,
        )
        .bind(`view-cache-open-${idea.id}`, 'Open business case', now),
      db
        .prepare(
          "insert into card_links (card_id, path, tenant_id, to_kind, to_id) values (?, 'opportunities.0', 'demo-tenant', 'idea', ?)",
        )
        .bind(`view-cache-card-${idea.id}`, idea.id),
      db
        .prepare(
          "insert into card_links (card_id, path, tenant_id, to_kind, to_id) values (?, 'opportunities.0', 'demo-tenant', 'idea', ?)",
        )
        .bind(`view-cache-open-${idea.id}`, idea.id),
    ]);
    const titles = async (t?: string) => (await view(idea.id, t)).citedBy.map((c) => c.title);
    expect(await titles(admin)).toEqual(['Open business case', 'Private business case']);
    expect(await titles()).toEqual(['Open business case']);
    expect(await titles(ben)).toEqual(['Open business case']);
    expect(await titles(admin)).toEqual(['Open business case', 'Private business case']);
  });

  it('a held idea reaches only its author and moderators, before and after the others read it, and everyone once published', async () => {
    expect((await send('PATCH', `${DEMO}/moderation/settings`, admin, { preModeration: 'all' })).status).toBe(200);
    const held = await submit(ada, 'View cache: a held idea');
    expect((await send('PATCH', `${DEMO}/moderation/settings`, admin, { preModeration: 'off' })).status).toBe(200);
    expect(held.moderation.state).toBe('pending');

    // Others first: the shared answer is "hidden", and stays so for them.
    expect(await status(held.id)).toBe(404);
    expect(await status(held.id, ben)).toBe(404);
    expect((await view(held.id, ada)).idea.moderation.state).toBe('pending');
    const asMod = await view(held.id, mod);
    expect(asMod.idea.moderation.reasonCode).toBe('held.every_idea');
    for (const t of [undefined, ben, eva]) expect(await status(held.id, t)).toBe(404);
    expect((await view(held.id, ada)).idea.mine).toBe(true);

    expect((await send('POST', `${DEMO}/ideas/${held.id}/moderation`, mod, { action: 'approve' })).status).toBe(200);
    for (const t of [undefined, ben, ada]) expect((await view(held.id, t)).idea.moderation.state).toBe('published');
    expect(await status('no-such-idea', ben)).toBe(404);
    expect(await status('no-such-idea', mod)).toBe(404);
  });

  it('a merged duplicate redirects every viewer to the original', async () => {
    const original = await submit(ada, 'View cache: one room booking tool');
    const duplicate = await submit(ben, 'View cache: a room booking app');
    await view(duplicate.id);
    await view(duplicate.id, ben);
    const merged = await send('POST', `${DEMO}/ideas/${duplicate.id}/merge`, mod, { into: original.id });
    expect(merged.status, await merged.clone().text()).toBe(200);
    for (const t of [undefined, ben, ada]) {
      const res = await call(`${DEMO}/ideas/${duplicate.id}/view`, { ...(t ? { token: t } : {}), redirect: 'manual' });
      expect(res.status).toBe(308);
      expect(res.headers.get('location')).toBe(`/v1/tenants/demo/ideas/${original.id}/view`);
    }
    expect((await view(original.id)).duplicates.map((d) => d.id)).toEqual([duplicate.id]);
  });

  it('two tenants never share a view', async () => {
    const { secret } = await seedOtherTenant();
    clearTenantCache();
    const other = await token({ sub: 'fab|1', secret, kid: 'k1' });
    const theirs = `${ORIGIN}/v1/tenants/other/ideas/other-idea/view`;
    for (let round = 0; round < 2; round++) {
      const res = await send('GET', theirs, other);
      expect(res.status).toBe(200);
      expect((await json<IdeaView>(res)).idea.title).toBe('Fabrikam confidential plan');
      expect(await status('other-idea', ada)).toBe(404);
      expect(await status('other-idea')).toBe(404);
    }
    const ours = await submit(ada, 'View cache: ours alone');
    await view(ours.id);
    expect((await send('GET', `${ORIGIN}/v1/tenants/other/ideas/${ours.id}/view`, other)).status).toBe(404);
  });
});
