import type { CardTemplate, PracticeCard } from '@bridgekit/sdk';
import { cardsPart } from '@bridgekit/sdk/parts/cards';
import { html, nothing, type PropertyValues } from 'lit';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { followControl } from '../../shared/follow-control.ts';
import { registerFeature } from '../../shared/i18n.ts';
import { cardMessages } from '../../shared/messages/cards.ts';
import { tokens } from '../../shared/styles.ts';
import { linkTitles, templateFor } from './card-data.ts';
import { cardViewStyles } from './card-view.styles.ts';
import {
  type CardViewContext,
  renderFacts,
  renderFields,
  renderFreshness,
  renderObsolete,
  renderTags,
  renderVisibility,
} from './card-view.ts';
import { practiceCardStyles } from './practice-card.styles.ts';

usePart(cardsPart);

type Status = 'loading' | 'ready' | 'error';
type CardExtras = import('./card-extras.ts').CardExtras;

registerFeature(cardMessages);

/**
 * One practice card, inline on any page ("how we do business cases"): its template, title,
 * summary, practice areas, owner and freshness, "this helped me" and its views, "copy link"
 * and "propose an idea"; a disclosure button shows the template's fields, the war story it came
 * from (or the idea a business case was made for), a value plan's benefits (`<bk-value-plan>`),
 * the requests it answered, the ideas it sparked and related content. Opening it counts a view,
 * once per element.
 *
 * @tag bk-practice-card
 * @summary A compact practice card that expands to its full content.
 *
 * @attr card - Id of the card.
 * @attr expanded - Starts (and reflects being) expanded.
 * @attr board - Board that ideas proposed from the card go to; without it the reader picks one of the tenant's boards.
 * @attr thread - When expanded, shows the card's discussion (`<bk-thread key="card:<id>">`) below it. The script tag's
 *   loader fetches that element; with a bundler, import `@bridgekit/widgets/thread.js`.
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-error - A call to the API failed.
 *
 * @csspart base - The card's frame.
 * @csspart template - The template's name above the title.
 * @csspart title - The card's title.
 * @csspart summary - Its summary.
 * @csspart freshness - The freshness badge (current, review due, overdue, obsolete).
 * @csspart obsolete - The "obsolete" notice with its reason.
 * @csspart tags - Its practice areas.
 * @csspart facts - Owner, review-by date and maturity level.
 * @csspart actions - The row of "This helped me", views and the disclosure button.
 * @csspart helped-button - The "This helped me" toggle.
 * @csspart expand-button - The "Show details" / "Hide details" button.
 * @csspart details - The expanded fields.
 * @csspart fields - The list of fields.
 * @csspart story - "From the war story: …".
 * @csspart case-for - "Business case for the idea: …", on a business case made when an idea was approved.
 * @csspart benefits - A value-realisation plan's benefits (`bk-value-plan`), below its fields.
 * @csspart answers - "Answered 2 requests", with the list.
 * @csspart sparked - "Sparked 1 idea", with the list.
 * @csspart copy-button - The "Copy link" button.
 * @csspart follow - The follow control (`bk-follow`), for people signed in.
 * @csspart propose-button - The "Propose an idea" button.
 * @csspart thread - The card's discussion (`bk-thread`), with the `thread` attribute.
 * @csspart helped-count - "3 people found this helpful" (left out at zero).
 * @csspart view-count - "12 views" (left out at zero).
 * @csspart session-notice - The "sign-in expired" notice.
 *
 * @cssproperty --bk-practice-card-surface - Background of the card. Default `--bk-color-surface`.
 * @cssproperty --bk-practice-card-padding - Padding of the card. Default `1rem`.
 * @cssproperty --bk-practice-card-gap - Space between the card's parts. Default `0.5rem`.
 * @cssproperty --bk-practice-card-due - Colour of the "review due" badge. Default Fluent dark orange.
 */
export class BkPracticeCard extends BridgekitElement {
  static override styles = [tokens, cardViewStyles, practiceCardStyles];
  static override properties = {
    card: { type: String, reflect: true },
    expanded: { type: Boolean, reflect: true },
    thread: { type: Boolean, reflect: true },
    board: { type: String, reflect: true },
    _data: { state: true },
    _template: { state: true },
    _titles: { state: true },
    _status: { state: true },
    _error: { state: true },
    _helpedBusy: { state: true },
    _announcement: { state: true },
  };

  declare card: string;
  declare expanded: boolean;
  declare thread: boolean;
  declare board: string;
  declare _data: PracticeCard | null;
  declare _template: CardTemplate | null;
  declare _titles: ReadonlyMap<string, string>;
  declare _status: Status;
  declare _error: string;
  declare _helpedBusy: boolean;
  declare _announcement: string;

  #load: AbortController | null = null;
  /** Cards this element has counted a view of: once per element, however often it is opened. */
  #viewed = new Set<string>();
  #linksLoaded = new Set<string>();
  /** Story, outcomes, "Copy link" and "Propose an idea": loaded when first wanted (`card-extras.ts`). */
  #extras: CardExtras | null = null;

  constructor() {
    super();
    this.card = '';
    this.expanded = false;
    this.thread = false;
    this.board = '';
    this._data = null;
    this._template = null;
    this._titles = new Map();
    this._status = 'loading';
    this._error = '';
    this._helpedBusy = false;
    this._announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // `bk-thread` may be registered after this card: show the discussion once it is. The
    // script-tag loader cannot see into shadow roots, so ask it for the element.
    if (!customElements.get('bk-thread')) {
      void customElements.whenDefined('bk-thread').then(() => this.requestUpdate());
      if (this.thread) (globalThis as { Bridgekit?: { load?: (tag: string) => unknown } }).Bridgekit?.load?.('bk-thread');
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('card') || changed.has('tenant')) void this.#reload();
    else if (changed.has('expanded') && this.expanded) this.#opened();
  }

  protected configChanged(): void {
    void this.#reload();
  }

  async #reload(): Promise<void> {
    this.#load?.abort();
    const client = this.client;
    if (!client || !this.card) return;
    const load = new AbortController();
    this.#load = load;
    this._status = 'loading';
    this._error = '';
    this.#extras?.reset();
    try {
      const card = await client.cards.get(this.card, { signal: load.signal });
      // Without its template the values still show, under their keys.
      const template = await templateFor(client, card.templateId, this.locale).catch(() => null);
      if (load.signal.aborted) return;
      this._data = card;
      this._template = template;
      this._status = 'ready';
      if (this.expanded) this.#opened();
    } catch (err) {
      if (load.signal.aborted) return;
      this._error = await this.describeError(err, 'card.notFound');
      this._status = 'error';
    }
  }

  /** The reader opened the card: count the view (once) and look up the titles of its links. */
  #opened(): void {
    const client = this.client;
    const card = this._data;
    if (!client || !card) return;
    if (!this.#viewed.has(card.id)) {
      this.#viewed.add(card.id);
      client.cards.view(card.id).then(
        () => {
          if (this._data?.id === card.id) this._data = { ...this._data, viewCount: this._data.viewCount + 1 };
        },
        // A view that was not counted is not worth troubling the reader with.
        () => undefined,
      );
    }
    if (!this.#linksLoaded.has(card.id)) {
      this.#linksLoaded.add(card.id);
      void this.#more().then((extras) => extras.start());
    }
  }

  async #more(): Promise<CardExtras> {
    const { CardExtras } = await import('./card-extras.ts');
    this.#extras ??= new CardExtras({
      host: this,
      client: () => this.client,
      t: (key, params) => this.t(key, params),
      card: () => this._data,
      board: () => this.board,
      announce: (text) => {
        this._announcement = text;
      },
      linksRead: (links) => {
        this._titles = linkTitles(links);
      },
    });
    return this.#extras;
  }

  #toggle(): void {
    this.expanded = !this.expanded;
  }

  async #toggleHelped(): Promise<void> {
    const client = this.client;
    const card = this._data;
    if (!client || !card || this._helpedBusy) return;
    if (!this.signedIn) {
      this._announcement = this.t('card.signInToRate');
      return;
    }
    this._helpedBusy = true;
    try {
      const updated = card.helpedByMe ? await client.cards.notHelped(card.id) : await client.cards.helped(card.id);
      // Keep the view count this element already shows (it may have counted one since).
      this._data = { ...updated, viewCount: Math.max(updated.viewCount, this._data?.viewCount ?? 0) };
      this._announcement = updated.helpedByMe ? this.t('card.helpedThanks') : this.t('card.helpedRemoved');
    } catch (err) {
      this._announcement = await this.describeError(err);
    } finally {
      this._helpedBusy = false;
    }
  }

  get #view(): CardViewContext {
    return { t: (key, params) => this.t(key, params), locale: this.locale, linkTitles: this._titles, linker: this.#extras?.linker };
  }

  protected override render() {
    if (!this.client) return html`<p class="notice error" part="base">${this.t('error.notConfigured')}</p>`;
    if (this._status === 'loading' && !this._data) {
      return html`<div class="base" part="base" role="status" aria-busy="true">
        <span class="visually-hidden">${this.t('card.loading')}</span>
        <div class="skeleton" aria-hidden="true"></div>
      </div>`;
    }
    if (this._status === 'error' || !this._data) {
      return html`<div class="base" part="base">
        ${this.renderSessionNotice()}
        ${this.renderFailure(this._error, () => this.#reload())}
      </div>`;
    }
    const card = this._data;
    const view = this.#view;
    return html`
      <article class="base ${card.obsolete ? 'is-obsolete' : ''}" part="base" aria-labelledby="bk-card-title">
        ${this.renderSessionNotice()}
        <p class="template-name" part="template">${this._template?.name ?? card.templateName}</p>
        <h3 class="card-title" id="bk-card-title" part="title">${card.title}</h3>
        <p class="badges">${renderFreshness(view, card)} ${renderVisibility(view, card)}</p>
        ${renderObsolete(view, card)}
        ${card.summary ? html`<p class="summary" part="summary">${card.summary}</p>` : nothing}
        ${renderTags(view, card.tags)} ${renderFacts(view, card)}
        <div class="actions" part="actions">
          <button
            type="button"
            class="button helped"
            part="helped-button"
            aria-pressed=${card.helpedByMe ? 'true' : 'false'}
            aria-disabled=${this.signedIn && !this._helpedBusy ? 'false' : 'true'}
            @click=${this.#toggleHelped}
          >
            <span aria-hidden="true">👍</span> ${this.t('card.helped')}
          </button>
          ${card.helpedCount > 0 ? html`<span class="count" part="helped-count">${this.t('card.helpedCount', { count: card.helpedCount })}</span>` : nothing}
          ${card.viewCount > 0 ? html`<span class="count" part="view-count">${this.t('card.viewCount', { count: card.viewCount })}</span>` : nothing}
          ${followControl(this.signedIn, 'card', card.id)}
          <button type="button" class="button" part="copy-button" @click=${() => this.#more().then((e) => e.copy())}>
            ${this.t('card.copyLink')}
          </button>
          ${
            this.signedIn
              ? html`<button
                type="button"
                class="button"
                part="propose-button"
                aria-expanded=${this.#extras?.proposing ? 'true' : 'false'}
                @click=${() => this.#more().then((e) => e.propose())}
              >
                ${this.t('card.propose')}
              </button>`
              : nothing
          }
          <button
            type="button"
            class="button expand"
            part="expand-button"
            aria-expanded=${this.expanded ? 'true' : 'false'}
            aria-controls="bk-card-details"
            @click=${this.#toggle}
          >
            ${this.expanded ? this.t('card.hideDetails') : this.t('card.showDetails')}
          </button>
        </div>
        ${this.#extras?.renderPropose(card)}
        <div class="details" id="bk-card-details" part="details" ?hidden=${!this.expanded}>
          ${this.expanded ? html`${this.#extras?.renderStory(card)} ${renderFields(view, card, this._template)} ${this.#extras?.renderBenefits(card)} ${this.#extras?.renderOutcomes(card)} ${this.#renderThread(card)}` : nothing}
        </div>
        <p class="visually-hidden" role="status">${this._announcement}</p>
      </article>
    `;
  }

  #renderThread(card: PracticeCard) {
    if (!this.thread || !customElements.get('bk-thread')) return nothing;
    return html`<bk-thread class="thread" key=${card.threadKey} .tenant=${this.tenant} part="thread"></bk-thread>`;
  }
}
