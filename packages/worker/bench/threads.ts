/**
 * Discussion-thread load scenarios, each next to a one-statement counterpart on the baseline
 * Worker: a page of a 100-comment thread (the whole thread), the first page of a 2,000-comment
 * one against the same baseline (one page, fixed statements: its ratio should be about the
 * same), and posting comments.
 */
import type { Load, Scenario } from './load.ts';
import { type BenchThread, THREAD_100, THREAD_2000, THREAD_POST } from './thread-seed.ts';

/** New comments' text: never the same twice, so the repeat-post check lets each one through. */
function commentText(): () => string {
  const run = Date.now().toString(36);
  let n = 0;
  return () => `Bench comment ${run}-${n++}: we piloted this with the regional teams and will report back after the quarter.`;
}

/**
 * Pages of THREAD_100's 40 top-level comments: its whole thread, and a first page of THREAD_2000
 * holding the same 100 comments (at 50, that page would hold 125), so the two differ only in the
 * length of the thread behind them.
 */
const pageQuery = (t: BenchThread) => `key=${encodeURIComponent(t.key)}&limit=${THREAD_100.roots}`;

function readPage(t: BenchThread, tokens: string[]): Load {
  return {
    method: 'GET',
    path: () => `/v1/tenants/demo/threads/comments?${pageQuery(t)}`,
    headers: (n) => ({ authorization: `Bearer ${tokens[n % tokens.length]}` }),
  };
}

/**
 * `tokens[n]` signs in bench person n (`bench-user-<n>`). Posts rotate through all of them, so
 * each person posts a few times a second at most (the bench's Worker has write rate limits off).
 */
export function threadScenarios(tokens: string[]): Scenario[] {
  const ourText = commentText();
  const baseText = commentText();
  return [
    {
      name: 'thread page (100 comments)',
      warmup: 1,
      ours: readPage(THREAD_100, tokens),
      base: { method: 'GET', path: () => `/threads/comments?${pageQuery(THREAD_100)}`, headers: () => ({}) },
      // Against the same baseline, so the two ratios show whether a first page costs what a whole small thread does.
      also: [{ name: 'thread page (2,000; first)', ours: readPage(THREAD_2000, tokens) }],
    },
    {
      name: 'comment post',
      warmup: 1,
      ours: {
        method: 'POST',
        path: () => '/v1/tenants/demo/threads/comments',
        headers: (n) => ({ authorization: `Bearer ${tokens[n % tokens.length]}`, 'content-type': 'application/json' }),
        body: () => JSON.stringify({ key: THREAD_POST.key, body: ourText() }),
      },
      base: {
        method: 'POST',
        path: () => '/threads/comments',
        headers: (n) => ({ 'x-user': `bench-user-${n % tokens.length}`, 'content-type': 'application/json' }),
        body: () => JSON.stringify({ key: THREAD_POST.key, body: baseText() }),
      },
    },
  ];
}
