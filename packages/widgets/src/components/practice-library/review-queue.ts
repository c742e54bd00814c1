import type { CardSummary } from '@bridgekit/sdk';
import { css, html, nothing } from 'lit';
import { PagedList } from '../../shared/paged-list.ts';
import { bareList, itemBox } from '../../shared/styles.ts';
import { formatDate } from '../practice-card/card-format.ts';
import { renderFreshness } from '../practice-card/card-view.ts';
import { notPrintedStyles, partStyles, titleButtonStyles } from './controls.styles.ts';
import { LibrarySection } from './section.ts';

/**
 * "Due for review": the signed-in person's cards past (or near) their review-by date, with
 * Verify (the card is still right: the date moves on), Edit and Mark obsolete (with a reason).
 *
 * Internal to `bk-practice-library`.
 *
 * @csspart queue - The list of cards due.
 */
export class BkCardReviewQueue extends LibrarySection {
  static override styles = [
    ...partStyles,
    titleButtonStyles,
    notPrintedStyles,
    css`
      .queue {
        display: grid;
        gap: 0.5rem;
        ${bareList}
      }

      .item {
        display: grid;
        gap: 0.375rem;
        ${itemBox}
      }

      .item:focus {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }

      h4 {
        margin: 0;
        font-size: 1rem;
      }

      .obsolete-form {
        display: grid;
        gap: 0.375rem;
      }
    `,
  ];
  static override properties = {
    open: { attribute: false },
    edit: { attribute: false },
    _busy: { state: true },
    _obsoleteFor: { state: true },
    _reasonError: { state: true },
    _itemError: { state: true },
    _announcement: { state: true },
  };

  /** Opens a card in the library. */
  declare open: ((id: string) => void) | undefined;
  /** Opens a card's edit form in the library. */
  declare edit: ((id: string) => void) | undefined;
  declare _busy: string | null;
  declare _obsoleteFor: string | null;
  declare _reasonError: string;
  declare _itemError: { id: string; text: string } | null;
  declare _announcement: string;

  #list = new PagedList<CardSummary>(this, {
    fetch: (cursor, signal) => {
      const client = this.client;
      if (!client) throw new Error('not configured');
      return client.cards.reviewQueue({ limit: 50, cursor, signal });
    },
    key: (item) => item.id,
    describe: (err) => this.describeError(err),
  });

  constructor() {
    super();
    this._busy = null;
    this._obsoleteFor = null;
    this._reasonError = '';
    this._itemError = null;
    this._announcement = '';
  }

  protected load(): void {
    if (!this.client || !this.signedIn) {
      this.#list.abort();
      return;
    }
    void this.#list.load();
  }

  /** Takes a handled card off the list and moves focus to the next one (or the heading). */
  #done(id: string, message: string): void {
    const index = this.#list.items.findIndex((i) => i.id === id);
    this.#list.items = this.#list.items.filter((i) => i.id !== id);
    this._announcement = message;
    const next = this.#list.items[Math.min(index, this.#list.items.length - 1)];
    void this.updateComplete.then(() =>
      (next
        ? this.renderRoot.querySelector<HTMLElement>(`[data-card="${CSS.escape(next.id)}"]`)
        : this.renderRoot.querySelector<HTMLElement>('h3')
      )?.focus(),
    );
  }

  async #verify(item: CardSummary): Promise<void> {
    const client = this.client;
    if (!client || this._busy) return;
    this._busy = item.id;
    this._itemError = null;
    try {
      const card = await client.cards.verify(item.id);
      this.#done(
        item.id,
        this.t('library.verified', { title: card.title, date: card.reviewBy ? formatDate(this.locale, card.reviewBy) : '' }),
      );
    } catch (err) {
      this._itemError = { id: item.id, text: await this.describeError(err) };
    } finally {
      this._busy = null;
    }
  }

  async #markObsolete(event: SubmitEvent, item: CardSummary): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (!client || this._busy) return;
    const box = (event.target as HTMLFormElement).querySelector('textarea');
    const reason = box?.value.trim() ?? '';
    if (!reason) {
      this._reasonError = this.t('library.reasonRequired');
      box?.focus();
      return;
    }
    this._busy = item.id;
    try {
      await client.cards.markObsolete(item.id, reason);
      this._obsoleteFor = null;
      this.#done(item.id, this.t('library.markedObsolete', { title: item.title }));
    } catch (err) {
      this._reasonError = await this.describeError(err);
    } finally {
      this._busy = null;
    }
  }

  #openObsolete(id: string): void {
    this._obsoleteFor = id;
    this._reasonError = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#bk-q-reason-${CSS.escape(id)}`)?.focus());
  }

  #closeObsolete(id: string): void {
    this._obsoleteFor = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-obsolete="${CSS.escape(id)}"]`)?.focus());
  }

  protected override render() {
    return html`<div class="view">
      <h3 id="bk-queue-heading" tabindex="-1">${this.t('library.queueHeading')}</h3>
      ${this.#renderBody()}
      <p class="visually-hidden" role="status">${this._announcement}</p>
    </div>`;
  }

  #renderBody() {
    if (!this.signedIn) return html`<p class="notice">${this.t('library.queueSignIn')}</p>`;
    if (this.#list.status === 'loading') return html`<p role="status">${this.t('library.queueLoading')}</p>`;
    if (this.#list.status === 'error') return html`<p class="notice error" role="alert">${this.#list.error}</p>`;
    if (this.#list.items.length === 0) return html`<p class="notice">${this.t('library.queueEmpty')}</p>`;
    const view = { t: this.t.bind(this), locale: this.locale };
    return html`<p>${this.t('library.queueCount', { count: this.#list.items.length })}</p>
      <ul class="queue" part="queue">
        ${this.#list.items.map(
          (item) => html`<li class="item" data-card=${item.id} tabindex="-1" aria-labelledby="bk-q-${item.id}">
            <h4 id="bk-q-${item.id}">
              <button type="button" class="title-button" @click=${() => this.open?.(item.id)}>${item.title}</button>
            </h4>
            <p class="badges">
              ${renderFreshness(view, item)}
              <span class="facts">
                ${item.templateName}${item.reviewBy ? html` · ${this.t('card.reviewBy', { date: formatDate(this.locale, item.reviewBy) })}` : nothing}
              </span>
            </p>
            ${this._itemError?.id === item.id ? html`<p class="form-error" role="alert">${this._itemError.text}</p>` : nothing}
            ${
              this._obsoleteFor === item.id
                ? this.#renderObsoleteForm(item)
                : html`<div class="actions">
                  <button
                    type="button"
                    class="button primary"
                    aria-describedby="bk-q-${item.id}"
                    aria-disabled=${this._busy === item.id ? 'true' : 'false'}
                    @click=${() => this.#verify(item)}
                  >
                    ${this.t('library.verify')}
                  </button>
                  <button type="button" class="button" aria-describedby="bk-q-${item.id}" @click=${() => this.edit?.(item.id)}>
                    ${this.t('library.edit')}
                  </button>
                  <button
                    type="button"
                    class="button danger"
                    data-obsolete=${item.id}
                    aria-describedby="bk-q-${item.id}"
                    @click=${() => this.#openObsolete(item.id)}
                  >
                    ${this.t('library.markObsolete')}
                  </button>
                </div>`
            }
          </li>`,
        )}
      </ul>`;
  }

  #renderObsoleteForm(item: CardSummary) {
    const id = `bk-q-reason-${item.id}`;
    return html`<form class="obsolete-form" novalidate @submit=${(e: SubmitEvent) => this.#markObsolete(e, item)}>
      <label for=${id}>${this.t('library.obsoleteReason')} <span class="required">${this.t('library.requiredMark')}</span></label>
      <textarea id=${id} rows="2" maxlength="500" aria-describedby="${id}-error" aria-invalid=${this._reasonError ? 'true' : 'false'}></textarea>
      <p class="field-error" id="${id}-error">${this._reasonError}</p>
      <div class="actions">
        <button type="submit" class="button danger" aria-disabled=${this._busy === item.id ? 'true' : 'false'}>${this.t('library.markObsolete')}</button>
        <button type="button" class="button" @click=${() => this.#closeObsolete(item.id)}>${this.t('library.cancel')}</button>
      </div>
    </form>`;
  }
}
