/**
 * The load test's small run in CI: 100 distinct people voting, commenting and saving cards at
 * once against the development Worker (rate limits on), bounded by a count of operations, then
 * every write accounted for against the tenant's rows — the same driver and reconciler as
 * `pnpm bench --only soak` (packages/worker/bench/soak.ts, soak-reconcile.ts). Whether the eager
 * person reaches their write budget depends on the machine's speed, so the 429 path is checked
 * on the reconciler alone below (a stored 429 is found) and by the bench.
 */
import { describe, expect, inject, it } from 'vitest';
import { runSoak, soakSummary } from '../packages/worker/bench/soak.ts';
import { parseArchive, reconcile, type Sent } from '../packages/worker/bench/soak-reconcile.ts';
import { TEST_ADMIN_TOKEN } from './dev-secret.ts';

const base = inject('baseUrl');

describe('100 people writing at once', () => {
  it('answers every write 2xx or a deliberate 429, and every write is accounted for in the rows', { timeout: 600_000 }, async () => {
    const result = await runSoak({
      baseUrl: base,
      adminToken: TEST_ADMIN_TOKEN,
      people: 100,
      concurrency: 20,
      operations: 300,
      ideas: 8,
      threads: 4,
      cards: 10,
      eager: 1,
    });
    const { log, books } = result;
    const summary = soakSummary(result).join('\n');
    expect(result.failures, summary).toEqual([]);
    expect(books.problems, summary).toEqual([]);
    expect(books.accounted, summary).toBe(books.writes);
    expect(books.counts.agreed, summary).toBe(books.counts.checked);
    // The run did what it says: every kind of write succeeded, and every person wrote.
    for (const kind of ['vote', 'unvote', 'comment', 'card-create', 'card-save'] as const) {
      expect(log.filter((s) => s.kind === kind && s.status < 300).length, kind).toBeGreaterThan(0);
    }
    expect(new Set(log.map((s) => s.person)).size).toBe(100);
    expect(books.writes).toBeGreaterThanOrEqual(300);
    expect(books.counts.checked).toBeGreaterThan(8 + 4);
  });
});

describe('the reconciler', () => {
  const person = (p: number) => ({ id: `u${p}`, subject: `bench|${p}` });
  const archive = (records: [string, Record<string, unknown>][]) =>
    [
      JSON.stringify({ format: 'bridgekit-archive' }),
      ...records.map(([t, r]) => JSON.stringify({ t, r })),
      JSON.stringify({
        end: 'bridgekit-archive',
        counts: Object.fromEntries([...new Set(records.map(([t]) => t))].map((t) => [t, records.filter(([x]) => x === t).length])),
      }),
    ].join('\n');
  const sent = (s: Partial<Sent> & Pick<Sent, 'kind' | 'status' | 'seq'>): Sent => ({
    person: 1,
    method: 'PUT',
    path: '/x',
    ms: 1,
    attempt: 1,
    ...s,
  });
  const idea = { id: 'i1', title: 'An idea', authorId: 'u1', voteCount: 1, supporterCount: 1 };
  const log = [
    sent({ kind: 'idea', status: 201, seq: 0, id: 'i1', text: 'An idea' }),
    sent({ kind: 'vote', status: 200, seq: 1, idea: 'i1', myVotes: 1 }),
    sent({ kind: 'unvote', status: 200, seq: 2, idea: 'i1', myVotes: 0 }),
    sent({ kind: 'vote', status: 200, seq: 3, idea: 'i1', myVotes: 1 }),
    sent({ kind: 'comment', status: 429, seq: 4, text: 'Refused' }),
  ];

  it('balances when the rows are what the answers said', () => {
    const books = reconcile(
      log,
      parseArchive(
        archive([
          ['users', person(1)],
          ['ideas', idea],
          ['votes', { ideaId: 'i1', userId: 'u1', count: 1 }],
        ]),
      ),
    );
    expect(books).toEqual({ writes: 5, accounted: 5, counts: { checked: 1, agreed: 1 }, problems: [] });
  });

  it('finds a lost vote, a vote nobody cast, a stored 429 and a count that disagrees', () => {
    const lost = reconcile(
      log,
      parseArchive(
        archive([
          ['users', person(1)],
          ['ideas', idea],
        ]),
      ),
    );
    expect(lost.accounted).toBeLessThan(lost.writes);
    expect(lost.problems.join('\n')).toMatch(/no vote stored, backed/);
    const stray = reconcile(
      log,
      parseArchive(
        archive([
          ['users', person(1)],
          ['ideas', { ...idea, voteCount: 2, supporterCount: 2 }],
          ['votes', { ideaId: 'i1', userId: 'u1', count: 1 }],
          ['votes', { ideaId: 'i1', userId: 'u9', count: 1 }],
          ['threads', { id: 't1', key: 'k', commentCount: 1 }],
          ['comments', { id: 'c1', threadId: 't1', rootId: 'c1', body: 'Refused', state: 'published', replyCount: 0, authorId: 'u1' }],
        ]),
      ),
    );
    expect(stray.problems.join('\n')).toMatch(/that no request cast/);
    expect(stray.problems.join('\n')).toMatch(/refused with 429 was stored/);
    expect(stray.problems.join('\n')).toMatch(/Comment c1 exists, but no request created it/);
    expect(stray.problems.join('\n')).toMatch(/requests 1/);
  });

  it('refuses an archive that was cut short', () => {
    const whole = archive([['users', person(1)]]);
    expect(() => parseArchive(whole.split('\n').slice(0, -1).join('\n'))).toThrow(/cut short/);
  });
});
