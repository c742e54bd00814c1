import { html, LitElement } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount, shadow, until } from '../../test/support.ts';
import { type Page, PagedList, renderLoadMore } from './paged-list.ts';

interface Item {
  id: string;
}

/** A call the test answers (or fails) when it chooses. */
interface Call {
  cursor: string | null;
  signal: AbortSignal;
  resolve: (page: Page<Item>) => void;
  reject: (err: unknown) => void;
}

const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));

class PagedListHost extends LitElement {
  calls: Call[] = [];
  announced: string[] = [];
  added: Item[][] = [];
  list = new PagedList<Item>(this, {
    fetch: (cursor, signal) => new Promise((resolve, reject) => this.calls.push({ cursor, signal, resolve, reject })),
    key: (item) => item.id,
    describe: async (err, first) => `${first ? 'first' : 'more'}: ${(err as Error).message}`,
    onMore: (added) => this.added.push(added),
    onMoreFailed: (message) => this.announced.push(message),
  });

  protected override render() {
    const list = this.list;
    if (list.status === 'loading') return html`<p role="status">Loading</p>`;
    if (list.status === 'error') return html`<p role="alert">${list.error}</p>`;
    return html`<ol>
        ${list.items.map((i) => html`<li>${i.id}</li>`)}
      </ol>
      ${renderLoadMore(list, 'More', 'Loading more')}`;
  }
}
customElements.define('bk-test-paged-list', PagedListHost);

const shown = (el: Element) => [...shadow(el).querySelectorAll('li')].map((li) => li.textContent);
const lastCall = (el: PagedListHost) => el.calls.at(-1) as Call;

async function mountHost(): Promise<PagedListHost> {
  const el = await mount<PagedListHost>('<bk-test-paged-list></bk-test-paged-list>');
  void el.list.load();
  return el;
}

describe('PagedList', () => {
  afterEach(cleanup);

  it('loads the first page without a cursor and shows loading until it is there', async () => {
    const el = await mountHost();
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="status"]')?.textContent).toBe('Loading');
    expect(el.calls.map((c) => c.cursor)).toEqual([null]);
    lastCall(el).resolve({ items: items('a', 'b'), nextCursor: null });
    await until(() => shown(el).length === 2);
    expect(shown(el)).toEqual(['a', 'b']);
    expect(el.list.status).toBe('ready');
    expect(el.list.hasMore).toBe(false);
    expect(shadow(el).querySelector('[part="load-more"]')).toBeNull();
  });

  it('loads more with the cursor and appends only items not already listed', async () => {
    const el = await mountHost();
    lastCall(el).resolve({ items: items('a', 'b'), nextCursor: 'c1' });
    const more = await until(() => shadow(el).querySelector<HTMLButtonElement>('[part="load-more"]'));
    more.click();
    await el.updateComplete;
    expect(lastCall(el).cursor).toBe('c1');
    expect(more.getAttribute('aria-disabled')).toBe('true');
    expect(more.textContent?.trim()).toBe('Loading more');
    lastCall(el).resolve({ items: items('b', 'c', 'd'), nextCursor: null });
    await until(() => shown(el).length === 4);
    expect(shown(el)).toEqual(['a', 'b', 'c', 'd']);
    expect(el.added).toEqual([items('c', 'd')]);
    expect(shadow(el).querySelector('[part="load-more"]')).toBeNull();
  });

  it('shows the error of the first page, and retries', async () => {
    const el = await mountHost();
    lastCall(el).reject(new Error('down'));
    await until(() => shadow(el).querySelector('[role="alert"]'));
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).toBe('first: down');
    expect(el.list.failure).toBeInstanceOf(Error);

    void el.list.load();
    await until(() => shadow(el).querySelector('[role="status"]'));
    expect(el.list.error).toBe('');
    lastCall(el).resolve({ items: items('a'), nextCursor: null });
    await until(() => shown(el).length === 1);
    expect(el.calls).toHaveLength(2);
  });

  it('keeps the list when loading more fails, says why, and lets the person try again', async () => {
    const el = await mountHost();
    lastCall(el).resolve({ items: items('a'), nextCursor: 'c1' });
    await until(() => shown(el).length === 1);
    void el.list.loadMore();
    lastCall(el).reject(new Error('timeout'));
    await until(() => el.announced.length === 1);
    expect(el.announced).toEqual(['more: timeout']);
    expect(shown(el)).toEqual(['a']);
    expect(el.list.loadingMore).toBe(false);
    void el.list.loadMore();
    expect(lastCall(el).cursor).toBe('c1');
  });

  it('drops the load on its way when the inputs change: a stale answer never lands', async () => {
    const el = await mountHost();
    const stale = lastCall(el);
    void el.list.load();
    const fresh = lastCall(el);
    expect(stale.signal.aborted).toBe(true);
    expect(fresh.signal.aborted).toBe(false);
    fresh.resolve({ items: items('new'), nextCursor: 'n1' });
    await until(() => shown(el).length === 1);
    stale.resolve({ items: items('old'), nextCursor: 'o1' });
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(shown(el)).toEqual(['new']);
    expect(el.list.cursor).toBe('n1');

    // A "load more" on its way is dropped too.
    void el.list.loadMore();
    const staleMore = lastCall(el);
    void el.list.load();
    expect(staleMore.signal.aborted).toBe(true);
    lastCall(el).resolve({ items: items('x'), nextCursor: null });
    await until(() => shown(el)[0] === 'x');
    staleMore.resolve({ items: items('y'), nextCursor: 'y1' });
    staleMore.reject(new Error('late'));
    await new Promise((r) => setTimeout(r, 20));
    expect(shown(el)).toEqual(['x']);
    expect(el.announced).toEqual([]);
  });

  it('does not load twice while a load is on its way', async () => {
    const el = await mountHost();
    void el.list.loadMore();
    expect(el.calls).toHaveLength(1);
    lastCall(el).resolve({ items: items('a'), nextCursor: 'c1' });
    await until(() => shown(el).length === 1);
    void el.list.loadMore();
    void el.list.loadMore();
    shadow(el).querySelector<HTMLButtonElement>('[part="load-more"]')?.click();
    expect(el.calls.map((c) => c.cursor)).toEqual([null, 'c1']);
  });

  it('aborts when its element leaves the page', async () => {
    const el = await mountHost();
    const call = lastCall(el);
    el.remove();
    expect(call.signal.aborted).toBe(true);
  });
});
