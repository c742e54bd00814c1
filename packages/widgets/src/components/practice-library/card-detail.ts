import type { CardLinks, CardTemplate, PracticeCard } from '@bridgekit/sdk';
import { css, html, nothing, type PropertyValues } from 'lit';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { type MessageKey, registerFeature, relativeTime } from '../../shared/i18n.ts';
import { cardEditorMessages } from '../../shared/messages/card-editor.ts';
import { heldStyles, tokens } from '../../shared/styles.ts';
import { linkTitles } from '../practice-card/card-data.ts';
import { CardExtras } from '../practice-card/card-extras.ts';
import { formatDate } from '../practice-card/card-format.ts';
import { cardViewStyles } from '../practice-card/card-view.styles.ts';
import {
  type CardViewContext,
  renderFacts,
  renderFields,
  renderFreshness,
  renderObsolete,
  renderTags,
  renderVisibility,
} from '../practice-card/card-view.ts';
import { controlStyles } from './controls.styles.ts';
import { downloadText, fileNameOf } from './download.ts';

registerFeature(cardEditorMessages);

/** The signed-in person's handle and role: owners and moderators verify and mark obsolete. */
export interface Viewer {
  handle: string | null;
  role: string;
}

export type CardViewKind = 'detail' | 'edit' | 'history';

/**
 * A card's detail in the library: the card with its links — the war story it came from, the
 * requests it answered and the ideas it sparked, related content (`card-extras.ts`) — and what
 * may be done with it: "this helped me", edit, propose an idea from it, for its owner or a
 * moderator verify; and in a "More" menu (the APG menu button) history, export (Markdown, JSON),
 * print, copy its link and, for its owner or a moderator, mark obsolete (with a reason).
 *
 * Internal to `bk-practice-library`, which loads the card and keeps its list in step through
 * `changed`; announcements go to the library's live region through `announce`.
 *
 * @csspart detail - The detail view.
 * @csspart actions - The buttons.
 * @csspart freshness - The freshness badge.
 * @csspart obsolete - The "obsolete" notice.
 * @csspart held - For its author: the card, or their edit of it, waits for a moderator (or was rejected), and why.
 * @csspart tags - The card's practice areas.
 * @csspart fields - The card's fields.
 * @csspart story - "From the war story: …".
 * @csspart answers - "Answered 2 requests", with the list.
 * @csspart sparked - "Sparked 1 idea", with the list.
 */
export class BkCardDetail extends BridgekitElement {
  static override styles = [
    tokens,
    cardViewStyles,
    controlStyles,
    heldStyles,
    css`
      :host {
        display: block;
      }

      .detail {
        display: grid;
        gap: 0.75rem;
      }

      .card {
        display: grid;
        gap: 0.5rem;
      }

      .detail-nav {
        display: flex;
      }

      .more {
        position: relative;
      }

      [role='menu'] {
        position: absolute;
        inset-inline-end: 0;
        top: calc(100% + 0.25rem);
        z-index: 2;
        display: grid;
        min-width: 14rem;
        margin: 0;
        padding: 0.25rem 0;
        list-style: none;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
      }

      [role='menu'][hidden] {
        display: none;
      }

      [role='menuitem'] {
        width: 100%;
        min-height: 44px;
        padding: 0.5rem 0.75rem;
        border: 0;
        background: none;
        color: inherit;
        font: inherit;
        text-align: start;
        cursor: pointer;
      }

      [role='menuitem'].danger {
        color: var(--_danger);
      }

      [role='menuitem']:hover,
      [role='menuitem']:focus-visible {
        background: var(--_brand-subtle);
        outline: 2px solid var(--_focus);
        outline-offset: -2px;
      }

      .field {
        display: grid;
        gap: 0.25rem;
      }

      h3:focus {
        outline: none;
      }

      h3:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }

      .card.is-obsolete {
        padding-inline-start: 0.75rem;
        border-inline-start: 4px solid var(--_danger);
      }

      .card .fields {
        padding-top: 0.75rem;
        border-top: 1px solid var(--_border);
      }

      .obsolete-form {
        display: grid;
        gap: 0.375rem;
        padding: 0.75rem;
        border-radius: var(--_radius);
        background: var(--_surface-subtle);
      }

      .links h4 {
        margin: 0 0 0.25rem;
        font-size: 0.875rem;
      }

      .links ul {
        margin: 0;
        padding-inline-start: 1.25rem;
      }

      .links .direction {
        color: var(--_text-subtle);
      }

      @media print {
        .no-print {
          display: none !important;
        }

        .card.is-obsolete {
          border-inline-start-width: 2px;
        }
      }
    `,
  ];
  static override properties = {
    card: { attribute: false },
    template: { attribute: false },
    templateName: { attribute: false },
    viewer: { attribute: false },
    board: { attribute: false },
    _links: { state: true },
    _obsoleteOpen: { state: true },
    _reasonError: { state: true },
    _busy: { state: true },
    _actionError: { state: true },
    _moreOpen: { state: true },
  };

  declare card: PracticeCard | null;
  /** The card's template, for its fields' labels and layout. */
  declare template: CardTemplate | null;
  /** The template's name in the reader's language. */
  declare templateName: string;
  declare viewer: Viewer | null;
  /** The board ideas proposed from the card go to; empty: the reader picks one. */
  declare board: string;
  declare _links: CardLinks | null;
  declare _obsoleteOpen: boolean;
  declare _reasonError: string;
  /** The action in flight. */
  declare _busy: string | null;
  declare _actionError: string;
  /** The "More" menu is open. */
  declare _moreOpen: boolean;

  /** Back to the list. */
  back: (() => void) | undefined;
  /** Opens a card (a linked one, or this one's form or history) in the library. */
  open: ((id: string, view?: CardViewKind) => void) | undefined;
  /** The card changed (helped, verified, obsolete): the library shows the new copy. */
  changed: ((card: PracticeCard) => void) | undefined;
  /** Says something in the library's live region. */
  announce: ((text: string) => void) | undefined;

  #focus: string | null = null;
  #extras = new CardExtras({
    host: this,
    client: () => this.client,
    t: (key, params) => this.t(key, params),
    card: () => this.card,
    board: () => this.board,
    announce: (text) => this.announce?.(text),
    linksRead: (links) => {
      this._links = links;
    },
  });

  constructor() {
    super();
    this.card = null;
    this.template = null;
    this.templateName = '';
    this.viewer = null;
    this.board = '';
    this._links = null;
    this._obsoleteOpen = false;
    this._reasonError = '';
    this._busy = null;
    this._actionError = '';
    this._moreOpen = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('card') as PracticeCard | null | undefined;
    if (changed.has('card') && before?.id !== this.card?.id) {
      this._links = null;
      this._obsoleteOpen = false;
      this._actionError = '';
      this.#extras.reset();
      this.#loadLinks();
    }
  }

  protected override updated(): void {
    const target = this.#focus;
    this.#focus = null;
    if (target) this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  protected configChanged(): void {
    this.#loadLinks();
  }

  /** Focuses the card's title. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#bk-detail-title')?.focus(options));
  }

  /** Focuses one of the card's buttons, e.g. `edit` when its form was left. */
  focusAction(name: string): void {
    this.#focusLater(`[data-action="${CSS.escape(name)}"]`);
  }

  #focusLater(selector: string): void {
    this.#focus = selector;
    this.requestUpdate();
  }

  #loadLinks(): void {
    void this.#extras.start();
  }

  get #view(): CardViewContext {
    return {
      t: (key, params) => this.t(key, params),
      locale: this.locale,
      linkTitles: this._links ? linkTitles(this._links) : new Map(),
      openCard: (id) => this.open?.(id),
      linker: this.#extras.linker,
    };
  }

  // ——— Actions ———

  async #act(name: string, run: () => Promise<void>): Promise<void> {
    if (this._busy) return;
    this._busy = name;
    this._actionError = '';
    try {
      await run();
    } catch (err) {
      this._actionError = await this.describeError(err);
    } finally {
      this._busy = null;
    }
  }

  #toggleHelped(card: PracticeCard): void {
    const client = this.client;
    if (!client) return;
    if (!this.signedIn) {
      this.announce?.(this.t('card.signInToRate'));
      return;
    }
    void this.#act('helped', async () => {
      const updated = card.helpedByMe ? await client.cards.notHelped(card.id) : await client.cards.helped(card.id);
      this.changed?.(updated);
      this.announce?.(updated.helpedByMe ? this.t('card.helpedThanks') : this.t('card.helpedRemoved'));
    });
  }

  #verify(card: PracticeCard): void {
    const client = this.client;
    if (!client) return;
    void this.#act('verify', async () => {
      const updated = await client.cards.verify(card.id);
      this.changed?.(updated);
      this.announce?.(
        this.t('library.verified', { title: updated.title, date: updated.reviewBy ? formatDate(this.locale, updated.reviewBy) : '' }),
      );
    });
  }

  #openObsolete(): void {
    this._obsoleteOpen = true;
    this._reasonError = '';
    this.#focusLater('#bk-obsolete-reason');
  }

  #closeObsolete(): void {
    this._obsoleteOpen = false;
    this.#focusLater('[data-action="more"]');
  }

  #markObsolete(event: SubmitEvent, card: PracticeCard): void {
    event.preventDefault();
    const client = this.client;
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('#bk-obsolete-reason');
    const reason = box?.value.trim() ?? '';
    if (!client) return;
    if (!reason) {
      this._reasonError = this.t('library.reasonRequired');
      box?.focus();
      return;
    }
    void this.#act('obsolete', async () => {
      try {
        const updated = await client.cards.markObsolete(card.id, reason);
        this.changed?.(updated);
        this._obsoleteOpen = false;
        this.announce?.(this.t('library.markedObsolete', { title: updated.title }));
        this.#focusLater('[data-action="more"]');
      } catch (err) {
        this._reasonError = await this.describeError(err);
      }
    });
  }

  #unmarkObsolete(card: PracticeCard): void {
    const client = this.client;
    if (!client) return;
    void this.#act('unobsolete', async () => {
      const updated = await client.cards.unmarkObsolete(card.id);
      this.changed?.(updated);
      this.announce?.(this.t('library.unmarkedObsolete', { title: updated.title }));
      this.#focusLater('[data-action="more"]');
    });
  }

  #export(card: PracticeCard, format: 'markdown' | 'json'): void {
    const client = this.client;
    if (!client) return;
    void this.#act(`export-${format}`, async () => {
      const name = fileNameOf(card.title, card.id);
      if (format === 'markdown') {
        downloadText(this.renderRoot, `${name}.md`, 'text/markdown', await client.cards.export(card.id, 'markdown'));
      } else {
        const data = await client.cards.export(card.id, 'json');
        downloadText(this.renderRoot, `${name}.json`, 'application/json', `${JSON.stringify(data, null, 2)}\n`);
      }
      this.announce?.(this.t('library.exported', { file: `${name}.${format === 'markdown' ? 'md' : 'json'}` }));
    });
  }

  #print(): void {
    // The print styles hide everything but the card itself.
    globalThis.print();
  }

  /** Whether the person may verify the card or mark it obsolete: its owner, or a moderator or admin. */
  #looksAfter(card: PracticeCard): boolean {
    const me = this.viewer;
    if (!me) return false;
    return me.role === 'moderator' || me.role === 'admin' || (me.handle !== null && card.owner?.handle === me.handle);
  }

  // ——— Rendering ———

  protected override render() {
    const card = this.card;
    if (!card) return nothing;
    const view = this.#view;
    const busy = (name: string) => (this._busy === name ? 'true' : 'false');
    const signedIn = this.signedIn;
    return html`<div class="detail" part="detail">
      <div class="detail-nav no-print">
        <button type="button" class="button subtle back" @click=${() => this.back?.()}>${this.t('library.backToList')}</button>
      </div>
      <article class="card ${card.obsolete ? 'is-obsolete' : ''}" aria-labelledby="bk-detail-title">
        <p class="template-name">${this.templateName}</p>
        <h3 class="card-title" id="bk-detail-title" tabindex="-1">${card.title}</h3>
        <p class="badges">${renderFreshness(view, card)} ${renderVisibility(view, card)}</p>
        ${this.#renderHeld(card)} ${renderObsolete(view, card)} ${card.summary ? html`<p class="summary">${card.summary}</p>` : nothing}
        ${this.#extras.renderStory(card)}
        ${renderTags(view, card.tags)} ${renderFacts(view, card)}
        <p class="facts">
          ${[
            // Zeros are left out: "0 people found this helpful" reads as a verdict.
            card.helpedCount > 0 ? this.t('card.helpedCount', { count: card.helpedCount }) : '',
            card.viewCount > 0 ? this.t('card.viewCount', { count: card.viewCount }) : '',
            this.t('library.versionUpdated', {
              version: card.version,
              by: this.personName(card.updatedBy),
              when: relativeTime(this.locale, card.updatedAt),
            }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <div class="actions no-print" part="actions" role="group" aria-label=${this.t('library.actionsLabel')}>
          <button
            type="button"
            class="button"
            data-action="helped"
            aria-pressed=${card.helpedByMe ? 'true' : 'false'}
            aria-disabled=${signedIn && !this._busy ? 'false' : 'true'}
            @click=${() => this.#toggleHelped(card)}
          >
            <span aria-hidden="true">👍</span> ${this.t('card.helped')}
          </button>
          ${
            signedIn
              ? html`<button type="button" class="button" data-action="edit" @click=${() => this.open?.(card.id, 'edit')}>
                ${this.t('library.edit')}
              </button>`
              : nothing
          }
          ${
            signedIn
              ? html`<button
                type="button"
                class="button"
                data-action="propose"
                aria-expanded=${this.#extras.proposing ? 'true' : 'false'}
                @click=${() => this.#extras.propose()}
              >
                ${this.t('card.propose')}
              </button>`
              : nothing
          }
          ${
            signedIn && this.#looksAfter(card)
              ? html`<button type="button" class="button" data-action="verify" aria-disabled=${busy('verify')} @click=${() => this.#verify(card)}>
                ${this.t('library.verify')}
              </button>`
              : nothing
          }
          ${this.#renderMore(card)}
        </div>
        ${this._obsoleteOpen ? this.#renderObsoleteForm(card) : nothing} ${this.#extras.renderPropose(card)}
        <p class="form-error no-print" role="alert">${this._actionError}</p>
        ${renderFields(view, card, this.template)} ${this.#extras.renderBenefits(card)} ${this.#extras.renderOutcomes(card)} ${this.#renderLinks()}
      </article>
    </div>`;
  }

  /**
   * For the card's author only (nobody else gets a held card or someone's held edit): where the
   * card, or their last edit of it, stands with moderators, and why.
   */
  #renderHeld(card: PracticeCard) {
    const { state, reason: said, reasonCode, reasonParams } = card.moderation;
    const reason = this.reasonText(reasonCode, reasonParams, said ?? '');
    const edit = card.pendingEdit;
    let text = '';
    if (state === 'pending') text = this.t('library.cardHeld', { reason });
    else if (state === 'rejected') text = this.t('library.cardRejected', { reason });
    else if (edit) {
      const params = {
        when: relativeTime(this.locale, edit.at),
        version: card.version,
        reason: this.reasonText(edit.reasonCode, edit.reasonParams, edit.reason),
      };
      text = this.t(edit.state === 'pending' ? 'library.editWaiting' : 'library.editRejected', params);
    }
    return text ? html`<p class="held" part="held">${text}</p>` : nothing;
  }

  // ——— The "More" menu (WAI-ARIA APG menu button) ———

  get #menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('#bk-more-menu [role="menuitem"]')];
  }

  /** Opens the menu with focus on its first item, or its last (`ArrowUp`). */
  #openMore(last = false): void {
    this._moreOpen = true;
    void this.updateComplete.then(() => {
      const items = this.#menuItems;
      (last ? items.at(-1) : items[0])?.focus();
    });
  }

  #closeMore(focusButton: boolean): void {
    this._moreOpen = false;
    if (focusButton) this.renderRoot.querySelector<HTMLElement>('[data-action="more"]')?.focus();
  }

  #onMoreButtonKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    this.#openMore(event.key === 'ArrowUp');
  }

  #onMenuKey(event: KeyboardEvent): void {
    const items = this.#menuItems;
    const index = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = items[(index + 1) % items.length];
        break;
      case 'ArrowUp':
        next = items[(index - 1 + items.length) % items.length];
        break;
      case 'Home':
        next = items[0];
        break;
      case 'End':
        next = items.at(-1);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.#closeMore(true);
        return;
      case 'Tab':
        this._moreOpen = false;
        return;
      default:
        return;
    }
    event.preventDefault();
    next?.focus();
  }

  /** Focus left the button and its menu (a click elsewhere, or Shift+Tab): the menu closes. */
  #onMoreFocusOut(event: FocusEvent): void {
    const wrapper = event.currentTarget as HTMLElement;
    if (!wrapper.contains(event.relatedTarget as Node | null)) this._moreOpen = false;
  }

  /** Runs a menu item's action once the menu is closed; focus returns to "More" unless the action moves it. */
  #choose(run: () => void): void {
    this.#closeMore(true);
    run();
  }

  #renderMore(card: PracticeCard) {
    const busy = (name: string) => (this._busy === name ? 'true' : 'false');
    const item = (action: string, label: string, run: () => void, className = '') =>
      html`<li role="none">
        <button type="button" role="menuitem" tabindex="-1" class=${className} data-action=${action} aria-disabled=${busy(action)} @click=${() => this.#choose(run)}>
          ${label}
        </button>
      </li>`;
    const owner = this.signedIn && this.#looksAfter(card);
    return html`<div class="more" @focusout=${this.#onMoreFocusOut}>
      <button
        type="button"
        class="button"
        id="bk-more"
        data-action="more"
        aria-haspopup="menu"
        aria-expanded=${this._moreOpen ? 'true' : 'false'}
        aria-controls="bk-more-menu"
        @click=${() => (this._moreOpen ? this.#closeMore(true) : this.#openMore())}
        @keydown=${this.#onMoreButtonKey}
      >
        ${this.t('editor.more')} <span aria-hidden="true">▾</span>
      </button>
      <ul id="bk-more-menu" role="menu" aria-labelledby="bk-more" ?hidden=${!this._moreOpen} @keydown=${this.#onMenuKey}>
        ${item('history', this.t('library.history'), () => this.open?.(card.id, 'history'))}
        ${item('export-markdown', this.t('library.exportMarkdown'), () => this.#export(card, 'markdown'))}
        ${item('export-json', this.t('library.exportJson'), () => this.#export(card, 'json'))}
        ${item('print', this.t('library.print'), () => this.#print())}
        ${item('copy-link', this.t('card.copyLink'), () => void this.#extras.copy())}
        ${
          owner
            ? card.obsolete
              ? item('unobsolete', this.t('library.unmarkObsolete'), () => this.#unmarkObsolete(card))
              : item('obsolete', this.t('library.markObsolete'), () => this.#openObsolete(), 'danger')
            : nothing
        }
      </ul>
    </div>`;
  }

  #renderObsoleteForm(card: PracticeCard) {
    return html`<form class="obsolete-form no-print" novalidate @submit=${(e: SubmitEvent) => this.#markObsolete(e, card)}>
      <label for="bk-obsolete-reason">${this.t('library.obsoleteReason')} <span class="required">${this.t('library.requiredMark')}</span></label>
      <p class="hint" id="bk-obsolete-hint">${this.t('library.obsoleteHint')}</p>
      <textarea
        id="bk-obsolete-reason"
        rows="2"
        maxlength="500"
        aria-describedby="bk-obsolete-hint bk-obsolete-error"
        aria-invalid=${this._reasonError ? 'true' : 'false'}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            this.#closeObsolete();
          }
        }}
      ></textarea>
      <p class="field-error" id="bk-obsolete-error">${this._reasonError}</p>
      <div class="actions">
        <button type="submit" class="button danger" aria-disabled=${this._busy === 'obsolete' ? 'true' : 'false'}>${this.t('library.markObsolete')}</button>
        <button type="button" class="button" @click=${this.#closeObsolete}>${this.t('library.cancel')}</button>
      </div>
    </form>`;
  }

  #renderLinks() {
    const links = this._links;
    if (!links) return nothing;
    const items = [
      // Requests answered and ideas sparked have their own lists.
      ...links.ideas
        .filter((i) => i.direction === 'cites' || i.direction === 'cited-by')
        .map((i) => ({ kind: 'idea', title: i.title, direction: i.direction })),
      ...links.cards.map((c) => ({ kind: 'card', title: c.title, direction: c.direction })),
      ...links.threads
        .filter((th) => th.direction !== 'own' || th.commentCount > 0)
        .map((th) => ({ kind: 'thread', title: th.title ?? th.key, direction: th.direction })),
    ];
    if (items.length === 0) return nothing;
    return html`<section class="links" aria-labelledby="bk-links-heading">
      <h4 id="bk-links-heading">${this.t('library.linksHeading')}</h4>
      <ul>
        ${items.map(
          (l) => html`<li>
            ${this.t(`card.link.${l.kind}` as MessageKey)}: ${l.title}
            <span class="direction">(${this.t(`library.direction.${l.direction}` as MessageKey)})</span>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}
