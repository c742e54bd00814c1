import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** One page of a list as the API returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type PagedStatus = 'loading' | 'ready' | 'error';

export interface PagedListOptions<T, P extends Page<T>> {
  /** Reads one page: the first when `cursor` is `null`. Pass `signal` on to the call. */
  fetch: (cursor: string | null, signal: AbortSignal) => Promise<P>;
  /** What identifies an item: a later page never adds one already listed. */
  key: (item: T) => string;
  /** The message shown for a failure of the first page (`first`) or of "load more". */
  describe: (err: unknown, first: boolean) => Promise<string>;
  /** The first page arrived; its items are already in `items`. */
  onFirstPage?: (page: P) => void;
  /** "Load more" added these items (none when the page held only ones already listed). */
  onMore?: (added: T[], page: P) => void;
  /** "Load more" failed; the list stays as it was. */
  onMoreFailed?: (message: string) => void;
}

/**
 * A cursor-paged list: the first page with loading and error states (and retry), "load more"
 * appending the next page, and one load at a time. `load()` starts over — call it when the
 * inputs of `fetch` change — and drops whatever was still on its way, so a stale answer never
 * lands. Also aborted when the host leaves the page.
 */
export class PagedList<T, P extends Page<T> = Page<T>> implements ReactiveController {
  // Read-only outside: fields rather than getters keep the shared chunk small.
  /** Where the next page starts; `null` when the list is complete. */
  cursor: string | null = null;
  status: PagedStatus = 'loading';
  /** The message for the first page's failure. */
  error = '';
  /** What the first page failed with, for elements that tell failures apart. */
  failure: unknown = null;
  loadingMore = false;
  /** Why the last "load more" failed, shown next to the button until the next try. */
  moreError = '';

  #host: ReactiveControllerHost;
  #options: PagedListOptions<T, P>;
  #items: T[] = [];
  /** The load in flight (first page or more); aborted by the next `load()`. */
  #current: AbortController | null = null;

  constructor(host: ReactiveControllerHost, options: PagedListOptions<T, P>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get items(): readonly T[] {
    return this.#items;
  }

  /** Replaces the items shown (a vote, an edit, a new item): the cursor stays. */
  set items(items: readonly T[]) {
    this.#items = [...items];
    this.#host.requestUpdate();
  }

  get hasMore(): boolean {
    return this.cursor !== null;
  }

  /** (Re)loads the first page, dropping any load still on its way. Also the retry. */
  async load(): Promise<void> {
    const signal = this.#begin();
    this.status = 'loading';
    this.error = '';
    this.failure = null;
    this.loadingMore = false;
    this.moreError = '';
    this.#host.requestUpdate();
    try {
      const page = await this.#options.fetch(null, signal);
      if (signal.aborted) return;
      this.#items = page.items;
      this.cursor = page.nextCursor;
      this.status = 'ready';
      this.#options.onFirstPage?.(page);
    } catch (err) {
      if (signal.aborted) return;
      this.failure = err;
      this.error = await this.#options.describe(err, true);
      if (signal.aborted) return;
      this.status = 'error';
    } finally {
      if (!signal.aborted) this.#end();
    }
  }

  /** Appends the next page; nothing while a load is on its way or when there is no more. */
  async loadMore(): Promise<void> {
    const cursor = this.cursor;
    if (cursor === null || this.loadingMore || this.status !== 'ready') return;
    const signal = this.#begin();
    this.loadingMore = true;
    this.moreError = '';
    this.#host.requestUpdate();
    try {
      const page = await this.#options.fetch(cursor, signal);
      if (signal.aborted) return;
      const known = new Set(this.#items.map(this.#options.key));
      const added = page.items.filter((i) => !known.has(this.#options.key(i)));
      this.#items = [...this.#items, ...added];
      this.cursor = page.nextCursor;
      this.#options.onMore?.(added, page);
    } catch (err) {
      if (signal.aborted) return;
      const message = await this.#options.describe(err, false);
      if (signal.aborted) return;
      this.moreError = message;
      this.#options.onMoreFailed?.(message);
    } finally {
      if (!signal.aborted) {
        this.loadingMore = false;
        this.#end();
      }
    }
  }

  /** Drops the load on its way, if any. */
  abort(): void {
    this.#current?.abort();
    this.#current = null;
    if (this.loadingMore) {
      this.loadingMore = false;
      this.#host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.abort();
  }

  #begin(): AbortSignal {
    this.#current?.abort();
    const load = new AbortController();
    this.#current = load;
    return load.signal;
  }

  #end(): void {
    this.#current = null;
    this.#host.requestUpdate();
  }
}

/**
 * The "load more" button under a paged list, while there is more, and why it last failed (the
 * element's live region announces it; this shows it).
 */
export function renderLoadMore(
  list: Pick<PagedList<unknown>, 'hasMore' | 'loadingMore' | 'loadMore' | 'moreError'>,
  label: string,
  busyLabel: string,
) {
  if (!list.hasMore) return nothing;
  return html`<button type="button" class="button more" part="load-more" aria-disabled=${list.loadingMore ? 'true' : 'false'} @click=${() => list.loadMore()}>
      ${list.loadingMore ? busyLabel : label}
    </button>
    ${list.moreError ? html`<p class="more-error" part="load-more-error">${list.moreError}</p>` : nothing}`;
}
