/**
 * Practice-card load scenarios over the 5,000 bench cards (card-seed.ts), each next to a
 * one-statement counterpart on the baseline Worker: saving a new version of a card, and a
 * library search (full-text, best match first, with snippets).
 */
import type { BenchCard } from './card-seed.ts';
import type { Load, Scenario } from './load.ts';

/** What people type into the library's search box. */
export const CARD_QUERIES = [
  'business cases',
  'stakeholder map',
  'value realization benefits',
  'invoice matching',
  'supplier onboarding',
  'relationship health trust',
  'account plan roadmap',
  'cost per hire',
  'steering group',
  'Northwind procurement',
  'late-payment fees',
  'forecast',
];

/** Small edits, so each save changes the summary. */
const EDITS = ['Checked with the partner this quarter.', 'Figures confirmed by the benefits owner.', 'Wording tidied after review.'];

const query = (n: number) => encodeURIComponent(CARD_QUERIES[n % CARD_QUERIES.length] ?? '');

/**
 * Saves rotate over all cards, one after another, so no card has two saves in flight; each is
 * sent with the card's current version as `baseVersion`, counted from the answers (a save that
 * was cut off when a measurement ended is looked up before the next one).
 */
function cardSaves(cards: BenchCard[], tokens: string[]): Load {
  const versions = new Map<string, number>();
  /** By request number within the current measurement. */
  const inFlight = new Map<number, { card: BenchCard; base: number }>();
  let next = 0;
  const saveOf = (n: number) => {
    const save = inFlight.get(n);
    if (!save) throw new Error(`No card chosen for save ${n}`);
    return save;
  };
  return {
    method: 'PUT',
    path: (n) => {
      const card = cards[next++ % cards.length] as BenchCard;
      inFlight.set(n, { card, base: versions.get(card.id) ?? 1 });
      return `/v1/tenants/demo/cards/${card.id}`;
    },
    headers: (n) => ({ authorization: `Bearer ${tokens[n % tokens.length]}`, 'content-type': 'application/json' }),
    body: (n) => {
      const { card, base } = saveOf(n);
      return JSON.stringify({
        title: card.title,
        summary: `${card.summary} ${EDITS[base % EDITS.length]}`,
        fields: card.fields,
        tags: card.tags,
        maturityLevel: card.maturityLevel,
        baseVersion: base,
        note: 'Bench save',
      });
    },
    onResponse: (n, status) => {
      const { card, base } = saveOf(n);
      inFlight.delete(n);
      if (status === 200) versions.set(card.id, base + 1);
    },
    before: async (baseUrl) => {
      for (const { card } of inFlight.values()) {
        const res = await fetch(`${baseUrl}/v1/tenants/demo/cards/${card.id}`, { headers: { authorization: `Bearer ${tokens[0]}` } });
        if (!res.ok) throw new Error(`GET card ${card.id}: ${res.status}`);
        versions.set(card.id, ((await res.json()) as { version: number }).version);
      }
      inFlight.clear();
    },
  };
}

/**
 * `tokens[n]` signs in bench person n; saves rotate through all of them (the bench's Worker has
 * write rate limits off). Saves come first: searches cut off at the end of a round leave work
 * queued on the Worker, which would slow whatever is measured next.
 */
export function cardScenarios(cards: BenchCard[], tokens: string[]): Scenario[] {
  // The baseline's saves rotate over the cards too, so both touch as many pages.
  const baseCards = new Map<number, BenchCard>();
  let baseNext = 0;
  const baseCard = (n: number) => baseCards.get(n) ?? (cards[0] as BenchCard);
  return [
    {
      name: 'card save',
      warmup: 1,
      ours: cardSaves(cards, tokens),
      base: {
        method: 'PUT',
        path: (n) => {
          const card = cards[baseNext++ % cards.length] as BenchCard;
          baseCards.set(n, card);
          return `/cards/${card.id}`;
        },
        headers: (n) => ({ 'x-user': `Bench person ${n % tokens.length}`, 'content-type': 'application/json' }),
        body: (n) => {
          const card = baseCard(n);
          return JSON.stringify({ title: card.title, summary: `${card.summary} ${EDITS[n % EDITS.length]}`, fields: card.fields });
        },
      },
    },
    {
      name: `card search (${cards.length.toLocaleString('en')})`,
      warmup: 1,
      ours: {
        method: 'GET',
        path: (n) => `/v1/tenants/demo/cards?q=${query(n)}`,
        headers: (n) => ({ authorization: `Bearer ${tokens[n % tokens.length]}` }),
      },
      base: { method: 'GET', path: (n) => `/cards/search?q=${query(n)}`, headers: () => ({}) },
    },
  ];
}
