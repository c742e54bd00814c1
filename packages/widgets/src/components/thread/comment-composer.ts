import { LIMITS } from '@bridgekit/sdk';
import { isBlank } from '@bridgekit/sdk/text-rules';
import { html, nothing } from 'lit';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { defineElement } from '../../shared/define.ts';
import { tokens } from '../../shared/styles.ts';
import { composerStyles } from './comment-composer.styles.ts';
import { MentionSuggestions } from './mention-suggestions.ts';

const BODY_MAX = LIMITS.commentBody.max;

type Tab = 'write' | 'preview';
const TABS: readonly Tab[] = ['write', 'preview'];

/** The Preview tab's element, loaded the first time the tab opens. */
let previewLoad: Promise<void> | null = null;
function loadPreview(): Promise<void> {
  previewLoad ??= import('./comment-preview.ts').then((m) => defineElement('bk-comment-preview', m.BkCommentPreview));
  // A failed load (offline) may be tried again on the next opening.
  previewLoad.catch(() => {
    previewLoad = null;
  });
  return previewLoad;
}

/** Sends the text; resolves to an error message to show, or `null` when it was stored. */
export type SendComment = (body: string) => Promise<string | null>;

/**
 * The Markdown text box of `bk-thread`: for a new comment, a reply or an edit. A labelled
 * textarea, a Markdown hint, a character count against the limit, the server's refusal shown
 * as an alert, @mention suggestions, and Ctrl+Enter to send (Escape cancels when it can be
 * cancelled; the hint saying so is not shown on touch screens). Write and Preview tabs (arrow
 * keys, Home and End move between them): Preview shows the text as the server renders a posted
 * comment, its code loaded on first use. One element per box, so typing re-renders the box and
 * not the whole thread.
 *
 * @csspart form - The form.
 * @csspart label - The label above the text box.
 * @csspart textarea - The text box.
 * @csspart submit - The send button.
 * @csspart tabs - The Write and Preview tabs.
 * @csspart tab - Each tab.
 * @csspart mentions - The list of members to mention.
 */
export class BkCommentComposer extends BridgekitElement {
  static override styles = [tokens, composerStyles];
  static override shadowRootOptions = { ...BridgekitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    label: { type: String },
    submitLabel: { attribute: false },
    busyLabel: { attribute: false },
    initial: { attribute: false },
    send: { attribute: false },
    cancel: { attribute: false },
    _length: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _tab: { state: true },
    _previewBody: { state: true },
    _previewReady: { state: true },
  };

  declare label: string;
  declare submitLabel: string;
  declare busyLabel: string;
  /** The text the box starts with (an edit). */
  declare initial: string;
  declare send: SendComment | undefined;
  /** Shows a Cancel button (and lets Escape cancel) when set. */
  declare cancel: (() => void) | undefined;
  declare _length: number;
  declare _busy: boolean;
  declare _error: string;
  declare _tab: Tab;
  /** The text the Preview tab shows: the box's text when the tab opened. */
  declare _previewBody: string;
  declare _previewReady: boolean;

  #mentions = new MentionSuggestions(this, () => {
    const client = this.signedIn ? this.client : null;
    return client ? (query, signal) => client.users.mentionable(query, { limit: 6, signal }) : null;
  });

  constructor() {
    super();
    this.label = '';
    this.submitLabel = '';
    this.busyLabel = '';
    this.initial = '';
    this._length = 0;
    this._busy = false;
    this._error = '';
    this._tab = 'write';
    this._previewBody = '';
    this._previewReady = false;
  }

  protected configChanged(): void {
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    if (!this.hasUpdated) this._length = this.initial.length;
  }

  protected override firstUpdated(): void {
    const box = this.#box;
    if (box) box.value = this.initial;
  }

  get #box(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  /** Focuses the text box, caret at the end. */
  override focus(options?: FocusOptions): void {
    this._tab = 'write';
    void this.updateComplete.then(() => {
      const box = this.#box;
      box?.focus(options);
      box?.setSelectionRange(box.value.length, box.value.length);
    });
  }

  #select(tab: Tab, focusTab = false): void {
    if (tab === 'preview') {
      this._previewBody = this.#box?.value ?? '';
      this.#mentions.close();
      if (!this._previewReady) {
        void loadPreview().then(
          () => {
            this._previewReady = true;
          },
          () => {
            this._error = this.t('error.network');
          },
        );
      }
    }
    this._tab = tab;
    if (focusTab) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#bk-tab-${tab}`)?.focus());
  }

  /** Arrow keys, Home and End move between the tabs, selecting as they go (the APG tabs pattern). */
  #onTabKeydown(event: KeyboardEvent): void {
    const at = TABS.indexOf(this._tab);
    const next: Record<string, number> = {
      ArrowRight: (at + 1) % TABS.length,
      ArrowLeft: (at - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    const tab = TABS[next[event.key] ?? -1];
    if (!tab) return;
    event.preventDefault();
    this.#select(tab, true);
  }

  #onInput(event: Event): void {
    const box = event.target as HTMLTextAreaElement;
    this._length = box.value.length;
    this.#mentions.update(box);
  }

  #onKeydown(event: KeyboardEvent): void {
    if (this.#mentions.keydown(event, event.target as HTMLTextAreaElement)) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.#submit();
    } else if (event.key === 'Escape' && this.cancel) {
      event.preventDefault();
      this.cancel();
    }
  }

  async #submit(event?: SubmitEvent): Promise<void> {
    event?.preventDefault();
    const box = this.#box;
    if (!box || this._busy || !this.send) return;
    const body = box.value;
    if (isBlank(body)) {
      this._error = this.t('thread.writeSomething');
    } else if (body.length > BODY_MAX) {
      this._error = this.t('thread.tooLong', { max: BODY_MAX, over: body.length - BODY_MAX });
    } else {
      this._busy = true;
      this._error = '';
      this.#mentions.close();
      try {
        const error = await this.send(body);
        if (error === null) {
          box.value = '';
          this._length = 0;
          this._tab = 'write';
        } else {
          this._error = error;
        }
      } finally {
        this._busy = false;
      }
      return;
    }
    if (this._tab === 'write') box.focus();
  }

  #renderMentions() {
    const mentions = this.#mentions;
    return html`<ul id="bk-mentions" class="mentions" part="mentions" role="listbox" aria-label=${this.t('thread.mentionsLabel')}>
      ${mentions.items.map(
        (member, i) => html`<li
          id="bk-mention-${i}"
          role="option"
          aria-selected=${i === mentions.active ? 'true' : 'false'}
          @mousedown=${(e: MouseEvent) => e.preventDefault()}
          @click=${() => this.#box && mentions.choose(i, this.#box)}
        >
          <span class="name">${member.name}</span> <span class="handle">@${member.handle}</span>
          ${member.businessUnit ? html`<span class="unit">${member.businessUnit}</span>` : nothing}
        </li>`,
      )}
    </ul>`;
  }

  protected override render() {
    const over = this._length > BODY_MAX;
    const mentions = this.#mentions;
    return html`
      <form part="form" novalidate @submit=${this.#submit}>
        <label for="bk-body" id="bk-label" part="label">${this.label}</label>
        <div class="tabs" part="tabs" role="tablist" aria-labelledby="bk-label" @keydown=${this.#onTabKeydown}>
          ${TABS.map(
            (tab) => html`<button
              type="button"
              class="tab"
              part="tab"
              role="tab"
              id="bk-tab-${tab}"
              aria-controls="bk-panel-${tab}"
              aria-selected=${this._tab === tab ? 'true' : 'false'}
              tabindex=${this._tab === tab ? '0' : '-1'}
              @click=${() => this.#select(tab)}
            >
              ${this.t(tab === 'write' ? 'thread.writeTab' : 'thread.previewTab')}
            </button>`,
          )}
        </div>
        <div class="panel" role="tabpanel" id="bk-panel-write" aria-labelledby="bk-tab-write" ?hidden=${this._tab !== 'write'}>
        <textarea
          id="bk-body"
          part="textarea"
          rows="3"
          aria-describedby="bk-hint bk-count bk-error"
          aria-invalid=${this._error || over ? 'true' : 'false'}
          aria-autocomplete="list"
          aria-controls=${mentions.open ? 'bk-mentions' : nothing}
          aria-activedescendant=${mentions.open ? `bk-mention-${mentions.active}` : nothing}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @blur=${() => this.#mentions.close()}
        ></textarea>
        ${mentions.open ? this.#renderMentions() : nothing}
        </div>
        <div class="panel preview" role="tabpanel" id="bk-panel-preview" aria-labelledby="bk-tab-preview" tabindex="0" ?hidden=${this._tab !== 'preview'}>
          ${
            this._tab !== 'preview'
              ? nothing
              : this._previewReady
                ? html`<bk-comment-preview .body=${this._previewBody}></bk-comment-preview>`
                : html`<p class="loading">${this.t('thread.previewLoading')}</p>`
          }
        </div>
        <p class="visually-hidden" role="status">${mentions.open ? this.t('thread.mentionsFound', { count: mentions.items.length }) : ''}</p>
        <div class="meta">
          <p class="hint" id="bk-hint">${this.t('thread.markdownHint')} <span class="keys">${this.t('thread.sendHint')}</span></p>
          <p class="counter ${over ? 'over' : ''}" id="bk-count">${this.t('thread.characterCount', { used: this._length, max: BODY_MAX })}</p>
        </div>
        <p class="error" id="bk-error" role="alert">${this._error}</p>
        <div class="buttons">
          ${this.cancel ? html`<button type="button" class="button" @click=${() => this.cancel?.()}>${this.t('thread.cancel')}</button>` : nothing}
          <button type="submit" class="button primary" part="submit" aria-disabled=${this._busy ? 'true' : 'false'}>
            ${this._busy ? this.busyLabel : this.submitLabel}
          </button>
        </div>
      </form>
    `;
  }
}
