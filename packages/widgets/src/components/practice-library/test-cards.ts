/** Cards the widget tests create through the SDK: a valid Business Case with as little as it needs. */
import type { BridgekitMemberClient, CardInput, PracticeCard } from '@bridgekit/sdk';

export const minimalBusinessCase = (title: string): CardInput => ({
  templateId: 'business-case',
  title,
  summary: 'A short case made by a widget test.',
  tags: ['value-realization'],
  fields: {
    executiveSummary: 'Match invoices **automatically**.',
    reasons: 'Matching by hand is slow.',
    options: [{ kind: 'do-nothing', description: 'Keep matching by hand.', cost: { amount: 1200, currency: 'EUR' } }],
    recommendedOption: 'Do something.',
    expectedBenefits: [{ benefit: 'A faster month-end close' }],
    timescale: { start: '2027-01-11' },
    costs: { project: { amount: 250000, currency: 'EUR' } },
    majorRisks: [{ risk: 'Supplier data is poor' }],
    sponsor: { name: 'Helena Fischer' },
  },
});

/** A fresh Business Case owned by the caller, with a title unique to the test. */
export function createTestCard(
  api: BridgekitMemberClient,
  title = `Widget test case ${Date.now()} ${Math.random().toString(36).slice(2, 7)}`,
) {
  return api.cards.create(minimalBusinessCase(title)) as Promise<PracticeCard>;
}

/** A war story on its own intranet page, promoted to a card, with what the card led to. */
export interface StoryCard {
  card: PracticeCard;
  /** The thread's page, as the server stored it. */
  pageUrl: string;
  threadTitle: string;
  /** The comment promoted. */
  commentId: string;
  /** An idea proposed from the card (sparked) and a request the card answered (a deflection). */
  sparked: { id: string; title: string };
  answered: { id: string; title: string };
}

/**
 * Makes a card the way the community does: `author` tells a war story under a page and promotes
 * their comment to a practice card; they propose an idea from the card; another member asks for
 * something the card answers, and a moderator deflects it to the card.
 */
export async function createStoryCard(
  author: BridgekitMemberClient,
  asker: BridgekitMemberClient,
  moderator: BridgekitMemberClient,
): Promise<StoryCard> {
  const unique = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const threadTitle = `War story ${unique}`;
  const comment = await author.threads.post({
    url: `https://intranet.contoso.example/sites/brm/stories/${unique}`,
    title: threadTitle,
    body: `We stopped building one-off reports ${unique}.\n\nA two-hour self-service session halved the requests.`,
  });
  const thread = (await author.threads.page({ url: `https://intranet.contoso.example/sites/brm/stories/${unique}` })).thread;
  if (!thread?.url) throw new Error('the story has no thread');
  const { card } = await author.threads.promote(comment.threadId, { template: 'practice', comment: comment.id });
  const sparked = await author.ideas.create({ board: 'general', title: `Self-service report catalogue ${unique}`, sourceCard: card.id });
  const request = await asker.ideas.create({ board: 'general', title: `Weekly cost report ${unique}`, businessCase: { effort: 'S' } });
  await moderator.ideas.setStatus(request.id, { status: 'self_service', reason: 'The practice card shows how.', card: card.id });
  return {
    card: await author.cards.get(card.id),
    pageUrl: thread.url,
    threadTitle,
    commentId: comment.id,
    sparked: { id: sparked.id, title: sparked.title },
    answered: { id: request.id, title: request.title },
  };
}
