import type { Comment } from '@bridgekit/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { withOutsideLinks } from '../../shared/user-links.ts';
import './thread.ts';
import type { BkThread } from './thread.component.ts';

const freshKey = () => `widget-preview-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function mountThread(attrs: string) {
  const el = await mount<BkThread>(`<bk-thread ${attrs}></bk-thread>`);
  await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
  return el;
}

const composer = (el: Element) => shadow(shadow(el).querySelector('bk-comment-composer') as Element);
const tab = (el: Element, name: 'write' | 'preview') =>
  composer(el).querySelector<HTMLButtonElement>(`#bk-tab-${name}`) as HTMLButtonElement;
const previewPanel = (el: Element) => composer(el).querySelector<HTMLElement>('#bk-panel-preview') as HTMLElement;
/** The preview's own root, once its code has loaded. */
const previewRoot = (el: Element) => {
  const preview = previewPanel(el).querySelector('bk-comment-preview');
  return preview?.shadowRoot ?? null;
};
/** The same HTML as the browser reads it, so attribute order and quoting do not matter. */
const normalised = (source: string) => {
  const template = document.createElement('template');
  template.innerHTML = source;
  return template.innerHTML;
};

describe('<bk-thread> composer preview', () => {
  let token: string;
  beforeEach(async () => {
    token = await tokenFor(newPerson('Operations'));
    signIn(token);
  });
  afterEach(() => cleanup());

  it('shows the text as the server renders a posted comment, loading its code on first use', async () => {
    const key = freshKey();
    const el = await mountThread(`key="${key}" live="off"`);
    expect(customElements.get('bk-comment-preview')).toBeUndefined();
    const body = 'Thanks @amara.okafor — see **the case** and `code`:\n\n- one\n- https://intranet.contoso.example/cases/42';
    await userEvent.fill(page.getByRole('textbox', { name: 'Add a comment' }), body);
    await userEvent.click(page.getByRole('tab', { name: 'Preview' }));
    expect(tab(el, 'preview').getAttribute('aria-selected')).toBe('true');
    const rendered = await until(() => previewRoot(el)?.querySelector<HTMLElement>('[part="preview"]'));
    expect(rendered.querySelector('strong')?.textContent).toBe('the case');
    expect(rendered.querySelector('.bk-mention')?.textContent).toBe('@amara.okafor');
    expect(composer(el).querySelector<HTMLElement>('#bk-panel-write')?.hidden).toBe(true);

    // Posted from the Preview tab, the comment has exactly the HTML the preview showed.
    await userEvent.click(page.getByRole('button', { name: 'Post', exact: true }));
    await until(() => shadow(el).querySelector('article'));
    const stored = (await clientAs(null).threads.page({ key })).items[0] as Comment;
    expect(rendered.innerHTML.replace(/<!--[^>]*-->/g, '')).toBe(normalised(withOutsideLinks(stored.html ?? '')));
    // Posting empties the box and goes back to writing.
    expect(tab(el, 'write').getAttribute('aria-selected')).toBe('true');
    expect(composer(el).querySelector('textarea')?.value).toBe('');
  });

  it('is a tablist for the keyboard: arrows, Home and End move and select, Tab goes into the panel', async () => {
    const el = await mountThread(`key="${freshKey()}" live="off"`);
    await userEvent.fill(page.getByRole('textbox', { name: 'Add a comment' }), 'From the *keyboard*');
    const root = composer(el);
    expect(root.querySelector('[role="tablist"]')?.getAttribute('aria-labelledby')).toBe('bk-label');
    expect(tab(el, 'write').tabIndex).toBe(0);
    expect(tab(el, 'preview').tabIndex).toBe(-1);
    tab(el, 'write').focus();
    await userEvent.keyboard('{ArrowRight}');
    await until(() => root.activeElement === tab(el, 'preview'));
    expect(tab(el, 'preview').getAttribute('aria-selected')).toBe('true');
    expect(tab(el, 'write').tabIndex).toBe(-1);
    const rendered = await until(() => previewRoot(el)?.querySelector('[part="preview"] em'));
    expect(rendered.textContent).toBe('keyboard');
    await userEvent.keyboard('{Home}');
    await until(() => root.activeElement === tab(el, 'write'));
    expect(previewPanel(el).hidden).toBe(true);
    await userEvent.keyboard('{End}');
    await until(() => root.activeElement === tab(el, 'preview'));
    await userEvent.keyboard('{ArrowRight}');
    await until(() => root.activeElement === tab(el, 'write'));
    await userEvent.keyboard('{ArrowLeft}');
    await until(() => root.activeElement === tab(el, 'preview'));
    await userEvent.keyboard('{Tab}');
    expect(root.activeElement).toBe(previewPanel(el));
    expect(previewPanel(el).getAttribute('aria-labelledby')).toBe('bk-tab-preview');
    // Back to writing keeps the text.
    await userEvent.click(tab(el, 'write'));
    expect(root.querySelector('textarea')?.value).toBe('From the *keyboard*');
  });

  it('never runs untrusted text: script, handlers and javascript: links stay inert', async () => {
    const el = await mountThread(`key="${freshKey()}" live="off"`);
    const hostile = [
      '<img src=x onerror="window.__bkPreviewPwned=1">',
      '[click](javascript:window.__bkPreviewPwned=1)',
      '<script>window.__bkPreviewPwned=1</script>',
      '<a href="javascript:window.__bkPreviewPwned=1">a</a> <svg onload="window.__bkPreviewPwned=1"></svg>',
      '<iframe src="javascript:1"></iframe> <style>*{display:none}</style>',
    ].join('\n\n');
    await userEvent.fill(page.getByRole('textbox', { name: 'Add a comment' }), hostile);
    await userEvent.click(page.getByRole('tab', { name: 'Preview' }));
    const rendered = await until(() => previewRoot(el)?.querySelector<HTMLElement>('[part="preview"]'));
    expect(rendered.querySelectorAll(':is(script, iframe, svg, img, style, object, embed)')).toHaveLength(0);
    for (const node of rendered.querySelectorAll('*')) {
      expect(node.getAttributeNames().filter((n) => n.toLowerCase().startsWith('on'))).toEqual([]);
    }
    const hrefs = [...rendered.querySelectorAll('[href]')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => !/^(https?:|mailto:)/i.test(h.trim()))).toEqual([]);
    expect(rendered.textContent).toContain('<img src=x onerror="window.__bkPreviewPwned=1">');
    expect((window as { __bkPreviewPwned?: unknown }).__bkPreviewPwned).toBeUndefined();
  });

  it('says when there is nothing to preview, and when the text is too long, without asking the server', async () => {
    const el = await mountThread(`key="${freshKey()}" live="off"`);
    await userEvent.click(page.getByRole('tab', { name: 'Preview' }));
    await until(() => previewRoot(el)?.textContent?.includes('Nothing to preview yet.'));
    await userEvent.click(page.getByRole('tab', { name: 'Write' }));
    await userEvent.fill(page.getByRole('textbox', { name: 'Add a comment' }), 'x'.repeat(10_001));
    await userEvent.click(page.getByRole('tab', { name: 'Preview' }));
    const alert = await until(() => previewRoot(el)?.querySelector('[role="alert"]'));
    expect(alert.textContent).toBe('A comment can have at most 10,000 characters. Shorten it by 1.');
  });

  it('has no axe violations in either tab, light and dark, and speaks German', async () => {
    const el = await mountThread(`key="${freshKey()}" live="off"`);
    await userEvent.fill(page.getByRole('textbox', { name: 'Add a comment' }), 'Some **bold** text with a [link](https://example.com)');
    await expectNoAxeViolations(el);
    await userEvent.click(page.getByRole('tab', { name: 'Preview' }));
    await until(() => previewRoot(el)?.querySelector('[part="preview"] strong'));
    await expectNoAxeViolations(el);

    cleanup();
    const dark = await mountThread(`key="${freshKey()}" live="off" theme="dark"`);
    await userEvent.fill(page.getByRole('textbox', { name: 'Add a comment' }), 'Some **bold** text with a [link](https://example.com)');
    await userEvent.click(page.getByRole('tab', { name: 'Preview' }));
    await until(() => previewRoot(dark)?.querySelector('[part="preview"] a'));
    await expectNoAxeViolations(dark);

    cleanup();
    signIn(token, { locale: 'de-DE' });
    const de = await mountThread(`key="${freshKey()}" live="off"`);
    await until(() => tab(de, 'write')?.textContent?.trim() === 'Schreiben');
    expect(tab(de, 'preview').textContent?.trim()).toBe('Vorschau');
    await userEvent.click(tab(de, 'preview'));
    await until(() => previewRoot(de)?.textContent?.includes('Noch nichts für die Vorschau.'));
  });
});
