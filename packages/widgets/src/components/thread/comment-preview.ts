/**
 * The composer's Preview tab: the text rendered by the server (`POST /comment-previews`), with
 * the same Markdown rules, sanitising and @mentions as when it is posted, shown with the
 * thread's look for a comment. Loaded by `import()` the first time someone opens the tab.
 */
import { LIMITS } from '@bridgekit/sdk';
import { isBlank } from '@bridgekit/sdk/text-rules';
import { css, html, type PropertyValues } from 'lit';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { tokens } from '../../shared/styles.ts';
import { userHtml } from '../../shared/user-links.ts';
import { commentBody } from './comment-body.styles.ts';

const BODY_MAX = LIMITS.commentBody.max;

/**
 * `<bk-comment-preview>`: what the comment `body` will look like once posted.
 *
 * @csspart preview - The rendered text.
 */
export class BkCommentPreview extends BridgekitElement {
  static override styles = [
    tokens,
    commentBody,
    css`
      :host {
        display: block;
      }
      .comment-body {
        min-height: 5rem;
      }
      .note {
        margin: 0;
        color: var(--_text-subtle);
      }
      .error {
        margin: 0;
        color: var(--_danger);
        font-weight: 600;
        overflow-wrap: anywhere;
      }
    `,
  ];
  static override properties = {
    body: { type: String },
    _html: { state: true },
    _state: { state: true },
    _error: { state: true },
  };

  /** The Markdown to render. */
  declare body: string;
  declare _html: string;
  declare _state: 'empty' | 'loading' | 'shown' | 'failed';
  declare _error: string;
  #abort: AbortController | null = null;

  constructor() {
    super();
    this.body = '';
    this._html = '';
    this._state = 'empty';
    this._error = '';
  }

  protected configChanged(): void {
    void this.#load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('body')) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const body = this.body;
    if (isBlank(body)) {
      this._state = 'empty';
      return;
    }
    if (body.length > BODY_MAX) {
      this._state = 'failed';
      this._error = this.t('thread.tooLong', { max: BODY_MAX, over: body.length - BODY_MAX });
      return;
    }
    const client = this.client;
    if (!client) return;
    const abort = new AbortController();
    this.#abort = abort;
    this._state = 'loading';
    try {
      const { html } = await client.threads.preview(body, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this._html = html;
      this._state = 'shown';
    } catch (err) {
      if (abort.signal.aborted) return;
      const text = await this.describeError(err);
      if (abort.signal.aborted) return;
      this._error = text;
      this._state = 'failed';
    }
  }

  protected override render() {
    switch (this._state) {
      case 'empty':
        return html`<p class="note">${this.t('thread.previewEmpty')}</p>`;
      case 'loading':
        return html`<p class="note" aria-busy="true">${this.t('thread.previewLoading')}</p>`;
      case 'failed':
        return html`<p class="error" role="alert">${this._error}</p>`;
      default:
        return html`<div class="comment-body" part="preview">${userHtml(this._html)}</div>`;
    }
  }
}
