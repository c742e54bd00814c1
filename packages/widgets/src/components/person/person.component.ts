import type { ItemPages, PersonComment, PersonView } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { discoveryPart } from '@bridgekit/sdk/parts/discovery';
import { localize } from '@bridgekit/sdk/translations';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { BkItemOpenEvent, type OpenedKind } from '../../events/item-open.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { type MessageKey, registerFeature } from '../../shared/i18n.ts';
import { itemPages, itemUrl, LinkedItemController } from '../../shared/item-links.ts';
import { personMessages } from '../../shared/messages/person.ts';
import { tokens } from '../../shared/styles.ts';
import { commentUrl } from '../../shared/thread-page.ts';
import { personStyles } from './person.styles.ts';

usePart(discoveryPart);

registerFeature(personMessages);

type Status = 'none' | 'loading' | 'ready' | 'missing' | 'error';

/**
 * A person's own view, where an @mention leads: their name, handle, role, business unit and when
 * they joined, how many ideas, comments and practice cards of theirs others may see, and the
 * latest of each — every entry a link to the item's view. It stands on its own, or opens the
 * person the page's address names (`#bk-person=<handle>`), so a mention in a discussion on the
 * same page opens it in place.
 *
 * @tag bk-person
 * @summary A person's own view: who they are, and their latest ideas, comments and practice cards.
 *
 * @attr handle - The person's handle (what others type to @mention them). Without it, the person the page's address opens: `#bk-person=<handle>`, `?bk-person=<handle>` or the tenant's person page; Back and Forward then change it.
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-item-open - A link to an idea, a practice card or a comment is being followed ({@link BkItemOpenEvent}); cancel it to show the item yourself.
 * @event bk-error - A call to the API failed.
 *
 * @csspart base - The view's frame.
 * @csspart name - The person's name.
 * @csspart meta - Handle, role, business unit and when they joined.
 * @csspart role - The role badge.
 * @csspart counts - How many ideas, comments and owned practice cards.
 * @csspart section - Each list: ideas, comments, practice cards.
 * @csspart link - Each link to an idea, a comment or a practice card.
 * @csspart snippet - The opening words of a comment.
 *
 * @cssproperty --bk-person-surface - Background of the view. Default `--bk-color-surface`.
 */
export class BkPerson extends BridgekitElement {
  static override styles = [tokens, personStyles];
  static override properties = {
    handle: { type: String, reflect: true },
    _current: { state: true },
    _view: { state: true },
    _status: { state: true },
    _error: { state: true },
    _pages: { state: true },
  };

  declare handle: string;
  /** The person shown: `handle`, or the address's. */
  declare _current: string | null;
  declare _view: PersonView | null;
  declare _status: Status;
  declare _error: string;
  declare _pages: ItemPages;

  #load: AbortController | null = null;
  #focusName = false;
  #linked = new LinkedItemController(this, 'person', (handle) => this.#followAddress(handle));

  constructor() {
    super();
    this.handle = '';
    this._current = null;
    this._view = null;
    this._status = 'none';
    this._error = '';
    this._pages = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved on the page while it loaded: the load was given up on disconnect.
    if (this.hasUpdated && this._status === 'loading') void this.#fetch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('handle')) this._current = this.handle || this.#linked.id;
    if (changed.has('_current') || changed.has('tenant')) void this.#fetch();
  }

  protected override updated(): void {
    if (!this.#focusName || this._status === 'loading') return;
    this.#focusName = false;
    this.renderRoot.querySelector<HTMLElement>('#bk-person-name')?.focus();
  }

  protected configChanged(): void {
    void this.#fetch();
  }

  /** Back, Forward, a pasted link or a mention followed on this page changed the person in the address. */
  #followAddress(handle: string | null): void {
    if (this.handle) return;
    this._current = handle;
    // Someone followed a link to see this person: take them there once it shows.
    this.#focusName = handle !== null;
  }

  async #fetch(): Promise<void> {
    this.#load?.abort();
    const client = this.client;
    const handle = this._current;
    if (!client || !handle) {
      this._status = 'none';
      this._view = null;
      return;
    }
    const load = new AbortController();
    this.#load = load;
    this._status = 'loading';
    void itemPages(client, load.signal).then((pages) => {
      if (load.signal.aborted) return;
      this._pages = pages;
      this.#linked.pages = pages;
    });
    try {
      const view = await client.people.view(handle, { signal: load.signal });
      if (load.signal.aborted) return;
      this._view = localize(view, this.locale);
      this._status = 'ready';
    } catch (err) {
      if (load.signal.aborted) return;
      this._view = null;
      // Said once its text is here: no empty alert while the error texts load.
      const error = await this.describeError(err, 'person.notFound');
      if (load.signal.aborted) return;
      this._error = error;
      this._status = isBridgekitError(err) && err.status === 404 ? 'missing' : 'error';
    }
  }

  /** Tells the page a link is being followed; the page may take it over. */
  #open(event: MouseEvent, kind: OpenedKind, id: string, url: string): void {
    const open = new BkItemOpenEvent({ kind, id, url });
    this.dispatchEvent(open);
    if (open.defaultPrevented) event.preventDefault();
  }

  #link(kind: OpenedKind, id: string, url: string, content: unknown): TemplateResult {
    return html`<a part="link" href=${url} @click=${(e: MouseEvent) => this.#open(e, kind, id, url)}>${content}</a>`;
  }

  protected override render() {
    if (!this.client) return html`<p class="notice error" part="base">${this.t('error.notConfigured')}</p>`;
    switch (this._status) {
      case 'none':
        return html`<p class="notice" part="base">${this.t('person.none')}</p>`;
      case 'loading':
        return html`<div class="base" part="base" role="status" aria-busy="true">
          <span class="visually-hidden">${this.t('person.loading')}</span>
          <div class="skeleton title" aria-hidden="true"></div>
          <div class="skeleton" aria-hidden="true"></div>
        </div>`;
      case 'missing':
        return html`<div class="notice" part="base" role="alert"><p>${this._error}</p></div>`;
      case 'error':
        return html`<div part="base">${this.renderFailure(`${this.t('person.loadFailed')} ${this._error}`, () => this.#fetch())}</div>`;
    }
    const view = this._view;
    return view ? this.#renderView(view) : nothing;
  }

  #renderView(view: PersonView) {
    const date = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' });
    const { counts } = view;
    return html`
      <article class="base" part="base" aria-labelledby="bk-person-name">
        <header class="header">
          <h2 id="bk-person-name" part="name" tabindex="-1">${this.personName(view.name)}</h2>
          <p class="meta" part="meta">
            <span class="handle">${this.t('person.handle', { handle: view.handle })}</span>
            <span class="badge" part="role">${this.t(`person.role.${view.role}` as MessageKey)}</span>
            ${view.businessUnit ? html`<span>${view.businessUnit}</span>` : nothing}
            <span>${this.t('person.joined', { date: date.format(new Date(view.joinedAt)) })}</span>
          </p>
        </header>
        <ul class="counts" part="counts" aria-label=${this.t('person.counts')}>
          <li>${this.t('person.count.ideas', { count: counts.ideas })}</li>
          <li>${this.t('person.count.comments', { count: counts.comments })}</li>
          <li>${this.t('person.count.cards', { count: counts.cards })}</li>
        </ul>
        ${this.#section(
          'ideas',
          'person.ideas',
          'person.noIdeas',
          counts.ideas,
          view.ideas.map(
            (idea) => html`<li>
              ${this.#link('idea', idea.id, itemUrl(this._pages, 'idea', idea.id), idea.title)}
              <span class="badge">${idea.status.label}</span>
              <span class="subtle">${date.format(new Date(idea.at))}</span>
            </li>`,
          ),
        )}
        ${this.#section(
          'comments',
          'person.comments',
          'person.noComments',
          counts.comments,
          view.comments.map((comment) => this.#renderComment(comment, date)),
        )}
        ${this.#section(
          'cards',
          'person.cards',
          'person.noCards',
          counts.cards,
          view.cards.map((card) => html`<li>${this.#link('card', card.id, itemUrl(this._pages, 'card', card.id), card.title)}</li>`),
        )}
      </article>
    `;
  }

  #renderComment(comment: PersonComment, date: Intl.DateTimeFormat) {
    const url = commentUrl(this._pages, comment.id, comment.thread);
    const thread = comment.title || this.t('person.untitledThread');
    return html`<li class="comment">
      ${this.#link('comment', comment.id, url, html`<span part="snippet">${comment.snippet}</span>`)}
      <span class="subtle">${this.t('person.commentIn', { thread })} · ${date.format(new Date(comment.at))}</span>
    </li>`;
  }

  /** One list with its heading, "the latest N of M" when there are more, or what it lacks. */
  #section(name: string, heading: MessageKey, empty: MessageKey, count: number, items: TemplateResult[]) {
    return html`<section class="section" part="section" aria-labelledby="bk-person-${name}">
      <h3 id="bk-person-${name}">${this.t(heading)}</h3>
      ${
        items.length === 0
          ? html`<p class="subtle">${this.t(empty)}</p>`
          : html`<ul>
            ${items}
          </ul>
          ${count > items.length ? html`<p class="subtle">${this.t('person.latest', { shown: items.length, count })}</p>` : nothing}`
      }
    </section>`;
  }
}
