import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { BkIdeaCreateEvent } from '../../events/idea-create.ts';
import './idea-board.ts';
import type { BkIdeaBoard } from './idea-board.component.ts';

async function mountBoard(attrs = 'board="general"') {
  const el = await mount<BkIdeaBoard>(`<bk-idea-board ${attrs}></bk-idea-board>`);
  await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
  return el;
}

const titles = (el: Element) => [...shadow(el).querySelectorAll('.idea-title')].map((h) => h.textContent?.trim());
const voteButtons = (el: Element) =>
  [...shadow(el).querySelectorAll('bk-idea-vote')].map((v) => shadow(v).querySelector<HTMLButtonElement>('button') as HTMLButtonElement);
const announcement = (el: Element) => shadow(el).querySelector('.base > [role="status"]')?.textContent?.trim() ?? '';
const form = (el: Element) => shadow(shadow(el).querySelector('bk-idea-form') as Element);

describe('<bk-idea-board>', () => {
  let token: string;
  beforeEach(async () => {
    token = await tokenFor(newPerson('Operations'));
    signIn(token);
  });
  afterEach(cleanup);

  it("shows the board's name and its ideas, most backed first, with the person's own votes", async () => {
    const api = clientAs(token);
    const expected = await api.ideas.list({ board: 'general', sort: 'top' });
    const backed = expected.items[1];
    await api.ideas.vote(backed?.id ?? '');
    const el = await mountBoard();
    await expect.element(page.getByRole('heading', { level: 2, name: 'IT-enabled ideas' })).toBeVisible();
    // Other test files vote on this board at the same time: check the order against the counts shown.
    const counts = voteButtons(el).map((b) => Number(b.querySelector('[part="count"]')?.textContent));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(titles(el)).toEqual(
      expect.arrayContaining(['Automate invoice matching in accounts payable', 'Single sign-on for the supplier portal']),
    );
    const pressed = voteButtons(el).filter((b) => b.getAttribute('aria-pressed') === 'true');
    expect(pressed).toHaveLength(1);
    expect(pressed[0]?.textContent).toContain(backed?.title);
  });

  it('re-sorts by newest from the sort menu', async () => {
    const newest = await clientAs(token).ideas.list({ board: 'general', sort: 'new' });
    const el = await mountBoard();
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Sort by' }), 'new');
    await until(() => el.getAttribute('sort') === 'new' && titles(el)[0] === newest.items[0]?.title);
    expect(titles(el)).toEqual(newest.items.map((i) => i.title));
  });

  it('takes an idea from the keyboard alone, shows it first and announces it', async () => {
    const el = await mountBoard('board="finance-ops"');
    const created: BkIdeaCreateEvent[] = [];
    el.addEventListener(BkIdeaCreateEvent.type, (e) => created.push(e));
    const opener = shadow(el).querySelector<HTMLButtonElement>('.open-form');
    opener?.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(el).querySelector('bk-idea-form')?.shadowRoot?.activeElement?.id === 'bk-title');
    const title = `Keyboard idea ${Date.now()}`;
    await userEvent.keyboard(title);
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('Fewer manual journal entries.');
    // The board requires the problem and the kind of value.
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('Journals are keyed by hand.');
    await userEvent.keyboard('{Tab}{Tab}');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await userEvent.keyboard('{Shift>}{Tab}{Tab}{Tab}{Tab}{/Shift}');
    // Enter in a text field submits the form.
    await userEvent.keyboard('{Enter}');
    await until(() => announcement(el) === `Your idea “${title}” was submitted.`);
    expect(titles(el)[0]).toBe(title);
    expect(created[0]?.idea.title).toBe(title);
    expect(shadow(el).activeElement?.getAttribute('data-idea')).toBe(created[0]?.idea.id);
    const stored = await clientAs(token).ideas.get(created[0]?.idea.id ?? '');
    expect(stored).toMatchObject({
      title,
      description: 'Fewer manual journal entries.',
      author: { businessUnit: 'Operations' },
      businessCase: { problem: 'Journals are keyed by hand.', valueType: 'cost' },
    });
  });

  it('points at a title that is too short, without sending it', async () => {
    const before = (await clientAs(token).boards.get('finance-ops')).ideaCount;
    const el = await mountBoard('board="finance-ops"');
    await userEvent.click(page.getByRole('button', { name: 'Share an idea' }));
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), 'ab');
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    const input = await until(() => form(el).querySelector<HTMLInputElement>('#bk-title[aria-invalid="true"]'));
    expect(form(el).activeElement).toBe(input);
    expect(form(el).querySelector('#bk-title-error')?.textContent).toContain('Between 3 and 140 characters');
    // The fields the board requires are pointed at too, before anything is sent.
    expect(form(el).querySelector('#bk-problem')?.getAttribute('aria-invalid')).toBe('true');
    expect(form(el).querySelector('#bk-valueType-error')?.textContent).toBe('This board asks for this.');
    expect((await clientAs(token).boards.get('finance-ops')).ideaCount).toBe(before);
  });

  it("shows the server's field error when the server refuses a value", async () => {
    const el = await mountBoard('board="finance-ops"');
    await userEvent.click(page.getByRole('button', { name: 'Share an idea' }));
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), 'Ring the \u0007 bell');
    await userEvent.fill(page.getByRole('textbox', { name: /^The problem it solves/ }), 'Bells.');
    await userEvent.selectOptions(page.getByRole('combobox', { name: /^Kind of value/ }), 'risk');
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    await until(() => form(el).querySelector('#bk-title-error')?.textContent?.includes('control characters'));
    expect(form(el).querySelector('#bk-title')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('closes the form with Escape and returns focus to its button', async () => {
    const el = await mountBoard('board="finance-ops"');
    await userEvent.click(page.getByRole('button', { name: 'Share an idea' }));
    await until(() => shadow(el).querySelector('bk-idea-form')?.shadowRoot?.activeElement?.id === 'bk-title');
    await userEvent.keyboard('{Escape}');
    await until(() => shadow(el).activeElement?.classList.contains('open-form'));
    expect(shadow(el).querySelector('bk-idea-form')).toBeNull();
  });

  it('pages with "Show more ideas" and moves focus to the first new idea', async () => {
    const all = await clientAs(token).ideas.list({ board: 'general', limit: 100 });
    const el = await mountBoard('board="general" page-size="2"');
    expect(titles(el)).toHaveLength(2);
    await userEvent.click(page.getByRole('button', { name: 'Show more ideas' }));
    await until(() => titles(el).length === Math.min(4, all.items.length));
    expect(shadow(el).activeElement?.getAttribute('data-idea')).toBe(all.items[2]?.id);
  });

  it('invites the first idea on an empty board', async () => {
    const el = await mountBoard('board="innovation-lab"');
    expect(shadow(el).textContent).toContain('No ideas yet. Be the first to share one.');
  });

  it('is read-only when signed out', async () => {
    signIn(null);
    const el = await mountBoard();
    expect(shadow(el).querySelector('.open-form')).toBeNull();
    expect(shadow(el).textContent).toContain('Sign in to share and back ideas.');
    expect(voteButtons(el).every((b) => b.getAttribute('aria-disabled') === 'true')).toBe(true);
  });

  it('explains an unknown board', async () => {
    const el = await mountBoard('board="no-such-board"');
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('This board does not exist.');
  });

  it('explains an unreachable API and retries on request', async () => {
    signIn(token, { apiBase: 'http://127.0.0.1:9' });
    const el = await mountBoard();
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('Bridgekit cannot be reached right now.');
    signIn(token);
    await until(() => titles(el).length > 0);
  });

  it('has no axe violations, listing or with the form open', async () => {
    const el = await mountBoard();
    await expectNoAxeViolations(el);
    await userEvent.click(page.getByRole('button', { name: 'Share an idea' }));
    await until(() => shadow(el).querySelector('bk-idea-form')?.shadowRoot?.querySelector('form'));
    await expectNoAxeViolations(el);
  });
});

describe('<bk-idea-board tenant="…"> on a page that names no tenant', () => {
  afterEach(cleanup);

  it('passes its tenant to the vote controls inside it, which then load and vote', async () => {
    const token = await tokenFor(newPerson('Legal'));
    signIn(token, { tenant: undefined });
    const el = await mountBoard('board="general" tenant="demo"');
    const buttons = voteButtons(el);
    expect(buttons.length).toBeGreaterThan(0);
    const first = buttons[0] as HTMLButtonElement;
    const before = first.getAttribute('aria-pressed');
    first.click();
    await until(() => first.getAttribute('aria-pressed') !== before);
  });
});
