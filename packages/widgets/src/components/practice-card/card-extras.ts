/**
 * What a practice card offers beyond its own content, shared by `bk-practice-card` and the
 * library's detail and loaded when first wanted: where the card came from and what it led to —
 * the war story it was promoted from, the idea a business case was made for, the requests it
 * answered, the ideas it sparked, each a link to that item's own view — a value plan's benefits
 * (`<bk-value-plan>`, loaded only for such cards), "Copy link", and "Propose an idea" (the intake
 * form with the card linked, `card-propose.ts`).
 */

import type { BridgekitMemberClient, CardLinks, Idea, ItemPages, PracticeCard } from '@bridgekit/sdk';
import { html, nothing, type ReactiveElement } from 'lit';
import { defineElement } from '../../shared/define.ts';
import { registerFeature, type Translate } from '../../shared/i18n.ts';
import { copyLink, itemPages, itemUrl } from '../../shared/item-links.ts';
import { ideasMessages } from '../../shared/messages/ideas.ts';
import { loopMessages } from '../../shared/messages/loop.ts';
import type { UserHtmlLinker } from '../../shared/user-links.ts';
import { BkCardPropose } from './card-propose.ts';

registerFeature(ideasMessages);

registerFeature(loopMessages);

/** The template whose cards show their benefits with `<bk-value-plan>`. */
const VALUE_PLAN = 'value-realization-plan';
let valuePlanLoading = false;

/** What the element showing the card lends. */
export interface CardExtrasPort {
  host: ReactiveElement & { tenant: string | undefined };
  client(): BridgekitMemberClient | null;
  t: Translate;
  card(): PracticeCard | null;
  /** The board ideas proposed from the card go to; empty: the reader picks one. */
  board(): string;
  announce(text: string): void;
  /** The card's links were read (or read again). */
  linksRead(links: CardLinks): void;
}

export class CardExtras {
  /** The card's links, once read: the requests answered and ideas sparked are among them. */
  links: CardLinks | null = null;
  /** The "Propose an idea" form is open. */
  proposing = false;
  /** The idea last proposed from the card. */
  proposed: Idea | null = null;
  /** The card as read again after an idea was proposed from it (which it now counts). */
  #updated: PracticeCard | null = null;
  #port: CardExtrasPort;
  #pages: ItemPages = {};
  #linker: UserHtmlLinker | null = null;

  constructor(port: CardExtrasPort) {
    this.#port = port;
  }

  /** Mentions and links to items in the card's texts, once `start()` has loaded them. */
  get linker(): UserHtmlLinker | null {
    return this.#linker;
  }

  /** Reads the card's links and the tenant's item pages (for the links' addresses); loads related content's element. */
  async start(): Promise<void> {
    const client = this.#port.client();
    const id = this.#port.card()?.id;
    if (!client || !id) return;
    void import('../related/related.ts').catch(() => undefined);
    const [links, pages, linker] = await Promise.all([
      // Without them, links show as kind and id.
      client.cards.links(id).catch(() => null),
      itemPages(client),
      import('../../shared/user-html.ts').then((m) => m.userHtmlLinker(client)).catch(() => null),
    ]);
    this.#pages = pages;
    this.#linker = linker;
    if (links && this.#port.card()?.id === id) {
      this.links = links;
      this.#port.linksRead(links);
    }
    this.#port.host.requestUpdate();
  }

  /** Another card is shown: nothing of the last one applies. */
  reset(): void {
    this.#updated = null;
    this.links = null;
    this.proposing = false;
    this.proposed = null;
  }

  async copy(): Promise<void> {
    const client = this.#port.client();
    const card = this.#port.card();
    if (!card) return;
    const url = itemUrl(client ? await itemPages(client) : this.#pages, 'card', card.id);
    this.#port.announce((await copyLink(url)) ? this.#port.t('card.linkCopied') : this.#port.t('card.linkNotCopied', { url }));
  }

  /** Opens "Propose an idea", or closes it (focus back on its button). */
  async propose(open = !this.proposing): Promise<void> {
    defineElement('bk-card-propose', BkCardPropose);
    this.proposing = open;
    if (open) this.proposed = null;
    const host = this.#port.host;
    host.requestUpdate();
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>(open ? 'bk-card-propose' : '[data-action="propose"], [part="propose-button"]')?.focus();
  }

  /** An idea was proposed from the card: say so, link to it, and count it as the server does. */
  async #proposed(idea: Idea): Promise<void> {
    await this.propose(false);
    this.proposed = idea;
    this.#port.announce(this.#submitted(idea));
    this.#port.host.requestUpdate();
    const client = this.#port.client();
    const id = this.#port.card()?.id;
    const card = id ? await client?.cards.get(id).catch(() => null) : null;
    if (!card || card.id !== this.#port.card()?.id) return;
    this.#updated = card;
    await this.start();
  }

  #submitted(idea: Idea): string {
    return this.#port.t(idea.moderation.state === 'published' ? 'form.submitted' : 'form.submittedHeld', { title: idea.title });
  }

  /** The form, while open, and what became of the last idea proposed. */
  renderPropose(card: PracticeCard) {
    const idea = this.proposed;
    return html`${
      this.proposing
        ? html`<bk-card-propose
          class="no-print"
          .tenant=${this.#port.host.tenant}
          .card=${card}
          .board=${this.#port.board()}
          .done=${(i: Idea) => this.#proposed(i)}
          .cancel=${() => this.propose(false)}
        ></bk-card-propose>`
        : nothing
    }
    ${
      idea
        ? html`<p class="proposed no-print">
          ${this.#submitted(idea)} <a href=${itemUrl(this.#pages, 'idea', idea.id)}>${this.#port.t('card.openIdea')}</a>
        </p>`
        : nothing
    }`;
  }

  /**
   * Where the card came from: "From the war story: …", linked to the story's page (at the
   * comment promoted) when the thread has one — a thread known only by its key has no page to
   * link to — and, for a business case made when an idea was approved, "Business case for the
   * idea: …" once the links are read.
   */
  renderStory(card: PracticeCard) {
    const idea = this.links?.ideas.find((i) => i.direction === 'case-for');
    const caseFor = idea
      ? html`<p class="story" part="case-for">${this.#port.t('card.caseFor')} <a href=${itemUrl(this.#pages, 'idea', idea.id)}>${idea.title}</a></p>`
      : nothing;
    if (!card.source) return caseFor;
    const { thread, comment } = card.source;
    const title = thread.title ?? thread.key;
    const href = thread.url && (comment ? itemUrl(this.#pages, 'comment', comment, { pageUrl: thread.url }) : thread.url);
    return html`<p class="story" part="story">${this.#port.t('card.fromStory')} ${href ? html`<a href=${href}>${title}</a>` : title}</p>
      ${caseFor}`;
  }

  /** A value-realisation plan's benefits, below its fields; the element loads only for such cards. */
  renderBenefits(card: PracticeCard) {
    if (card.templateId !== VALUE_PLAN) return nothing;
    if (!valuePlanLoading) {
      valuePlanLoading = true;
      void import('../value-plan/value-plan.ts');
    }
    return html`<bk-value-plan class="benefits" part="benefits" card-id=${card.id} heading-level="4" .tenant=${this.#port.host.tenant}></bk-value-plan>`;
  }

  /**
   * "Answered 2 requests" (with what the deflections among them saved: "2 deflected · about 13
   * person-days avoided · 1 confirmed the need met") and "Sparked 1 idea", each with its ideas
   * once the links are read; then related content.
   */
  renderOutcomes(shown: PracticeCard) {
    const card = this.#updated?.id === shown.id ? this.#updated : shown;
    const t = this.#port.t;
    const { requests, avoidedDays, confirmed } = card.deflections;
    const saved = requests
      ? html`<p class="deflections" part="deflections">
          ${[
            t('card.deflected', { count: requests }),
            t('card.avoidedDays', { count: avoidedDays }),
            t('card.confirmedNeed', { count: confirmed }),
          ].join(' · ')}
        </p>`
      : nothing;
    const list = (direction: 'answers' | 'sparked', count: number, heading: string) => {
      if (count === 0) return nothing;
      const ideas = this.links?.ideas.filter((i) => i.direction === direction) ?? [];
      return html`<section class="outcomes" part=${direction} aria-labelledby="bk-${direction}">
        <h4 id="bk-${direction}">${heading}</h4>
        ${direction === 'answers' ? saved : nothing}
        ${ideas.length ? html`<ul>${ideas.map((i) => html`<li><a href=${itemUrl(this.#pages, 'idea', i.id)}>${i.title}</a></li>`)}</ul>` : nothing}
      </section>`;
    };
    return html`${list('answers', card.answered, t('card.answered', { count: card.answered }))}
    ${list('sparked', card.sparked, t('card.sparked', { count: card.sparked }))}
    <bk-related class="no-print" kind="card" item-id=${card.id} .tenant=${this.#port.host.tenant}></bk-related>`;
  }
}
