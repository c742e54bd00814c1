import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { BkErrorEvent } from '../../events/error.ts';
import './comment-count.ts';

const freshKey = () => `widget-count-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const text = (el: Element) => shadow(el).querySelector('[part="count"]')?.textContent ?? '';

/** Requests to the counts endpoint since `from`, as the browser's resource timing saw them. */
const countRequests = (from: number) =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes('/threads/counts') && e.startTime >= from);

describe('<bk-comment-count>', () => {
  beforeEach(() => {
    performance.setResourceTimingBufferSize(10_000);
    signIn(null);
  });
  afterEach(() => {
    cleanup();
    for (const link of document.head.querySelectorAll('link[rel="canonical"]')) link.remove();
  });

  it('shows the number of published comments, and "No comments yet" for none', async () => {
    const key = freshKey();
    const writer = clientAs(await tokenFor(newPerson()));
    await writer.threads.post({ key, body: 'One' });
    const expected = (await clientAs(null).threads.counts({ keys: ['demo-war-stories'] }))['demo-war-stories'];
    const list = document.createElement('ul');
    list.innerHTML = `
      <li><a href="#a">War stories</a> <bk-comment-count key="demo-war-stories"></bk-comment-count></li>
      <li><a href="#b">Fresh</a> <bk-comment-count key="${key}"></bk-comment-count></li>
      <li><a href="#c">Quiet</a> <bk-comment-count key="${freshKey()}"></bk-comment-count></li>`;
    document.body.append(list);
    const counts = [...list.querySelectorAll('bk-comment-count')];
    const [demo, fresh, quiet] = [0, 1, 2].map((i) => counts[i] as Element) as [Element, Element, Element];
    await until(() => text(demo) && text(fresh) && text(quiet));
    expect(expected).toBeGreaterThanOrEqual(4);
    expect(text(demo)).toBe(`${expected} comments`);
    expect(text(fresh)).toBe('1 comment');
    expect(text(quiet)).toBe('No comments yet');
    await expectNoAxeViolations(list);
  });

  it('asks for every count on the page in one request', async () => {
    const url = `https://intranet.contoso.example/sites/brm/${freshKey()}`;
    const writer = clientAs(await tokenFor(newPerson()));
    await writer.threads.post({ url, body: 'On a page' });
    await writer.threads.post({ url, body: 'Twice on a page' });
    const from = performance.now();
    const host = await mount<HTMLDivElement>(`<div>
      <bk-comment-count key="demo-war-stories"></bk-comment-count>
      <bk-comment-count key="demo-war-stories"></bk-comment-count>
      <bk-comment-count key="  ${freshKey()}  "></bk-comment-count>
      <bk-comment-count url="${url.replace('intranet', 'INTRANET')}/?web=1#comments"></bk-comment-count>
      <bk-comment-count url="${url}"></bk-comment-count>
      <bk-comment-count key="${freshKey()}"></bk-comment-count>
    </div>`);
    const counts = [...host.querySelectorAll('bk-comment-count')];
    await until(() => counts.every((c) => text(c)));
    // The same URL written two ways is the same thread.
    expect(counts.slice(3, 5).map(text)).toEqual(['2 comments', '2 comments']);
    expect(text(counts[2] as Element)).toBe('No comments yet');
    await until(() => countRequests(from).length > 0);
    expect(countRequests(from)).toHaveLength(1);
  });

  it('counts the page it is on when given neither key nor url', async () => {
    const url = `https://intranet.contoso.example/sites/brm/${freshKey()}`;
    document.head.append(Object.assign(document.createElement('link'), { rel: 'canonical', href: url }));
    await clientAs(await tokenFor(newPerson())).threads.post({ url, body: 'Here' });
    const el = await mount('<bk-comment-count></bk-comment-count>');
    await until(() => text(el));
    expect(text(el)).toBe('1 comment');
  });

  it('shows nothing, and tells the page, when the count cannot be fetched', async () => {
    signIn(null, { apiBase: 'http://127.0.0.1:9' });
    const errors: BkErrorEvent[] = [];
    document.addEventListener(BkErrorEvent.type, (e) => errors.push(e), { once: true });
    const el = await mount('<bk-comment-count key="demo-war-stories"></bk-comment-count>');
    await until(() => errors.length === 1);
    expect(text(el)).toBe('');
  });
});
