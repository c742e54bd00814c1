/**
 * What `bk-thread` loads only once a link or a practice is wanted, so that its readers do not
 * pay for it up front: the comment the page's address links to (scrolled to and highlighted,
 * or read and shown above the list when it is not on the page loaded), "Copy link", the
 * practice cards the war story became, and "Make it a practice" with its dialog.
 */
import type { BridgekitMemberClient, Comment, ItemPages, Promotion, Thread } from '@bridgekit/sdk';
import { html, nothing, type ReactiveElement } from 'lit';
import { defineElement } from '../../shared/define.ts';
import { registerFeature, type Translate } from '../../shared/i18n.ts';
import { copyLink, itemPages, itemUrl, linkedItem } from '../../shared/item-links.ts';
import { loopMessages } from '../../shared/messages/loop.ts';
import type { CommentView } from './comment-view.ts';
import { BkPromoteDialog } from './promote-dialog.ts';
import type { Root } from './thread-model.ts';

registerFeature(loopMessages);

/** The thread element, as far as this module reads and changes it. */
type ThreadHost = ReactiveElement & { tenant: string | undefined; _thread: Thread | null; _announcement: string };

/** What the thread lends besides its element. */
export interface StoryPort {
  host: ThreadHost;
  client(): BridgekitMemberClient | null;
  t: Translate;
  /** Whether the comment is on the page (the list loaded so far). */
  shown(id: string): boolean;
  /** Renders a comment not on the page as the list would, read-only (passed in, so this module does not split the thread's code). */
  render(view: CommentView, root: Root): unknown;
  /** A moderator, or the author of the comment (or of the thread, for `null`). */
  mayPromote(comment: Comment | null): boolean;
}

export class StoryLinks {
  /** The comment the page's address links to; `comment` when it is not on the page loaded. */
  linked: { id: string; comment: Comment | null } | null = null;
  #port: StoryPort;
  #host: ThreadHost;
  #pages: ItemPages | null = null;
  /** "Make it a practice" is open: for a comment, or (`null`) the whole thread. */
  #promote: { comment: Comment | null } | null = null;

  constructor(port: StoryPort) {
    this.#port = port;
    this.#host = port.host;
  }

  /** Renders again, once this module's texts are here in the reader's language. */
  async #update(): Promise<void> {
    this.#host.requestUpdate();
    await this.#host.updateComplete;
  }

  /** After the first page: the cards' addresses when the story has practices, and the linked comment. */
  async start(): Promise<void> {
    if (this.#host._thread?.practices.length) await this.#loadPages();
    await this.#update();
    await this.showLinked();
  }

  async #loadPages(): Promise<void> {
    const client = this.#port.client();
    if (client && !this.#pages) this.#pages = await itemPages(client);
  }

  /**
   * Shows the comment the page's address links to now — on arrival, and after Back, Forward or a
   * followed link — in place of the one it linked to before.
   */
  async showLinked(): Promise<void> {
    // A comment's link is its thread's page with `#bk-comment=`: no tenant pattern applies.
    const id = linkedItem({}, 'comment');
    const thread = this.#host._thread;
    for (const before of this.#host.renderRoot.querySelectorAll<HTMLElement>('article[data-linked]')) delete before.dataset.linked;
    if (this.linked && this.linked.id !== id) {
      this.linked = null;
      await this.#update();
    }
    if (!id || !thread) return;
    const comment = this.#port.shown(id)
      ? null
      : await this.#port
          .client()
          ?.comments.get(id)
          .catch(() => undefined);
    // Another comment's link may have been followed meanwhile.
    if ((comment !== null && comment?.threadId !== thread.id) || linkedItem({}, 'comment') !== id) return;
    this.linked = { id, comment };
    await this.#update();
    const article = this.#host.renderRoot.querySelector<HTMLElement>(`article[data-comment="${CSS.escape(id)}"]`);
    if (!article) return;
    article.dataset.linked = '';
    article.scrollIntoView({ block: 'center' });
    article.focus({ preventScroll: true });
  }

  async copy(comment: Comment): Promise<void> {
    const url = itemUrl({}, 'comment', comment.id, { pageUrl: this.#host._thread?.url });
    const copied = await copyLink(url);
    await this.#update();
    this.#host._announcement = this.#port.t(copied ? 'card.linkCopied' : 'card.linkNotCopied', { url });
  }

  promote(comment: Comment | null): void {
    defineElement('bk-promote-dialog', BkPromoteDialog);
    this.#promote = { comment };
    this.#host.requestUpdate();
  }

  async #closePromote(): Promise<void> {
    const id = this.#promote?.comment?.id;
    this.#promote = null;
    await this.#update();
    this.#host.renderRoot
      .querySelector<HTMLElement>(id ? `button[data-action="more"][data-for="${CSS.escape(id)}"]` : '.promote-thread')
      ?.focus();
  }

  /** The story became a card (or already had): the thread shows it from now on. */
  async #promoted({ card }: Promotion, comment: Comment | null): Promise<void> {
    await this.#loadPages();
    const thread = this.#host._thread;
    // A card held for review is not listed until a moderator publishes it (so the server says).
    if (!thread || card.moderation.state !== 'published' || thread.practices.some((p) => p.id === card.id)) return;
    this.#host._thread = { ...thread, practices: [...thread.practices, { id: card.id, title: card.title, comment: comment?.id ?? null }] };
  }

  #link(practice: { id: string; title: string }) {
    return this.#pages ? html`<a href=${itemUrl(this.#pages, 'card', practice.id)}>${practice.title}</a>` : practice.title;
  }

  /** "Became a practice: …" on the comment promoted: its words, the card's title and address (once known). */
  badge(comment: Comment): { label: string; title: string; href: string | null } | null {
    const practice = this.#host._thread?.practices.find((p) => p.comment === comment.id);
    if (!practice) return null;
    const href = this.#pages ? itemUrl(this.#pages, 'card', practice.id) : null;
    return { label: this.#port.t('promote.became'), title: practice.title, href };
  }

  /** Above the comments: the cards the story became, "Make it a practice" for the whole thread, and its dialog. */
  renderTop() {
    const thread = this.#host._thread;
    const promote = this.#promote;
    const t = this.#port.t;
    if (!thread) return nothing;
    return html`${
      thread.practices.length
        ? html`<p class="notice" part="practices">
          ${t('promote.became')} ${thread.practices.map((p, i) => html`${i ? ', ' : ''}${this.#link(p)}`)}
        </p>`
        : nothing
    }
    ${
      this.#port.mayPromote(null)
        ? html`<button type="button" class="button subtle promote-thread" @click=${() => this.promote(null)}>${t('thread.promote')}</button>`
        : nothing
    }
    ${
      promote
        ? html`<bk-promote-dialog
          .tenant=${this.#host.tenant}
          .threadId=${thread.id}
          .comment=${promote.comment}
          .done=${(p: Promotion) => this.#promoted(p, promote.comment)}
          .closed=${() => this.#closePromote()}
        ></bk-promote-dialog>`
        : nothing
    }`;
  }

  /** The linked comment when it is not on the page loaded: shown, but acted on where it is. */
  renderLinked(view: CommentView) {
    const comment = this.linked?.comment;
    if (!comment || this.#port.shown(comment.id)) return nothing;
    return html`<section aria-labelledby="bk-linked">
      <p class="badge" id="bk-linked">${this.#port.t('promote.linked')}</p>
      <ol class="comments">
        ${this.#port.render(view, { ...comment, mine: false, replies: [], moreReplies: null })}
      </ol>
    </section>`;
  }
}
