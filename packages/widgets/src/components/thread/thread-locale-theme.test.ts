import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import '../comment-count/comment-count.ts';
import './thread.ts';

const DARK = { surface: 'rgb(31, 31, 31)', text: 'rgb(255, 255, 255)' };
const LIGHT = { surface: 'rgb(255, 255, 255)', text: 'rgb(36, 36, 36)' };
const colours = (el: Element) => {
  const style = getComputedStyle(el);
  return { surface: style.backgroundColor, text: style.color };
};
const base = (el: Element) => shadow(el).querySelector('section.thread') as Element;

async function mountThread(markup: string) {
  const wrapper = await mount(`<div>${markup}</div>`);
  const el = wrapper.querySelector('bk-thread') as Element;
  await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
  return el;
}
const reply = (el: Element, id: string) =>
  shadow(el).querySelector<HTMLButtonElement>(`button[data-action="reply"][data-for="${id}"]`) as HTMLButtonElement;
const action = (el: Element, name: string, id: string) =>
  shadow(el).querySelector<HTMLButtonElement>(`button[data-action="${name}"][data-for="${id}"]`) as HTMLButtonElement;
/** Opens a comment's "…" menu or reaction picker (loaded on first use) and answers it. */
async function open(el: Element, name: 'more' | 'react', id: string) {
  await userEvent.click(action(el, name, id));
  return until(() => shadow(el).querySelector(`[data-menu="${id}"]`));
}

describe('discussion widgets in German', () => {
  afterEach(cleanup);

  it('show the demo discussion in German: heading, count, relative and full dates, composer; axe-clean', async () => {
    signIn(await tokenFor('amara'), { locale: 'de-DE' });
    const expected = await clientAs(null).threads.page({ key: 'demo-war-stories' });
    const el = await mountThread('<bk-thread key="demo-war-stories" live="off"></bk-thread>');
    await expect.element(page.getByRole('heading', { level: 2, name: /^Diskussion/ })).toBeVisible();
    expect(shadow(el).querySelector('[part="count"]')?.textContent).toBe(`${expected.thread?.commentCount} Kommentare`);
    await expect.element(page.getByRole('combobox', { name: 'Sortieren nach' })).toBeVisible();
    // Seeded hours ago: "vor 5 Stunden", with the full date and time in German on hover.
    const times = [...shadow(el).querySelectorAll('article time')];
    expect(times.length).toBeGreaterThan(2);
    const full = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
    for (const time of times) {
      expect(time.textContent).toMatch(/^(vor \d+ (Minuten?|Stunden?|Tagen)|vor 1 Tag|gestern|vorgestern|jetzt)$/);
      expect(time.getAttribute('title')).toBe(full.format(new Date(time.getAttribute('datetime') ?? '')));
      expect(time.getAttribute('title')).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    }
    const amara = shadow(el).querySelector('article[data-comment="demo-comment-1"]');
    expect(amara?.querySelector('[part="actions"]')?.getAttribute('aria-label')).toBe('Aktionen zum Kommentar von Amara Okafor');
    // The composer is an element of its own inside the thread: it speaks German too.
    await expect.element(page.getByRole('textbox', { name: 'Kommentar schreiben' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Senden', exact: true })).toBeVisible();
    await expectNoAxeViolations(el);
    await userEvent.click(reply(el, 'demo-comment-3'));
    await userEvent.fill(page.getByRole('textbox', { name: 'Antwort an Mei Chen' }), 'Danke, Mei.');
    await expect.element(page.getByRole('button', { name: 'Antwort senden' })).toBeVisible();
    await expectNoAxeViolations(el);
    // The menu, the picker and their texts load on first use, in German too.
    expect(action(el, 'react', 'demo-comment-3').getAttribute('aria-label')).toBe('Reaktion hinzufügen');
    const menu = await open(el, 'more', 'demo-comment-1');
    const items = [...menu.querySelectorAll('[role="menuitem"]')].map((b) => b.textContent?.trim());
    expect(items.slice(0, 2)).toEqual(['Bearbeiten', 'Löschen']);
    expect(items).toContain('Link kopieren');
    await expectNoAxeViolations(el);
    await userEvent.keyboard('{Escape}');
    const picker = await open(el, 'react', 'demo-comment-3');
    expect(picker.getAttribute('aria-label')).toBe('Reaktionen');
    expect([...picker.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual([
      'Gefällt mir',
      'Aufschlussreich',
      'Begeistert',
    ]);
    const composer = shadow(el).querySelector('bk-comment-composer') as Element;
    expect(shadow(composer).querySelector('#bk-hint .keys')?.textContent).toBe('Strg+Eingabe sendet.');
  });

  it('count comments in German, with German plural forms', async () => {
    signIn(null, { locale: 'de-CH' });
    const key = `widget-count-de-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    await clientAs(await tokenFor(newPerson())).threads.post({ key, body: 'Eins' });
    const wrapper = await mount(
      `<p><bk-comment-count key="demo-war-stories"></bk-comment-count> <bk-comment-count key="${key}"></bk-comment-count> <bk-comment-count key="${key}-quiet"></bk-comment-count></p>`,
    );
    const [demo, one, none] = [...wrapper.querySelectorAll('bk-comment-count')] as Element[];
    const text = (el: Element | undefined) => (el && shadow(el).querySelector('[part="count"]')?.textContent) || '';
    await until(() => text(demo) && text(one) && text(none));
    expect(text(demo)).toMatch(/^\d+ Kommentare$/);
    expect(text(one)).toBe('1 Kommentar');
    expect(text(none)).toBe('Noch keine Kommentare');
  });
});

describe('discussion widgets in light and dark', () => {
  afterEach(cleanup);

  it('turn dark with theme="dark", composer and reply form included; axe-clean in dark', async () => {
    signIn(await tokenFor('amara'));
    const el = await mountThread('<bk-thread key="demo-war-stories" live="off" theme="dark"></bk-thread>');
    expect(colours(base(el))).toEqual(DARK);
    const composer = shadow(el).querySelector('bk-comment-composer') as Element;
    const textarea = shadow(composer).querySelector('textarea') as Element;
    expect(getComputedStyle(textarea).color).toBe(DARK.text);
    await expectNoAxeViolations(el);
    await userEvent.click(reply(el, 'demo-comment-3'));
    await userEvent.fill(page.getByRole('textbox', { name: 'Reply to Mei Chen' }), 'Thanks, Mei.');
    await expectNoAxeViolations(el);
    // The menu and the picker take the dark colours too.
    const menu = await open(el, 'more', 'demo-comment-1');
    expect(getComputedStyle(menu).backgroundColor).toBe(DARK.surface);
    await expectNoAxeViolations(el);
    await userEvent.keyboard('{Escape}');
    await open(el, 'react', 'demo-comment-3');
    await expectNoAxeViolations(el);
  });

  it('take the page’s theme when they have none', async () => {
    signIn(null, { theme: 'dark' });
    const el = await mountThread('<bk-thread key="demo-war-stories" live="off"></bk-thread>');
    expect(colours(base(el))).toEqual(DARK);
    await expectNoAxeViolations(el);
    el.setAttribute('theme', 'light');
    await until(() => colours(base(el)).surface === LIGHT.surface);
    expect(colours(base(el))).toEqual(LIGHT);
  });
});
