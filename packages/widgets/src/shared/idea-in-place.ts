/**
 * An idea opened in place of a list — the board's, the roadmap's — with a button back to the
 * list. Each idea's title links to the idea's view (`itemUrl`), so a new tab, a copied link or
 * a middle click work; a plain click opens `<bk-idea>` where the list was and shows it in the
 * page's address, and Back, or the button, brings the list back where it was, with focus on the
 * idea's title. An address that opens an idea (`#bk-idea=<id>`, the tenant's idea page) opens
 * it on arrival.
 *
 * The list's element imports this module with `import()` (`IdeaInPlaceLoad`), and this module
 * imports `<bk-idea>` on first open, so a page that only lists ideas loads neither up front.
 */
import type { Board, BridgekitMemberClient, ItemPages, ItemRef } from '@bridgekit/sdk';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { registerFeature } from './i18n.ts';
import { itemPages, itemUrl, LinkedItemController, showInUrl } from './item-links.ts';
import { ideaMessages } from './messages/idea.ts';

// Its own texts ("Back to the board") are the idea view's: they load with it, not with the list.
registerFeature(ideaMessages);

/** The list's element: a Bridgekit element, whose `tenant` the idea's view takes too. */
export type ListHost = ReactiveControllerHost & HTMLElement & { tenant?: string | undefined };

/**
 * @example
 * #inPlace = new IdeaInPlace(this, () => this.client);
 * // each title: html`<h3>${this.#inPlace.link(idea)}</h3>`
 * // the list's place: this.#inPlace.open ? this.#inPlace.render(this.t('idea.backToBoard'), board) : list
 */
export class IdeaInPlace {
  /** The idea shown in place of the list, if one is. */
  open: string | null = null;

  readonly #host: ListHost;
  #pages: ItemPages = {};
  #linked: LinkedItemController;
  /** Where the list was when the idea opened: the window's scroll, and the idea whose title had been followed. */
  #return: { x: number; y: number; id: string | null } | null = null;

  constructor(host: ListHost, client: () => BridgekitMemberClient | null) {
    this.#host = host;
    this.#linked = new LinkedItemController(host, 'idea', (id) => void (id ? this.show(id, false) : this.#close(false)));
    const known = client();
    if (known) {
      void itemPages(known).then((pages) => {
        this.#pages = pages;
        this.#linked.pages = pages;
        host.requestUpdate();
      });
    }
    const linked = this.#linked.id;
    if (linked) void this.show(linked, false);
  }

  /** An idea's title as a link to its view: a plain click opens it here, the others are the browser's. */
  link(idea: ItemRef) {
    return html`<a href=${itemUrl(this.#pages, 'idea', idea.id)} data-idea-link=${idea.id} @click=${(event: MouseEvent) => this.#follow(event, idea.id)}
      >${idea.title}</a
    >`;
  }

  #follow(event: MouseEvent, id: string): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.defaultPrevented) return;
    event.preventDefault();
    void this.show(id, true);
  }

  /** Opens the idea in place; `byPerson` (a click) puts it in the address and moves focus to it. */
  async show(id: string, byPerson: boolean): Promise<void> {
    if (!this.open) this.#return = { x: scrollX, y: scrollY, id: byPerson ? id : null };
    else if (this.#return && byPerson) this.#return.id = id;
    await import('../components/idea/idea.ts');
    this.open = id;
    if (byPerson) showInUrl('idea', id);
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (byPerson) this.#root?.querySelector('bk-idea')?.focus();
  }

  get #root(): ShadowRoot | null {
    return this.#host.shadowRoot;
  }

  /** Back to the list, where it was, with focus on the title that was followed. */
  async #close(byPerson: boolean): Promise<void> {
    if (!this.open) return;
    if (byPerson) showInUrl('idea', null);
    this.open = null;
    const back = this.#return;
    this.#return = null;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (!back) return;
    scrollTo(back.x, back.y);
    if (back.id) this.#root?.querySelector<HTMLElement>(`[data-idea-link="${CSS.escape(back.id)}"]`)?.focus({ preventScroll: true });
  }

  /** The idea's view with the button back to the list; nothing while none is open. */
  render(back: string, board?: Board | null) {
    if (!this.open) return nothing;
    return html`<div><button type="button" class="button back" part="back" @click=${() => this.#close(true)}>${back}</button></div>
      <bk-idea .idea=${this.open} .tenant=${this.#host.tenant} .boardData=${board ?? undefined} part="idea"></bk-idea>`;
  }
}
