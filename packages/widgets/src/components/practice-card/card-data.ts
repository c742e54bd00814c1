/**
 * Reads shared by the card elements: templates (cached per client, since every card of a page
 * shares a handful of them) and the titles of what a card links to.
 */
import type { BridgekitMemberClient, CardLinks, CardTemplate } from '@bridgekit/sdk';
import { localize } from '@bridgekit/sdk/translations';

const templates = new WeakMap<BridgekitMemberClient, Map<string, Promise<CardTemplate>>>();

/** The template in `locale`'s words, fetched once per client; a failed fetch is not cached. */
export function templateFor(client: BridgekitMemberClient, id: string, locale: string): Promise<CardTemplate> {
  let byId = templates.get(client);
  if (!byId) {
    byId = new Map();
    templates.set(client, byId);
  }
  const key = `${locale} ${id}`;
  let template = byId.get(key);
  if (!template) {
    template = client.templates.get(id).then((t) => localize(t, locale));
    byId.set(key, template);
    template.catch(() => byId.delete(key));
  }
  return template;
}

/** Titles of the linked cards, ideas and threads, by `kind:id`, for showing links by name. */
export function linkTitles(links: CardLinks): Map<string, string> {
  const titles = new Map<string, string>();
  for (const idea of links.ideas) titles.set(`idea:${idea.id}`, idea.title);
  for (const card of links.cards) titles.set(`card:${card.id}`, card.title);
  for (const thread of links.threads) if (thread.title) titles.set(`thread:${thread.id}`, thread.title);
  return titles;
}
