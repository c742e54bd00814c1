/**
 * The item picker: a search-as-you-type combobox (the ARIA 1.2 pattern: a text box with a
 * listbox popup, `aria-activedescendant` on the highlighted option) that picks one practice
 * card, idea or thread through the one search (a thread through its comments), or one member
 * through the @mention look-up (`kind="person"`: the people picker). Triage picks a
 * deflection's answering card and a merge's target idea with it, the card form its links and
 * people. Internal: not in the registry; its host registers the `search` catalog too.
 *
 * Keyboard: typing looks items up (after a pause); ↓/↑ move through the matches (↓ opens them
 * again), Enter picks the highlighted one, Escape closes the list, or clears the text when it
 * is closed. Focus stays in the text box throughout.
 */
import type { ItemRef, SearchHit } from '@bridgekit/sdk';
import { bareHandle } from '@bridgekit/sdk/text-rules';
import { localize } from '@bridgekit/sdk/translations';
import { css, html, nothing, type PropertyValues } from 'lit';
import { BkItemPickEvent } from '../events/item-pick.ts';
import { BridgekitElement } from './bridgekit-element.ts';
import { defineElement } from './define.ts';
import { registerFeature } from './i18n.ts';
import { searchMessages } from './messages/search.ts';
import { fieldBox, fieldErrorStyles, tokens } from './styles.ts';

registerFeature(searchMessages);

export type PickedKind = 'idea' | 'card' | 'thread' | 'person';

/** One match: an item (`id`, `title`), or a member (`id` is the handle, `title` the name). */
interface Match {
  id: string;
  title: string;
  meta: string;
}

const LOOKUP_DELAY_MS = 250;
const MIN_QUERY = 2;
const LIMIT = 8;

/**
 * @tag bk-item-picker
 * @attr kind - `card`, `idea`, `thread` or `person`: what it picks.
 * @attr label - The text box's visible label.
 * @attr hint - The hint under the label, in place of the standard one.
 * @attr error - A problem with the choice, shown under the text box (which is then invalid).
 * @attr disabled - Shown, not changeable (a side-locked field).
 * @attr board - Ideas of this board only (a merge stays on its board).
 * @attr exclude - An idea's id never offered (the idea being merged).
 * @prop {ItemRef | null} value - The item picked, or null.
 * @event bk-item-pick - An item was picked, or the choice cleared ({@link BkItemPickEvent}).
 */
export class BkItemPicker extends BridgekitElement {
  static override styles = [
    tokens,
    fieldErrorStyles,
    css`
      :host {
        display: block;
      }

      .picker {
        position: relative;
        display: grid;
        gap: 0.25rem;
      }

      label {
        font-weight: 600;
      }

      .hint,
      .status {
        margin: 0;
        font-size: 0.75rem;
        color: var(--_text-subtle);
      }

      .status:empty {
        display: none;
      }

      input {
        ${fieldBox}
      }

      [role='listbox'] {
        position: absolute;
        inset-inline: 0;
        top: 100%;
        z-index: 1;
        max-height: 20rem;
        overflow-y: auto;
        margin: 0.125rem 0 0;
        padding: 0.25rem 0;
        list-style: none;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
      }

      [role='option'] {
        display: grid;
        padding: 0.5rem 0.75rem;
        cursor: pointer;
      }

      [role='option'][aria-selected='true'] {
        background: var(--_brand-subtle);
        outline: 2px solid var(--_brand);
        outline-offset: -2px;
      }

      .meta {
        font-size: 0.75rem;
        color: var(--_text-subtle);
      }

      @media (forced-colors: active) {
        [role='option'][aria-selected='true'] {
          outline-color: Highlight;
        }
      }
    `,
  ];
  static override shadowRootOptions = { ...BridgekitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    kind: { type: String, reflect: true },
    label: { type: String },
    hint: { type: String },
    error: { type: String },
    disabled: { type: Boolean },
    board: { type: String },
    exclude: { type: String },
    value: { attribute: false },
    _items: { state: true },
    _active: { state: true },
    _open: { state: true },
    _state: { state: true },
    _message: { state: true },
  };

  declare kind: PickedKind;
  declare label: string;
  declare hint: string | undefined;
  declare error: string;
  declare disabled: boolean;
  declare board: string | undefined;
  declare exclude: string | undefined;
  declare value: ItemRef | null;
  declare _items: Match[];
  declare _active: number;
  declare _open: boolean;
  /** What the status line says: nothing, looking up, the matches, none, or a failure. */
  declare _state: 'idle' | 'searching' | 'found' | 'none' | 'failed';
  declare _message: string;

  #text = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #request: AbortController | null = null;

  constructor() {
    super();
    this.kind = 'card';
    this.label = '';
    this.error = '';
    this.disabled = false;
    this.value = null;
    this._items = [];
    this._active = -1;
    this._open = false;
    this._state = 'idle';
    this._message = '';
  }

  protected configChanged(): void {
    this.#close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A value set by the host shows as the text box's text.
    if (!changed.has('value')) return;
    const before = changed.get('value') as ItemRef | null | undefined;
    // A host's render passes an equal copy, or no choice yet: what is typed stays.
    if (before?.id === this.value?.id && before?.title === this.value?.title) return;
    if (this.value || before) this.#text = this.value?.title ?? '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancel();
  }

  /** What the text box holds: a choice's title, or what was typed (a person's name outside the members). */
  get text(): string {
    return this.#text;
  }

  /** Sets the text without a choice: a name typed earlier, of someone who is not a member. */
  set text(text: string) {
    this.#text = text;
    this.requestUpdate();
  }

  /** Clears the choice and the text, without an event (the host asked for it). */
  reset(): void {
    this.#cancel();
    this.value = null;
    this.#text = '';
    this._items = [];
    this._open = false;
    this._state = 'idle';
    const input = this.#input;
    if (input) input.value = '';
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#request?.abort();
    this.#request = null;
  }

  #close(): void {
    this.#cancel();
    this._open = false;
    this._active = -1;
    if (this._state === 'searching') this._state = 'idle';
  }

  #onInput(event: InputEvent): void {
    const text = (event.target as HTMLInputElement).value;
    this.#text = text;
    // Typing over a choice takes it back.
    if (this.value && text !== this.value.title) this.#pick(null);
    this.#cancel();
    if (bareHandle(text).length < (this.kind === 'person' ? 1 : MIN_QUERY)) {
      this._items = [];
      this._open = false;
      this._state = 'idle';
      return;
    }
    this.#timer = setTimeout(() => void this.#lookUp(text.trim()), LOOKUP_DELAY_MS);
  }

  async #lookUp(q: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    this._state = 'searching';
    try {
      const items = await this.#find(q, request.signal);
      if (request.signal.aborted) return;
      this._items = items.filter((item) => item.id !== this.exclude).slice(0, LIMIT);
      this._active = this._items.length > 0 ? 0 : -1;
      this._open = this._items.length > 0;
      this._state = this._items.length > 0 ? 'found' : 'none';
      this._message = q;
    } catch (err) {
      if (request.signal.aborted) return;
      this._items = [];
      this._open = false;
      this._state = 'failed';
      this._message = await this.describeError(err);
    }
  }

  async #find(q: string, signal: AbortSignal): Promise<Match[]> {
    const client = this.client;
    if (!client) return [];
    const kind = this.kind;
    if (kind === 'person') {
      const people = await client.users.mentionable(bareHandle(q).slice(0, 60), { limit: LIMIT, signal });
      return people.map((p) => ({
        id: p.handle,
        title: p.name,
        meta: p.businessUnit ? `@${p.handle} · ${p.businessUnit}` : `@${p.handle}`,
      }));
    }
    const { hits } = await client.search(
      {
        q,
        // A thread is found through its comments.
        kinds: [kind === 'thread' ? 'comment' : kind],
        limit: kind === 'thread' ? 50 : LIMIT + (this.exclude ? 1 : 0),
        ...(kind === 'idea' && this.board ? { board: this.board } : {}),
      },
      { signal },
    );
    const matches = new Map<string, Match>();
    for (const hit of localize(hits, this.locale)) {
      const match = this.#match(hit);
      if (match && !matches.has(match.id)) matches.set(match.id, match);
    }
    return [...matches.values()];
  }

  #match(hit: SearchHit): Match | null {
    if (this.kind === 'thread')
      return hit.kind === 'comment' ? { id: hit.thread.id, title: hit.thread.title ?? hit.title, meta: '' } : null;
    if (hit.kind !== this.kind) return null;
    if (hit.kind === 'idea') return { id: hit.id, title: hit.title, meta: hit.status.label };
    if (hit.kind === 'card') return { id: hit.id, title: hit.title, meta: hit.templateName };
    return null;
  }

  #onKeydown(event: KeyboardEvent): void {
    const count = this._items.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        if (!this._open) {
          this._open = true;
          this._active = Math.max(this._active, 0);
        } else {
          this._active = (this._active + 1) % count;
        }
        break;
      case 'ArrowUp':
        if (!this._open || count === 0) return;
        this._active = (this._active - 1 + count) % count;
        break;
      case 'Enter':
        if (!this._open || this._active < 0) return;
        this.#choose(this._active);
        break;
      case 'Escape':
        if (this._open) {
          this.#close();
        } else if (this.#text) {
          this.reset();
          this.#pick(null);
        } else {
          return;
        }
        break;
      default:
        return;
    }
    // The key was the list's: not the surrounding form's or dialog's.
    event.preventDefault();
    event.stopPropagation();
  }

  #choose(index: number): void {
    const hit = this._items[index];
    if (!hit) return;
    this.#text = hit.title;
    const input = this.#input;
    if (input) input.value = hit.title;
    this.#close();
    this._state = 'idle';
    this.#pick({ id: hit.id, title: hit.title });
  }

  #pick(item: ItemRef | null): void {
    this.value = item;
    this.dispatchEvent(new BkItemPickEvent(this.kind, item));
  }

  #statusText(): string {
    switch (this._state) {
      case 'searching':
        return this.t('picker.searching');
      case 'found':
        return this.t('picker.found', { count: this._items.length });
      case 'none':
        return this.t('picker.none', { query: this._message });
      case 'failed':
        return this.t('picker.failed', { reason: this._message });
      default:
        return this.value ? this.t('picker.chosen', { title: this.value.title }) : '';
    }
  }

  protected override render() {
    const open = this._open && this._items.length > 0;
    const active = open && this._active >= 0 ? `bk-option-${this._active}` : undefined;
    return html`<div class="picker" part="picker">
      <label for="bk-pick">${this.label}</label>
      <p class="hint" id="bk-pick-hint">${this.hint ?? this.t('picker.hint')}</p>
      <input
        id="bk-pick"
        part="input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        ?disabled=${this.disabled}
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="bk-pick-list"
        aria-activedescendant=${active ?? nothing}
        aria-describedby="bk-pick-hint bk-pick-status bk-pick-error"
        aria-invalid=${this.error ? 'true' : 'false'}
        .value=${this.#text}
        @input=${this.#onInput}
        @keydown=${this.#onKeydown}
        @blur=${() => this.#close()}
      />
      <ul id="bk-pick-list" role="listbox" part="listbox" aria-label=${this.t('picker.listLabel')} ?hidden=${!open}>
        ${this._items.map(
          (hit, i) =>
            html`<li
              id="bk-option-${i}"
              role="option"
              aria-selected=${i === this._active ? 'true' : 'false'}
              @mousedown=${(e: MouseEvent) => e.preventDefault()}
              @click=${() => this.#choose(i)}
            >
              <span>${hit.title}</span>${hit.meta ? html`<span class="meta"><span class="visually-hidden">, </span>${hit.meta}</span>` : nothing}
            </li>`,
        )}
      </ul>
      <p class="status" id="bk-pick-status" role="status">${this.#statusText()}</p>
      <p class="field-error" id="bk-pick-error">${this.error}</p>
    </div>`;
  }
}

defineElement('bk-item-picker', BkItemPicker);

declare global {
  interface HTMLElementTagNameMap {
    'bk-item-picker': BkItemPicker;
  }
}
