/**
 * "Propose an idea" from a practice card: the intake form (`bk-idea-form`) with the card as the
 * idea's source, on the board the host named, else on one of the tenant's open boards (a
 * native select when there is more than one). Internal to `bk-practice-card` and the library's
 * detail, which load it the first time someone proposes.
 */
import type { Board, Idea, PracticeCard } from '@bridgekit/sdk';
import { localize } from '@bridgekit/sdk/translations';
import { css, html, nothing, type PropertyValues } from 'lit';
import type { BkCancelEvent } from '../../events/cancel.ts';
import type { BkIdeaCreateEvent } from '../../events/idea-create.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { fieldBox, tokens } from '../../shared/styles.ts';
import '../idea-form/idea-form.ts';

export class BkCardPropose extends BridgekitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: grid;
        gap: 0.5rem;
      }

      .field {
        display: grid;
        gap: 0.25rem;
      }

      label {
        font-weight: 600;
      }

      select {
        ${fieldBox}
      }
    `,
  ];
  static override properties = {
    card: { attribute: false },
    board: { type: String },
    _boards: { state: true },
    _chosen: { state: true },
    _error: { state: true },
  };

  declare card: Pick<PracticeCard, 'id' | 'title'> | null;
  /** The board the host named; empty: the reader picks one of the tenant's. */
  declare board: string;
  declare _boards: Board[] | null;
  declare _chosen: string;
  declare _error: string;

  /** The idea was stored. */
  done: ((idea: Idea) => void) | undefined;
  /** The reader left the form. */
  cancel: (() => void) | undefined;

  #wantsFocus = false;

  constructor() {
    super();
    this.card = null;
    this.board = '';
    this._boards = null;
    this._chosen = '';
    this._error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('board') || changed.has('tenant')) void this.#load();
  }

  protected configChanged(): void {
    void this.#load();
  }

  /** Focuses the board's select, else the form's title: now, or once the boards are read. */
  override focus(): void {
    this.#wantsFocus = true;
    void this.#applyFocus();
  }

  protected override updated(): void {
    if (this.#wantsFocus) void this.#applyFocus();
  }

  async #applyFocus(): Promise<void> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>('select, bk-idea-form');
    if (!target || !this.#wantsFocus) return;
    this.#wantsFocus = false;
    target.focus();
  }

  async #load(): Promise<void> {
    const client = this.client;
    this._error = '';
    if (this.board) {
      this._boards = null;
      this._chosen = this.board;
      return;
    }
    if (!client) return;
    try {
      const boards = localize(await client.boards.list(), this.locale).filter((b) => b.open);
      this._boards = boards;
      this._chosen = boards[0]?.slug ?? '';
      if (boards.length === 0) this._error = this.t('card.noBoard');
    } catch (err) {
      this._error = await this.describeError(err);
    }
  }

  #onCancel(event: BkCancelEvent): void {
    // The form's own cancel: the card closes it; the host page hears nothing of it.
    event.stopPropagation();
    this.cancel?.();
  }

  protected override render() {
    const card = this.card;
    if (!card) return nothing;
    if (this._error) return html`<p class="notice error" role="alert">${this._error}</p>`;
    if (!this._chosen) return html`<p role="status">${this.t('card.boardsLoading')}</p>`;
    const boards = this._boards;
    return html`
      ${
        boards && boards.length > 1
          ? html`<div class="field">
            <label for="bk-propose-board">${this.t('card.board')}</label>
            <select
              id="bk-propose-board"
              @change=${(e: Event) => {
                this._chosen = (e.target as HTMLSelectElement).value;
              }}
            >
              ${boards.map((b) => html`<option value=${b.slug} ?selected=${b.slug === this._chosen}>${b.name}</option>`)}
            </select>
          </div>`
          : nothing
      }
      <bk-idea-form
        board=${this._chosen}
        .boardData=${boards?.find((b) => b.slug === this._chosen)}
        source-card=${card.id}
        .sourceCardTitle=${card.title}
        .tenant=${this.tenant}
        @bk-idea-create=${(e: BkIdeaCreateEvent) => this.done?.(e.idea)}
        @bk-cancel=${(e: BkCancelEvent) => this.#onCancel(e)}
      ></bk-idea-form>
    `;
  }
}
