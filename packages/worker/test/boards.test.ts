import type { Board } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_BOARDS, DEMO_IDEAS } from '../src/dev/demo-data.ts';
import { DEMO_HISTORY_BOARD, DEMO_HISTORY_COUNT } from '../src/dev/demo-history.ts';
import { call, DEMO, errorOf, json } from './helpers.ts';

describe('boards', () => {
  it("lists the tenant's boards by name, each with its own idea count", async () => {
    const res = await call(`${DEMO}/boards`);
    expect(res.status).toBe(200);
    const { items } = await json<{ items: Board[] }>(res);
    expect(items.map((b) => b.name)).toEqual([...DEMO_BOARDS.map((b) => b.name), DEMO_HISTORY_BOARD.name].sort());
    for (const board of items) {
      const seeded = board.slug === DEMO_HISTORY_BOARD.slug ? DEMO_HISTORY_COUNT : DEMO_IDEAS.filter((i) => i.board === board.slug).length;
      expect(board.ideaCount, board.slug).toBe(seeded);
    }
  });

  it('gets one board, or a 404 that names it', async () => {
    const board = await json<Board>(await call(`${DEMO}/boards/finance-ops`));
    expect(board).toMatchObject({
      slug: 'finance-ops',
      name: 'Finance operations',
      ideaCount: DEMO_IDEAS.filter((i) => i.board === 'finance-ops').length,
      open: true,
      settings: {
        voting: { mode: 'budget', budget: 10, perIdea: 3, refundOnClose: true },
        requiredFields: ['problem', 'valueType'],
        submitters: 'members',
      },
      scorecard: { preset: 'value-size-risk' },
      budget: null,
    });
    expect(board.statuses.map((s) => s.key)).toEqual([
      'open',
      'under_review',
      'needs_sponsor',
      'planned',
      'in_progress',
      'done',
      'already_available',
      'self_service',
      'bundled',
      'business_owned',
      'deferred',
      'declined_low_value',
    ]);
    const missing = await call(`${DEMO}/boards/unknown`);
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).message).toBe('Board "unknown" was not found.');
  });

  it('refuses a malformed board slug with a 400', async () => {
    const res = await call(`${DEMO}/boards/Not_A_Slug`);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.[0]?.path).toBe('param.board');
  });
});
