import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { Board, Idea, VoteState } from '@bridgekit/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../src/app.ts';
import { documented } from './contract.ts';
import { admin, call, DEMO, errorOf, json, token } from './helpers.ts';

const BOARD = `${DEMO}/boards/scarce`;
const vote = (id: string, t: string, votes?: number) =>
  call(`${DEMO}/ideas/${id}/vote`, { method: 'PUT', token: t, ...(votes === undefined ? {} : { body: JSON.stringify({ votes }) }) });

async function newIdea(title: string): Promise<Idea> {
  const res = await call(`${BOARD}/ideas`, { method: 'POST', token: await token({ sub: 'author' }), body: JSON.stringify({ title }) });
  expect(res.status).toBe(201);
  return json<Idea>(res);
}

beforeAll(async () => {
  const res = await admin(`${DEMO}/boards`, 'POST', {
    slug: 'scarce',
    name: 'Scarce votes',
    settings: { voting: { mode: 'budget', budget: 10, perIdea: 3, refundOnClose: true } },
  });
  expect(res.status).toBe(201);
});

describe('vote budgets', () => {
  it('spend up to the votes per idea, show what is left, and never go over the budget', async () => {
    const t = await token({ sub: 'spender', bu: 'Finance' });
    const [a, b, c, d] = [await newIdea('Budget A'), await newIdea('Budget B'), await newIdea('Budget C'), await newIdea('Budget D')];
    expect(await json<VoteState>(await vote(a.id, t, 3))).toMatchObject({
      myVotes: 3,
      votes: 3,
      supporters: 1,
      budget: { total: 10, used: 3, remaining: 7, perIdea: 3 },
    });
    // Over the votes per idea: the documented 409, like an exhausted budget.
    const tooMany = await vote(b.id, t, 4);
    expect(tooMany.status).toBe(409);
    expect(await errorOf(tooMany)).toMatchObject({ code: 'vote_budget_exceeded', message: expect.stringMatching(/At most 3 votes/) });
    await vote(b.id, t, 3);
    await vote(c.id, t, 3);
    const over = await vote(d.id, t, 2);
    expect(over.status).toBe(409);
    expect(await errorOf(over)).toMatchObject({
      code: 'vote_budget_exceeded',
      message: 'You have 1 of 10 votes left on this board; this needs 2 more.',
    });
    expect(await json<VoteState>(await vote(d.id, t, 1))).toMatchObject({ myVotes: 1, budget: { used: 10, remaining: 0 } });
    // Moving votes: lowering one idea frees budget for another.
    expect(await json<VoteState>(await vote(a.id, t, 1))).toMatchObject({ myVotes: 1, budget: { remaining: 2 } });
    expect(await json<VoteState>(await vote(d.id, t, 3))).toMatchObject({ myVotes: 3, budget: { remaining: 0 } });
    const board = await json<Board>(await call(BOARD, { token: t }));
    expect(board.budget).toEqual({ total: 10, used: 10, remaining: 0, perIdea: 3 });
  });

  it('hold under 100 concurrent votes by one person', async () => {
    const t = await token({ sub: 'stampede' });
    const targets = await Promise.all(Array.from({ length: 8 }, (_, i) => newIdea(`Stampede ${i}`)));
    // Straight to the app without the write rate limiter, which would stop this person at 60.
    const unlimited = { ...env, USER_WRITE_LIMIT: undefined };
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        (async (request: Request) => documented(request, app.fetch(request, unlimited, createExecutionContext())))(
          new Request(`${DEMO}/ideas/${(targets[i % targets.length] as Idea).id}/vote`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
            body: JSON.stringify({ votes: 1 + (i % 3) }),
          }),
        ),
      ),
    );
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([200, 409]));
    const used = await env.DB.prepare(
      "select coalesce(sum(v.count), 0) as n from votes v join ideas i on i.id = v.idea_id join users u on u.id = v.user_id where u.subject = 'stampede' and i.board_id = (select id from boards where slug = 'scarce') and v.refunded = 0",
    ).first<{ n: number }>();
    expect(used?.n).toBeLessThanOrEqual(10);
    const perIdea = await env.DB.prepare(
      "select max(v.count) as m from votes v join users u on u.id = v.user_id where u.subject = 'stampede'",
    ).first<{ m: number }>();
    expect(perIdea?.m).toBeLessThanOrEqual(3);
    for (const idea of targets) {
      const read = await json<Idea>(await call(`${DEMO}/ideas/${idea.id}`));
      const rows = await env.DB.prepare('select coalesce(sum(count), 0) as n from votes where idea_id = ?')
        .bind(idea.id)
        .first<{ n: number }>();
      expect(read.votes).toBe(rows?.n);
    }
  });

  it('are frozen on a closed idea and returned to their owners', async () => {
    const t = await token({ sub: 'refund-me' });
    const idea = await newIdea('Will be declined');
    await vote(idea.id, t, 3);
    const closed = await call(`${DEMO}/ideas/${idea.id}/status`, {
      method: 'PUT',
      token: await token({ sub: 'judge', name: 'Judge', extra: { roles: ['Bridgekit.Moderator'] } }),
      body: JSON.stringify({ status: 'declined_low_value', reason: 'The benefit does not cover the licence cost.' }),
    });
    expect(closed.status).toBe(200);
    expect((await json<Idea>(closed)).closed).toBe(true);

    const frozen = await vote(idea.id, t, 1);
    expect(frozen.status).toBe(409);
    expect((await errorOf(frozen)).code).toBe('voting_closed');
    const withdraw = await call(`${DEMO}/ideas/${idea.id}/vote`, { method: 'DELETE', token: t });
    expect(withdraw.status).toBe(409);

    const board = await json<Board>(await call(BOARD, { token: t }));
    expect(board.budget).toMatchObject({ used: 0, remaining: 10 });
    // The support stays on record.
    expect((await json<Idea>(await call(`${DEMO}/ideas/${idea.id}`, { token: t }))).votes).toBe(3);
  });

  it('count one business unit once, however many people from it back an idea', async () => {
    const idea = await newIdea('Shared across units');
    for (const [sub, bu] of [
      ['bu-1', 'Finance'],
      ['bu-2', 'Finance'],
      ['bu-3', 'Sales'],
      ['bu-4', 'Finance'],
    ]) {
      await vote(idea.id, await token({ sub: sub as string, bu: bu as string }), 1);
    }
    expect(await json<Idea>(await call(`${DEMO}/ideas/${idea.id}`))).toMatchObject({ supporters: 4, businessUnits: 2, votes: 4 });
  });
});

describe('single-vote boards', () => {
  it('refuse more than one vote per person and idea', async () => {
    const res = await vote('demo-idea-sso', await token({ sub: 'greedy' }), 2);
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: 'vote_budget_exceeded', message: expect.stringMatching(/At most 1 vote per person/) });
  });
});
