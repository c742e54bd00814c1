import { html, type PropertyValues } from 'lit';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { registerFeature } from '../../shared/i18n.ts';
import { commentCountMessages } from '../../shared/messages/comment-count.ts';
import { threadRefOf } from '../../shared/thread-ref.ts';
import { commentCountStyles } from './comment-count.styles.ts';
import { countBatcher } from './count-batcher.ts';

registerFeature(commentCountMessages);

/**
 * The number of published comments on a page's discussion, as plain text: "12 comments" or
 * "No comments yet". Put one next to each link of a list: the counts of the whole page arrive
 * in one request.
 *
 * @tag bk-comment-count
 * @summary "12 comments" for a page or thread key.
 *
 * @attr key - Explicit thread key, as given to `bk-thread`.
 * @attr url - The page URL. Without `key` and `url`: this page's `<link rel="canonical">`, else its address.
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-error - The count could not be fetched (the element then shows nothing).
 *
 * @csspart count - The text.
 *
 * @cssproperty --bk-comment-count-color - Colour of the text. Default `inherit`.
 */
export class BkCommentCount extends BridgekitElement {
  static override styles = [commentCountStyles];
  static override properties = {
    key: { type: String, reflect: true },
    url: { type: String, reflect: true },
    _count: { state: true },
  };

  declare key: string | null;
  declare url: string | null;
  /** `null` until known (or when it could not be fetched). */
  declare _count: number | null;

  #request = 0;

  constructor() {
    super();
    this.key = null;
    this.url = null;
    this._count = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('key') || changed.has('url') || changed.has('tenant')) void this.#fetch();
  }

  protected configChanged(): void {
    void this.#fetch();
  }

  async #fetch(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const request = ++this.#request;
    try {
      const count = await countBatcher(client).count(threadRefOf(this.key, this.url));
      if (request === this.#request) this._count = count;
    } catch (err) {
      if (request !== this.#request) return;
      this._count = null;
      void this.describeError(err);
    }
  }

  protected override render() {
    const text =
      this._count === null ? '' : this._count === 0 ? this.t('commentCount.none') : this.t('commentCount.count', { count: this._count });
    return html`<span part="count">${text}</span>`;
  }
}
