/**
 * @mention suggestions for a text box: while the word before the caret is `@something`, look
 * up members whose name or handle starts with it; arrow keys move through them, Enter or Tab
 * puts `@handle` in the text, Escape closes the list. The text box stays focused throughout
 * and points at the highlighted suggestion with `aria-activedescendant`.
 */
import type { MentionableUser } from '@bridgekit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type LookUpMembers = (query: string, signal: AbortSignal) => Promise<MentionableUser[]>;

// As the server finds mentions: not after a letter, digit or URL/e-mail character.
const MENTION_BEFORE_CARET = /(?<![\p{L}\p{N}\p{M}_.%+\-@/])@([\p{L}\p{N}\p{M}._-]{1,40})$/u;
const LOOKUP_DELAY_MS = 200;
const MAX_SUGGESTIONS = 6;

export class MentionSuggestions implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #lookUp: () => LookUpMembers | null;
  /** The members suggested; the list is open while there are any. */
  items: MentionableUser[] = [];
  /** The highlighted suggestion. */
  active = 0;
  #at = -1;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #request: AbortController | null = null;

  constructor(host: ReactiveControllerHost, lookUp: () => LookUpMembers | null) {
    this.#host = host;
    this.#lookUp = lookUp;
    host.addController(this);
  }

  get open(): boolean {
    return this.items.length > 0;
  }

  hostDisconnected(): void {
    this.close();
  }

  /** Call on every input: looks the word before the caret up when it is a mention. */
  update(box: HTMLTextAreaElement): void {
    const before = box.value.slice(0, box.selectionStart);
    const match = MENTION_BEFORE_CARET.exec(before);
    clearTimeout(this.#timer);
    const lookUp = this.#lookUp();
    if (!match?.[1] || !lookUp) {
      this.close();
      return;
    }
    const query = match[1];
    this.#at = before.length - query.length - 1;
    this.#timer = setTimeout(async () => {
      this.#request?.abort();
      const request = new AbortController();
      this.#request = request;
      try {
        const found = await lookUp(query, request.signal);
        if (request.signal.aborted) return;
        this.items = found.slice(0, MAX_SUGGESTIONS);
        this.active = 0;
      } catch {
        // Suggestions help; a failed lookup just shows none.
        if (!request.signal.aborted) this.items = [];
      }
      this.#host.requestUpdate();
    }, LOOKUP_DELAY_MS);
  }

  /** Handles the list's keys; answers whether the key was used. */
  keydown(event: KeyboardEvent, box: HTMLTextAreaElement): boolean {
    if (!this.open) return false;
    const count = this.items.length;
    switch (event.key) {
      case 'ArrowDown':
        this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        this.active = (this.active - 1 + count) % count;
        break;
      case 'Enter':
      case 'Tab':
        if (event.ctrlKey || event.metaKey || event.shiftKey) return false;
        this.choose(this.active, box);
        break;
      case 'Escape':
        this.close();
        break;
      default:
        return false;
    }
    event.preventDefault();
    event.stopPropagation();
    this.#host.requestUpdate();
    return true;
  }

  /** Replaces the `@word` before the caret with the member's handle. */
  choose(index: number, box: HTMLTextAreaElement): void {
    const member = this.items[index];
    if (!member || this.#at < 0) return;
    const caret = box.selectionStart;
    const insert = `@${member.handle} `;
    box.setRangeText(insert, this.#at, caret, 'end');
    box.dispatchEvent(new Event('input', { bubbles: true }));
    this.close();
    box.focus();
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#request?.abort();
    this.#request = null;
    this.#at = -1;
    if (this.items.length > 0) {
      this.items = [];
      this.#host.requestUpdate();
    }
  }
}
