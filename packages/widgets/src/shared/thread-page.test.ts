import { afterEach, describe, expect, it } from 'vitest';
import { commentUrl, threadPageUrl } from './thread-page.ts';

const here = () => `${location.origin}${location.pathname}${location.search}`;

describe('where a discussion lives', () => {
  afterEach(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it("puts an idea's or card's own discussion on the item's view", () => {
    expect(threadPageUrl({}, { key: 'idea:abc', url: null })).toBe(`${here()}#bk-idea=abc`);
    expect(
      threadPageUrl({ card: 'https://intranet.example/Practices.aspx?card={id}' }, { key: 'card:c 1', url: 'https://x.example/' }),
    ).toBe('https://intranet.example/Practices.aspx?card=c%201');
  });

  it('puts any other discussion on its page: its address, or a key that is one; else nowhere known', () => {
    expect(threadPageUrl({}, { key: 'erp-go-live', url: 'https://intranet.example/news/erp' })).toBe('https://intranet.example/news/erp');
    expect(threadPageUrl({}, { key: 'https://intranet.example/news/erp', url: null })).toBe('https://intranet.example/news/erp');
    expect(threadPageUrl({}, { key: 'demo-war-stories', url: null })).toBeNull();
  });

  it('links a comment into its discussion, on this page when the page is unknown', () => {
    expect(commentUrl({}, 'c1', { key: 'idea:abc', url: null })).toBe(`${here()}#bk-idea=abc&bk-comment=c1`);
    expect(commentUrl({}, 'c1', { key: 'news', url: 'https://intranet.example/news/erp' })).toBe(
      'https://intranet.example/news/erp#bk-comment=c1',
    );
    expect(commentUrl({}, 'c1', { key: 'demo-war-stories', url: null })).toBe(`${here()}#bk-comment=c1`);
  });
});
