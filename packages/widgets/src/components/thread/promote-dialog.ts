/**
 * "Make it a practice": a modal dialog (native `<dialog>`) in which a moderator or the story's
 * author picks a card template and turns the thread, or one of its comments, into a practice
 * card; then it links to that card. Internal to `bk-thread`, loaded with `story-links.ts`.
 */
import type { CardTemplate, Comment, ItemPages, Promotion } from '@bridgekit/sdk';
import { localize } from '@bridgekit/sdk/translations';
import { css, html, nothing } from 'lit';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { registerFeature } from '../../shared/i18n.ts';
import { itemPages, itemUrl } from '../../shared/item-links.ts';
import { loopMessages } from '../../shared/messages/loop.ts';
import { fieldBox, tokens } from '../../shared/styles.ts';

registerFeature(loopMessages);

/** The template a story becomes unless the person picks another: the how-to practice. */
const DEFAULT_TEMPLATE = 'practice';

export class BkPromoteDialog extends BridgekitElement {
  static override styles = [
    tokens,
    css`
      dialog {
        width: min(32rem, calc(100vw - 2rem));
        padding: 1.25rem;
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) * 2);
        background: var(--_surface);
        color: var(--_text);
      }

      dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }

      form,
      .result {
        display: grid;
        gap: 0.75rem;
      }

      h2 {
        margin: 0;
        font-size: 1.125rem;
      }

      p {
        margin: 0;
      }

      label {
        font-weight: 600;
      }

      select {
        ${fieldBox}
      }

      .field {
        display: grid;
        gap: 0.25rem;
      }

      .error {
        color: var(--_danger);
        font-weight: 600;
      }

      .error:empty {
        display: none;
      }

      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }

      a.button {
        text-decoration: none;
      }
    `,
  ];
  static override properties = {
    threadId: { attribute: false },
    comment: { attribute: false },
    _templates: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _result: { state: true },
    _pages: { state: true },
  };

  declare threadId: string;
  /** The comment to promote; `null`: the whole thread. */
  declare comment: Comment | null;
  declare _templates: CardTemplate[] | null;
  declare _busy: boolean;
  declare _error: string;
  declare _result: Promotion | null;
  declare _pages: ItemPages;

  /** The story became a card, or already was one. */
  done: ((promotion: Promotion) => void) | undefined;
  /** The dialog closed (button, Escape): the thread removes it and puts focus back. */
  closed: (() => void) | undefined;

  constructor() {
    super();
    this.threadId = '';
    this.comment = null;
    this._templates = null;
    this._busy = false;
    this._error = '';
    this._result = null;
    this._pages = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  protected override firstUpdated(): void {
    this.#dialog?.showModal();
  }

  protected configChanged(): void {
    void this.#load();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  async #load(): Promise<void> {
    const client = this.client;
    if (!client) return;
    void itemPages(client).then((pages) => {
      this._pages = pages;
    });
    try {
      this._templates = localize(await client.templates.list(), this.locale);
      await this.updateComplete;
      this.renderRoot.querySelector('select')?.focus();
    } catch (err) {
      this._error = await this.describeError(err);
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (!client || this._busy || !this._templates) return;
    const template = String(new FormData(event.target as HTMLFormElement).get('template') ?? '');
    this._busy = true;
    this._error = '';
    try {
      const result = await client.threads.promote(this.threadId, { template, comment: this.comment?.id });
      this._result = result;
      this.done?.(result);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.result a')?.focus();
    } catch (err) {
      this._error = await this.describeError(err);
    } finally {
      this._busy = false;
    }
  }

  #close(): void {
    this.#dialog?.close();
  }

  protected override render() {
    return html`<dialog aria-labelledby="bk-promote-heading" @close=${() => this.closed?.()}>
      ${this._result ? this.#renderResult(this._result) : this.#renderForm()}
    </dialog>`;
  }

  #renderForm() {
    const templates = this._templates;
    const chosen = templates?.some((t) => t.id === DEFAULT_TEMPLATE) ? DEFAULT_TEMPLATE : templates?.[0]?.id;
    const author = this.comment?.author && this.personName(this.comment.author.name);
    return html`<form @submit=${this.#submit}>
      <h2 id="bk-promote-heading">${this.t('promote.heading')}</h2>
      <p>${this.t('promote.intro')}</p>
      <p>${author ? this.t('promote.fromComment', { name: author }) : this.t('promote.fromThread')}</p>
      ${
        templates
          ? html`<div class="field">
            <label for="bk-promote-template">${this.t('promote.template')}</label>
            <select id="bk-promote-template" name="template">
              ${templates.map((t) => html`<option value=${t.id} ?selected=${t.id === chosen}>${t.name}</option>`)}
            </select>
          </div>`
          : this._error
            ? nothing
            : html`<p role="status">${this.t('promote.loading')}</p>`
      }
      <p class="error" role="alert">${this._error}</p>
      <div class="buttons">
        <button type="submit" class="button primary" aria-disabled=${this._busy || !templates ? 'true' : 'false'}>
          ${this._busy ? this.t('promote.submitting') : this.t('promote.submit')}
        </button>
        <button type="button" class="button" @click=${this.#close}>${this.t('promote.cancel')}</button>
      </div>
    </form>`;
  }

  #renderResult({ card, created }: Promotion) {
    return html`<div class="result">
      <h2 id="bk-promote-heading">${this.t('promote.heading')}</h2>
      <p id="bk-promote-result">${this.t(created ? 'promote.created' : 'promote.already', { title: card.title })}</p>
      <div class="buttons">
        <a class="button primary" href=${itemUrl(this._pages, 'card', card.id)} aria-describedby="bk-promote-result" @click=${this.#close}>
          ${this.t('promote.open')}
        </a>
        <button type="button" class="button" @click=${this.#close}>${this.t('promote.close')}</button>
      </div>
    </div>`;
  }
}
