import type { BridgekitMemberClient } from '@bridgekit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** An element that shows one board: its `board` slug and `tenant` decide what loads. */
export interface BoardHost extends ReactiveControllerHost {
  board: string;
  tenant: string | undefined;
}

export interface BoardLoadOptions<T> {
  /** The element's client; nothing loads while it is `null` or the board is not set. */
  client: () => BridgekitMemberClient | null;
  fetch: (client: BridgekitMemberClient, board: string) => Promise<T>;
  /** Takes what arrived; the status is `ready` once its synchronous part has run, and it may go on loading more. */
  show: (data: T) => void | Promise<void>;
  /** The message for a failure (a board that does not exist included). */
  describe: (err: unknown) => Promise<string>;
}

/**
 * What an element shows of one board (the roadmap, triage), with its loading and error states:
 * loaded again when the element's `board` or `tenant` changes, and by `load()` — which the
 * element calls from `configChanged()`.
 */
export class BoardLoad<T> implements ReactiveController {
  status: 'loading' | 'ready' | 'error' = 'loading';
  /** The message for the last failure. */
  error = '';

  #host: BoardHost;
  #options: BoardLoadOptions<T>;
  /** The board and tenant of the last update, so a change is seen before the next render. */
  #board: string | undefined;
  #tenant: string | undefined;

  constructor(host: BoardHost, options: BoardLoadOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    const { board, tenant } = this.#host;
    if (board === this.#board && tenant === this.#tenant) return;
    this.#board = board;
    this.#tenant = tenant;
    void this.load();
  }

  async load(): Promise<void> {
    const client = this.#options.client();
    const board = this.#host.board;
    if (!client || !board) return;
    this.#set('loading');
    try {
      const shown = this.#options.show(await this.#options.fetch(client, board));
      this.#set('ready');
      await shown;
    } catch (err) {
      this.error = await this.#options.describe(err);
      this.#set('error');
    }
  }

  #set(status: BoardLoad<T>['status']): void {
    this.status = status;
    this.#host.requestUpdate();
  }
}
