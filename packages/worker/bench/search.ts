/**
 * One search and related content under load, on the bench's 10,000 ideas, its discussion threads
 * and 5,000 cards, each next to its bare counterpart on the baseline Worker: the three full-text
 * queries of a search in one batch, and an idea's text then one full-text query per other kind.
 */
import type { BenchCard } from './card-seed.ts';
import type { Load, Scenario } from './load.ts';
import { THREAD_100, THREAD_500, THREAD_2000 } from './thread-seed.ts';

/** What people type into a search box: words that ideas, war stories and cards all use. */
export const SEARCH_QUERIES = [
  'invoice matching',
  'supplier onboarding',
  'stock replenishment forecast',
  'access reviews',
  'contract renewals',
  'expense claims',
  'self-service dashboards',
  'business case benefits',
];

const query = (n: number) => encodeURIComponent(SEARCH_QUERIES[n % SEARCH_QUERIES.length] ?? '');

/** `tokens[n]` signs in bench person n; `ideas` is how many bench ideas there are (`bench-idea-<n>`). */
export function searchScenarios(cards: BenchCard[], tokens: string[], ideas: number): Scenario[] {
  const headers = (n: number) => ({ authorization: `Bearer ${tokens[n % tokens.length]}` });
  const related = (kind: string, id: (n: number) => string): Load => ({
    method: 'GET',
    path: (n) => `/v1/tenants/demo/related?kind=${kind}&id=${encodeURIComponent(id(n))}`,
    headers,
  });
  const threads = [THREAD_100, THREAD_500, THREAD_2000];
  return [
    {
      name: 'one search (3 kinds)',
      warmup: 1,
      ours: { method: 'GET', path: (n) => `/v1/tenants/demo/search?q=${query(n)}`, headers },
      base: { method: 'GET', path: (n) => `/search?q=${query(n)}`, headers: () => ({}) },
    },
    {
      name: 'related (idea)',
      warmup: 1,
      ours: related('idea', (n) => `bench-idea-${n % ideas}`),
      base: { method: 'GET', path: (n) => `/related?id=bench-idea-${n % ideas}`, headers: () => ({}) },
      // Against the same baseline: a card's and a war story's related content cost about what an idea's does.
      also: [
        { name: 'related (card)', ours: related('card', (n) => (cards[n % cards.length] as BenchCard).id) },
        { name: 'related (thread)', ours: related('thread', (n) => (threads[n % threads.length] as (typeof threads)[number]).id) },
      ],
    },
  ];
}
