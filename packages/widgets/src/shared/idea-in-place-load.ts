/**
 * Opening ideas in place (`IdeaInPlace`) for a list's element — the board, the roadmap, triage —
 * imported with the list's data rather than before the list shows. Until it is here, or if it
 * cannot load, titles are text and the list still shows.
 */
import type { BridgekitMemberClient } from '@bridgekit/sdk';
import type { IdeaInPlace, ListHost } from './idea-in-place.ts';

/**
 * @example
 * readonly #inPlace = new IdeaInPlaceLoad(this, () => this.client);
 * // with the list's data: await Promise.all([client.boards.get(board), this.#inPlace.load()]);
 * // each title: this.#inPlace.current?.link(idea) ?? idea.title
 */
export class IdeaInPlaceLoad {
  /** Ideas opened in place, once loaded. */
  current: IdeaInPlace | null = null;
  readonly #host: ListHost;
  readonly #client: () => BridgekitMemberClient | null;
  #loading: Promise<unknown> | null = null;

  constructor(host: ListHost, client: () => BridgekitMemberClient | null) {
    this.#host = host;
    this.#client = client;
  }

  /** Imports it the first time; resolves once it is here or could not load. */
  load(): Promise<unknown> {
    this.#loading ??= import('./idea-in-place.ts').then(
      (m) => (this.current = new m.IdeaInPlace(this.#host, this.#client)),
      () => null,
    );
    return this.#loading;
  }
}
