/**
 * Discussion-thread load scenarios, each next to a one-statement counterpart on the baseline
 * Worker: a page of a 100-comment thread (the whole thread), the first page of a 2,000-comment
 * one against the same baseline (one page, fixed statements: its ratio should be about the
 * same), and posting comments.
 */
import type { Load, Scenario } from './load.ts';
import { type BenchThread, POST_THREADS, THREAD_100, THREAD_2000 } from './thread-seed.ts';

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

/** The discussion person `p` posts into: always the same one (see POST_THREADS). */
const postKey = (p: number) => (POST_THREADS[p % POST_THREADS.length] as BenchThread).key;

/**
 * `tokens[n]` signs in bench person n (`bench-user-<n>`). Posts rotate through all of them, so
 * each person posts a few times a second at most (the bench's Worker has write rate limits off).
 * Posts are spread over 20 discussions of ten posters each: all 200 in one thread would make it
 * follow itself ever harder (each poster follows it, so a post there soon notifies 199 people,
 * about ten rows read and six written for each; test/comment-post-cost.test.ts), and the rounds
 * would measure how long the run had gone on.
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
        body: (n) => JSON.stringify({ key: postKey(n % tokens.length), body: ourText() }),
      },
      base: {
        method: 'POST',
        path: () => '/threads/comments',
        headers: (n) => ({ 'x-user': `bench-user-${n % tokens.length}`, 'content-type': 'application/json' }),
        body: (n) => JSON.stringify({ key: postKey(n % tokens.length), body: baseText() }),
      },
    },
  ];
}
