import type { ItemPages, RelatedItem, RelatedKind, Relation } from '@bridgekit/sdk';
import { discoveryPart } from '@bridgekit/sdk/parts/discovery';
import { html, type PropertyValues } from 'lit';
import { BkItemOpenEvent } from '../../events/item-open.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { type MessageKey, registerFeature } from '../../shared/i18n.ts';
import { itemPages, itemUrl } from '../../shared/item-links.ts';
import { kindListStyles } from '../../shared/kind-list.styles.ts';
import { searchMessages } from '../../shared/messages/search.ts';
import { tokens } from '../../shared/styles.ts';
import { threadPageUrl } from '../../shared/thread-page.ts';
import { relatedStyles } from './related.styles.ts';

usePart(discoveryPart);

registerFeature(searchMessages);

const KINDS: readonly RelatedKind[] = ['idea', 'card', 'thread'];
/** The order of the groups: what answers or produced the item first, likeness last. */
const RELATIONS: readonly Relation[] = [
  'answered-by',
  'answers',
  'proposed-from',
  'sparked',
  'promoted-from',
  'promoted-to',
  'cites',
  'cited-by',
  'similar',
];

/**
 * Items of the other kinds related to an idea, a practice card or a discussion, grouped by how
 * they relate — the card that answered an idea and the ideas a card answered, the card an idea
 * was proposed from and the ideas a card sparked, the war story a card was promoted from and
 * the card it became, what a card's links cite and what cites the item — then the most similar
 * by their words. Every entry is a link to the item's view. `<bk-idea>`, a card's detail and a
 * thread show it; it stands on its own too.
 *
 * @tag bk-related
 * @summary What an idea, card or discussion is linked to: answers, sources, citations and similar items.
 *
 * @attr kind - What `item-id` names: `idea` (default), `card` or `thread`.
 * @attr item-id - The id of the idea, card or thread.
 * @attr limit - How many items at most (1–20, default 8).
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-item-open - A related item is being opened ({@link BkItemOpenEvent}); cancel it to show the item yourself.
 * @event bk-error - A call to the API failed.
 *
 * @csspart base - The frame.
 * @csspart group - The items of one relation.
 * @csspart item - One related item.
 * @cssproperty --bk-related-surface - Background of the frame. Default `--bk-color-surface`.
 */
export class BkRelated extends BridgekitElement {
  static override styles = [tokens, kindListStyles, relatedStyles];
  static override properties = {
    kind: { type: String, reflect: true },
    itemId: { type: String, reflect: true, attribute: 'item-id' },
    limit: { type: Number },
    _items: { state: true },
    _state: { state: true },
    _error: { state: true },
  };

  declare kind: RelatedKind;
  declare itemId: string;
  declare limit: number | undefined;
  declare _items: RelatedItem[];
  declare _state: 'loading' | 'ready' | 'error';
  declare _error: string;

  #pages: ItemPages = {};
  #request: AbortController | null = null;

  constructor() {
    super();
    this.kind = 'idea';
    this.itemId = '';
    this._items = [];
    this._state = 'loading';
    this._error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('kind') || changed.has('itemId') || changed.has('limit') || changed.has('tenant')) void this.#load();
  }

  protected configChanged(): void {
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#request?.abort();
  }

  async #load(): Promise<void> {
    const client = this.client;
    this.#request?.abort();
    if (!client) return;
    if (!this.itemId) {
      // Nothing named: nothing related.
      this._items = [];
      this._state = 'ready';
      return;
    }
    const request = new AbortController();
    this.#request = request;
    this._state = 'loading';
    const kind = KINDS.includes(this.kind) ? this.kind : 'idea';
    const limit = this.limit && this.limit >= 1 ? Math.min(Math.floor(this.limit), 20) : undefined;
    try {
      const [items, pages] = await Promise.all([
        client.related({ kind, id: this.itemId, ...(limit ? { limit } : {}) }, { signal: request.signal }),
        itemPages(client, request.signal),
      ]);
      if (request.signal.aborted) return;
      this.#pages = pages;
      this._items = items;
      this._state = 'ready';
    } catch (err) {
      if (request.signal.aborted) return;
      this._error = await this.describeError(err);
      this._state = 'error';
    }
  }

  /** The item's view; a discussion's page, or a search for it when nothing says where it is. */
  #url(item: RelatedItem): string {
    if (item.kind !== 'thread') return itemUrl(this.#pages, item.kind, item.id);
    return (item.thread && threadPageUrl(this.#pages, item.thread)) || itemUrl(this.#pages, 'search', item.title);
  }

  #open(event: MouseEvent, item: RelatedItem, url: string): void {
    const open = new BkItemOpenEvent({ kind: item.kind, id: item.id, url });
    this.dispatchEvent(open);
    if (open.defaultPrevented) event.preventDefault();
  }

  protected override render() {
    if (!this.client) return html`<p class="notice error" part="base">${this.t('error.notConfigured')}</p>`;
    return html`
      <section class="base" part="base" aria-labelledby="bk-related-heading" aria-busy=${this._state === 'loading' ? 'true' : 'false'}>
        <h2 id="bk-related-heading">${this.t('related.heading')}</h2>
        ${this.#renderBody()}
      </section>
    `;
  }

  #renderBody() {
    if (this._state === 'loading') return html`<p role="status">${this.t('related.loading')}</p>`;
    if (this._state === 'error') {
      return this.renderFailure(this.t('related.failed', { reason: this._error }), () => this.#load());
    }
    if (this._items.length === 0) return html`<p class="subtle">${this.t('related.empty')}</p>`;
    const groups = RELATIONS.map((relation) => ({ relation, items: this._items.filter((i) => i.relation === relation) })).filter(
      (g) => g.items.length > 0,
    );
    return groups.map(
      ({ relation, items }) => html`<div class="group" part="group">
        <h3 id="bk-related-${relation}">${this.t(`related.relation.${relation}` as MessageKey)}</h3>
        <ul aria-labelledby="bk-related-${relation}">
          ${items.map((item) => {
            const url = this.#url(item);
            return html`<li part="item">
              <span class="kind">${this.t(`related.kind.${item.kind}` as MessageKey)}</span>
              <a href=${url} @click=${(e: MouseEvent) => this.#open(e, item, url)}>${item.title || this.t('search.untitledThread')}</a>
            </li>`;
          })}
        </ul>
      </div>`,
    );
  }
}
