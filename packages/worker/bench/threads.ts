/**
 * Discussion-thread load scenarios: a page of a 100-comment thread, the first page of a
 * 2,000-comment one (one page, fixed statements: it should cost about the same), and posting
 * comments, each next to its one-statement counterpart on the baseline Worker.
 */
import type { Scenario } from './load.ts';
import { type BenchThread, PAGE_LIMIT, THREAD_100, THREAD_2000, THREAD_POST } from './thread-seed.ts';

/** New comments' text: never the same twice, so the repeat-post check lets each one through. */
function commentText(): () => string {
  const run = Date.now().toString(36);
  let n = 0;
  return () => `Bench comment ${run}-${n++}: we piloted this with the regional teams and will report back after the quarter.`;
}

function threadPage(name: string, t: BenchThread, tokens: string[]): Scenario {
  const query = `key=${encodeURIComponent(t.key)}&limit=${PAGE_LIMIT}`;
  return {
    name,
    warmup: 1,
    ours: {
      method: 'GET',
      path: () => `/v1/tenants/demo/threads/comments?${query}`,
      headers: (n) => ({ authorization: `Bearer ${tokens[n % tokens.length]}` }),
    },
    base: { method: 'GET', path: () => `/threads/comments?${query}`, headers: () => ({}) },
  };
}

/**
 * `tokens[n]` signs in bench person n (`bench-user-<n>`); posts rotate through them, as the
 * Worker runs with rate limits off for load tests anyway.
 */
export function threadScenarios(tokens: string[]): Scenario[] {
  const ourText = commentText();
  const baseText = commentText();
  return [
    threadPage('thread page (100 comments)', THREAD_100, tokens),
    threadPage('thread page (2,000; first)', THREAD_2000, tokens),
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
