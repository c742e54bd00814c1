import { env } from 'cloudflare:workers';
import type { Board, Idea, StatusChange, VoteState } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, call, DEMO, errorOf, json, token, useTestRoleClaims } from './helpers.ts';

const evaluator = () => token({ sub: 'eva', name: 'Eva Evaluator', extra: { roles: ['Bridgekit.Evaluator'] } });
const moderator = () => token({ sub: 'mo', name: 'Mo Moderator', extra: { roles: ['Bridgekit.Moderator'] } });

async function newIdea(board: string, title: string, body: Record<string, unknown> = {}): Promise<Idea> {
  const res = await call(`${DEMO}/boards/${board}/ideas`, {
    method: 'POST',
    token: await token({ sub: 'submitter', name: 'Sam Submitter' }),
    body: JSON.stringify({ title, ...body }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Idea>(res);
}
const setStatus = async (id: string, body: unknown, t?: string) =>
  call(`${DEMO}/ideas/${id}/status`, { method: 'PUT', token: t ?? (await evaluator()), body: JSON.stringify(body) });
const vote = (id: string, t: string, votes?: number) =>
  call(`${DEMO}/ideas/${id}/vote`, { method: 'PUT', token: t, ...(votes === undefined ? {} : { body: JSON.stringify({ votes }) }) });
const merge = async (dup: string, into: string) =>
  call(`${DEMO}/ideas/${dup}/merge`, { method: 'POST', token: await moderator(), body: JSON.stringify({ into }) });

beforeAll(async () => {
  // Evaluators come from the same claim as the demo's moderators and admins.
  await useTestRoleClaims();
  expect(
    (
      await admin(`${DEMO}/boards`, 'POST', {
        slug: 'pool',
        name: 'Pool',
        settings: { voting: { mode: 'budget', budget: 10, perIdea: 3, refundOnClose: true } },
      })
    ).status,
  ).toBe(201);
});

describe('two-lane intake', () => {
  it('records the lane and the business case', async () => {
    const idea = await newIdea('general', 'Tweak the travel request form', {
      lane: 'change_request',
      businessCase: {
        problem: 'Two fields nobody uses.',
        beneficiary: 'Operations',
        valueType: 'experience',
        effort: 'XS',
        objective: 'Simplify',
      },
    });
    expect(idea).toMatchObject({
      lane: 'change_request',
      businessCase: {
        problem: 'Two fields nobody uses.',
        beneficiary: 'Operations',
        valueType: 'experience',
        effort: 'XS',
        objective: 'Simplify',
      },
      status: { key: 'open', label: 'Open', category: 'open', reason: null },
      score: { value: null, effort: null, evaluations: 0 },
      closed: false,
      mergedInto: null,
    });
  });

  it('refuses a submission without the fields the board requires, naming each', async () => {
    const res = await call(`${DEMO}/boards/finance-ops/ideas`, {
      method: 'POST',
      token: await token(),
      body: JSON.stringify({ title: 'Vague finance idea' }),
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.details?.map((d) => d.path)).toEqual(['body.businessCase.problem', 'body.businessCase.valueType']);
    expect(error.message).toBe('This board asks for the problem, the kind of value.');
    expect(
      (
        await call(`${DEMO}/boards/finance-ops/ideas`, {
          method: 'POST',
          token: await token(),
          body: JSON.stringify({ title: 'x', lane: 'other' }),
        })
      ).status,
    ).toBe(400);
  });

  it('refuses submissions outside the board window, and by members on a curated board', async () => {
    await admin(`${DEMO}/boards`, 'POST', {
      slug: 'closed-campaign',
      name: 'Closed campaign',
      settings: { closesAt: '2026-01-31T00:00:00Z' },
    });
    const closed = await call(`${DEMO}/boards/closed-campaign/ideas`, {
      method: 'POST',
      token: await token(),
      body: JSON.stringify({ title: 'Too late' }),
    });
    expect(closed.status).toBe(409);
    expect((await errorOf(closed)).message).toMatch(/not open for new ideas/);
    expect((await json<Board>(await call(`${DEMO}/boards/closed-campaign`))).open).toBe(false);

    await admin(`${DEMO}/boards`, 'POST', { slug: 'curated', name: 'Curated', settings: { submitters: 'moderators' } });
    const member = await call(`${DEMO}/boards/curated/ideas`, {
      method: 'POST',
      token: await token(),
      body: JSON.stringify({ title: 'From a member' }),
    });
    expect(member.status).toBe(403);
    const mod = await call(`${DEMO}/boards/curated/ideas`, {
      method: 'POST',
      token: await moderator(),
      body: JSON.stringify({ title: 'From a moderator' }),
    });
    expect(mod.status).toBe(201);
  });
});

describe('statuses', () => {
  it('refuse a deflection without a written reason (400), and record one with its reason and link', async () => {
    const idea = await newIdea('general', 'Build our own CRM');
    const bare = await setStatus(idea.id, { status: 'already_available' });
    expect(bare.status).toBe(400);
    expect(await errorOf(bare)).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.reason' }] });
    expect((await setStatus(idea.id, { status: 'already_available', reason: 'short' })).status).toBe(400);

    const res = await setStatus(idea.id, {
      status: 'self_service',
      reason: 'The sales team can configure this in the existing CRM; the practice card shows how.',
      link: 'https://intranet.example/practice/crm-self-service',
    });
    expect(res.status).toBe(200);
    const updated = await json<Idea>(res);
    expect(updated.status).toMatchObject({
      key: 'self_service',
      label: 'Self-service: see practice card',
      category: 'declined',
      reason: 'The sales team can configure this in the existing CRM; the practice card shows how.',
      link: 'https://intranet.example/practice/crm-self-service',
      changedBy: 'Eva Evaluator',
    });
    expect(updated.closed).toBe(true);

    await setStatus(idea.id, { status: 'under_review' });
    const history = await json<{ items: StatusChange[] }>(await call(`${DEMO}/ideas/${idea.id}/status-history`));
    expect(history.items.map((h) => [h.from, h.to, h.by])).toEqual([
      ['self_service', 'under_review', 'Eva Evaluator'],
      ['open', 'self_service', 'Eva Evaluator'],
    ]);
    expect((await json<Idea>(await call(`${DEMO}/ideas/${idea.id}`))).closed).toBe(false);
  });

  it('are changed by evaluators only, to statuses the board has', async () => {
    const idea = await newIdea('general', 'Status by a member');
    const member = await setStatus(idea.id, { status: 'planned' }, await token({ sub: 'just-a-member' }));
    expect(member.status).toBe(403);
    const unknown = await setStatus(idea.id, { status: 'shipped' });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toMatch(/no status "shipped"/);
    expect((await setStatus(idea.id, { status: 'planned', link: 'javascript:alert(1)' })).status).toBe(400);
  });

  it('can be configured per board, and a deflection must require a reason', async () => {
    const res = await admin(`${DEMO}/boards/innovation-lab`, 'PATCH', {
      statuses: [
        { key: 'new', label: 'New', category: 'open', requiresReason: false, deflection: false },
        { key: 'piloting', label: 'Piloting', category: 'in_progress', requiresReason: false, deflection: false },
        { key: 'not_now', label: 'Not now', category: 'declined', requiresReason: true, deflection: true },
      ],
    });
    expect(res.status).toBe(200);
    expect((await json<Board>(res)).statuses.map((s) => s.key)).toEqual(['new', 'piloting', 'not_now']);
    const idea = await newIdea('innovation-lab', 'First lab idea');
    expect(idea.status).toMatchObject({ key: 'new', label: 'New' });
    const silent = await admin(`${DEMO}/boards/innovation-lab`, 'PATCH', {
      statuses: [
        { key: 'new', label: 'New', category: 'open', requiresReason: false, deflection: false },
        { key: 'nope', label: 'Nope', category: 'declined', requiresReason: false, deflection: true },
      ],
    });
    expect(silent.status).toBe(400);
    expect((await errorOf(silent)).message).toMatch(/must require a reason/);
  });
});

describe('merging duplicates', () => {
  it('pools supporters without double counting, refunds budget votes of people who backed both, and redirects', async () => {
    const original = await newIdea('pool', 'Automate invoice approval');
    const duplicate = await newIdea('pool', 'Automatic invoice approvals');
    const [both, onlyDup, onlyOrig] = await Promise.all([
      token({ sub: 'both', bu: 'Finance' }),
      token({ sub: 'only-dup', bu: 'Sales' }),
      token({ sub: 'only-orig', bu: 'Finance' }),
    ]);
    await vote(original.id, both, 2);
    await vote(duplicate.id, both, 3);
    await vote(duplicate.id, onlyDup, 2);
    await vote(original.id, onlyOrig, 1);

    const res = await merge(duplicate.id, original.id);
    expect(res.status).toBe(200);
    const merged = await json<Idea>(res);
    expect(merged).toMatchObject({ id: original.id, supporters: 3, votes: 2 + 2 + 1, businessUnits: 2 });

    // The person who backed both keeps their 2 votes on the original; their 3 on the duplicate are back.
    const bothState = await json<VoteState>(await vote(original.id, both, 2));
    expect(bothState).toMatchObject({ myVotes: 2, budget: { used: 2, remaining: 8 } });
    expect((await json<Idea>(await call(`${DEMO}/ideas/${original.id}`, { token: onlyDup }))).myVotes).toBe(2);

    const redirect = await call(`${DEMO}/ideas/${duplicate.id}`, { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe(`/v1/tenants/demo/ideas/${original.id}`);
    const dupRow = await env.DB.prepare('select merged_into, closed, status, supporter_count from ideas where id = ?')
      .bind(duplicate.id)
      .first();
    expect(dupRow).toMatchObject({ merged_into: original.id, closed: 1, status: 'merged', supporter_count: 0 });
    const list = await json<{ items: Idea[] }>(await call(`${DEMO}/boards/pool/ideas?limit=100`));
    expect(list.items.map((i) => i.id)).not.toContain(duplicate.id);
    expect((await vote(duplicate.id, onlyDup, 1)).status).toBe(409);

    // Idempotent: merging again changes nothing.
    const again = await json<Idea>(await merge(duplicate.id, original.id));
    expect(again).toMatchObject({ supporters: 3, votes: 5 });
    const voteRows = await env.DB.prepare('select count(*) as n, sum(count) as total from votes where idea_id in (?, ?)')
      .bind(original.id, duplicate.id)
      .first();
    expect(voteRows).toEqual({ n: 3, total: 5 });
  });

  it('refuses merging into itself, into a merged idea, across boards, and by members', async () => {
    const a = await newIdea('pool', 'Merge target A');
    const b = await newIdea('pool', 'Merge source B');
    const c = await newIdea('pool', 'Merge source C');
    expect((await merge(a.id, a.id)).status).toBe(400);
    await merge(b.id, a.id);
    expect((await merge(c.id, b.id)).status).toBe(409);
    expect((await merge(b.id, c.id)).status).toBe(409);
    const other = await newIdea('general', 'On another board');
    expect((await merge(other.id, a.id)).status).toBe(409);
    const member = await call(`${DEMO}/ideas/${c.id}/merge`, {
      method: 'POST',
      token: await evaluator(),
      body: JSON.stringify({ into: a.id }),
    });
    expect(member.status).toBe(403);
  });
});

describe('roadmap', () => {
  it('groups ideas by status category', async () => {
    const idea = await newIdea('general', 'Roadmap candidate');
    await setStatus(idea.id, { status: 'in_progress' });
    const { columns } = await json<{ columns: { category: string; ideas: Idea[] }[] }>(await call(`${DEMO}/boards/general/roadmap`));
    expect(columns.map((c) => c.category)).toEqual(['under_review', 'planned', 'in_progress', 'done']);
    expect(columns.find((c) => c.category === 'in_progress')?.ideas[0]?.id).toBe(idea.id);
    expect(columns.find((c) => c.category === 'planned')?.ideas.map((i) => i.title)).toContain(
      'Self-service sales dashboards for regional directors',
    );
  });
});
