import type { BridgekitClient } from '@bridgekit/sdk';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import type { BkItemPicker } from '../../shared/item-picker.ts';
import './idea.ts';
import type { BkIdea } from './idea.component.ts';

// biome-ignore lint/performance/useDomNodeTextContent: the text as read, with a space between blocks, is what is checked.
const text = (el: Element | null | undefined) => ((el as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim();
const tag = () => `ch${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function mountIdea(id: string): Promise<BkIdea> {
  const el = await mount<BkIdea>(`<bk-idea idea="${id}"></bk-idea>`);
  await until(() => shadow(el).querySelector('article'));
  return el;
}

/** An author of their own: signed in, with a client for the API. */
async function author(bu = 'Finance'): Promise<{ token: string; api: BridgekitClient }> {
  const token = await tokenFor(newPerson(bu));
  return { token, api: clientAs(token) };
}

describe('<bk-idea>: changing an idea', () => {
  let moderatorToken: string;

  beforeAll(async () => {
    moderatorToken = await tokenFor('mei');
  });

  afterEach(cleanup);

  it('lets its author edit it from the keyboard, with field errors, and lists the text before', async () => {
    const { token, api } = await author();
    const idea = await api.ideas.create({ board: 'general', title: `Shared drive clean-up ${tag()}`, description: 'Old folders.' });
    signIn(token);
    const el = await mountIdea(idea.id);
    const root = shadow(el);
    const edit = await until(() => root.querySelector<HTMLButtonElement>('#bk-edit-open'));
    expect(root.querySelector('[part="edited"]')).toBeNull();
    edit.focus();
    await userEvent.keyboard('{Enter}');
    // The form opens in place of the text, with focus in the title.
    await until(() => root.activeElement?.id === 'bk-edit-title');
    expect(root.querySelector('[part="description"]')).toBeNull();
    await expectNoAxeViolations(el);

    // Escape cancels: the text is back, focus on Edit.
    await userEvent.keyboard('{Escape}');
    await until(() => root.activeElement?.id === 'bk-edit-open');
    expect(text(root.querySelector('[part="description"]'))).toBe('Old folders.');

    await userEvent.keyboard('{Enter}');
    await until(() => root.activeElement?.id === 'bk-edit-title');
    // Too short a title: said at the field, focus there, nothing sent.
    await userEvent.keyboard('{Control>}a{/Control}ab');
    // Enter in a text box submits the form.
    await userEvent.keyboard('{Enter}');
    await until(() => root.querySelector('#bk-edit-title')?.getAttribute('aria-invalid') === 'true');
    expect(text(root.querySelector('#bk-edit-title-error'))).toBe('What should IT make possible? Between 3 and 140 characters.');
    expect(root.activeElement?.id).toBe('bk-edit-title');
    expect((await api.ideas.revisions(idea.id)).length).toBe(0);

    const title = `Shared drive clean-up by team ${tag()}`;
    await userEvent.keyboard('{Control>}a{/Control}');
    await userEvent.keyboard(title);
    await userEvent.tab();
    expect(root.activeElement?.id).toBe('bk-edit-description');
    await userEvent.keyboard('{Control>}a{/Control}Old folders, owned by no one.');
    // Through the business case to Save.
    while (root.activeElement?.textContent?.trim() !== 'Save changes') await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await until(() => text(root.querySelector('#bk-idea-title')) === title);
    expect(text(root.querySelector('[part="description"]'))).toBe('Old folders, owned by no one.');
    expect(root.activeElement?.id).toBe('bk-edit-open');
    expect(text(root.querySelector('.actions')?.previousElementSibling)).toBe(`Your changes to “${title}” were saved.`);

    const revisions = await api.ideas.revisions(idea.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ title: idea.title, description: 'Old folders.', afterScoring: false });
    expect((await api.ideas.get(idea.id)).editedAt).not.toBeNull();

    // "Edited on …" and the earlier text behind "History (1)".
    expect(text(root.querySelector('[part="edited"]'))).toMatch(/^Edited on /);
    const summary = await until(() => root.querySelector<HTMLElement>('[part="revisions"] summary'));
    expect(text(summary)).toBe('History (1)');
    summary.focus();
    await userEvent.keyboard('{Enter}');
    const list = await until(() => root.querySelector('ol.revisions'));
    expect(text(list)).toContain(idea.title);
    expect(text(list)).toContain('Old folders.');
    expect(text(list)).toContain('Before the edit by');
    await expectNoAxeViolations(el);
  });

  it('says who recorded an idea on a leader’s behalf, and lets the recorder change it', async () => {
    const stamp = tag();
    const recorded = await clientAs(moderatorToken).ideas.create({
      board: 'general',
      title: `Recorded for a leader ${stamp}`,
      onBehalfOf: { name: `Rosa Leader ${stamp}`, email: `rosa-${stamp}@contoso.example`, businessUnit: 'Sales' },
    });
    signIn(moderatorToken);
    const el = await mountIdea(recorded.id);
    expect(text(shadow(el).querySelector('[part="meta"]'))).toContain(`Recorded by Mei Chen on behalf of Rosa Leader ${stamp}`);
    expect(shadow(el).querySelector('#bk-edit-open')).not.toBeNull();
    expect(shadow(el).querySelector('#bk-withdraw-open')).not.toBeNull();
    await expectNoAxeViolations(el);
  });

  it('does not offer Edit, Withdraw or Merge to another member', async () => {
    const { api } = await author();
    const idea = await api.ideas.create({ board: 'general', title: `Not yours to change ${tag()}` });
    signIn(await tokenFor(newPerson()));
    const el = await mountIdea(idea.id);
    expect(shadow(el).querySelector('[part="actions"]')).toBeNull();
  });

  it('lets its author withdraw it after confirming, with a reason', async () => {
    const { token, api } = await author();
    const idea = await api.ideas.create({ board: 'general', title: `Withdraw me ${tag()}` });
    signIn(token);
    const el = await mountIdea(idea.id);
    const root = shadow(el);
    await userEvent.click(page.getByRole('button', { name: 'Withdraw', exact: true }));
    // A confirmation in place, focus in its reason; Keep it closes it, nothing changes.
    await until(() => root.activeElement?.id === 'bk-withdraw-start');
    await expectNoAxeViolations(el);
    await userEvent.click(page.getByRole('button', { name: 'Keep it' }));
    await until(() => !root.querySelector('[part="withdraw-form"]'));
    expect(root.activeElement?.id).toBe('bk-withdraw-open');
    expect((await api.ideas.get(idea.id)).status.key).not.toBe('withdrawn');

    await userEvent.click(page.getByRole('button', { name: 'Withdraw', exact: true }));
    await userEvent.fill(page.getByRole('textbox', { name: 'Why (optional)' }), 'Solved by the new CRM rollout.');
    await userEvent.click(page.getByRole('button', { name: 'Withdraw the idea' }));
    await until(() => text(root.querySelector('[part="status"]')) === 'Withdrawn');
    const stored = await api.ideas.get(idea.id);
    expect(stored.status.key).toBe('withdrawn');
    expect(stored.closed).toBe(true);
    // Closed: nothing left to change.
    expect(root.querySelector('[part="actions"]')).toBeNull();
  });

  it('lets a moderator merge it into an idea of its board, then shows that one', async () => {
    const word = tag();
    const { api } = await author();
    const original = await api.ideas.create({ board: 'general', title: `Original ${word}` });
    const duplicate = await api.ideas.create({ board: 'general', title: `Duplicate ${word}` });
    signIn(moderatorToken);
    const el = await mountIdea(duplicate.id);
    const root = shadow(el);
    await userEvent.click(page.getByRole('button', { name: 'Merge into…' }));
    await userEvent.click(page.getByRole('button', { name: 'Merge', exact: true }));
    await until(() => text(root.querySelector('[part="merge-form"] [role="alert"]')) === 'Pick the idea to merge it into.');

    await userEvent.click(page.getByRole('combobox', { name: 'Idea to merge it into' }));
    await userEvent.keyboard(word);
    const picker = await until(() => root.querySelector<BkItemPicker>('#bk-merge-start'));
    await until(() => shadow(picker).querySelector('[role="option"]'));
    // The idea itself is never offered.
    expect([...shadow(picker).querySelectorAll('[role="option"] > span:first-child')].map((o) => o.textContent)).toEqual([original.title]);
    await userEvent.keyboard('{Enter}');
    await userEvent.click(page.getByRole('button', { name: 'Merge', exact: true }));
    await until(() => text(root.querySelector('#bk-idea-title')) === original.title);
    expect(text(root.querySelector('.merged'))).toContain('merged into this one');
    expect(root.activeElement?.id).toBe('bk-idea-title');
    expect((await clientAs(moderatorToken).ideas.get(duplicate.id)).id).toBe(original.id);
    await expectNoAxeViolations(el);
  });

  it('tells evaluators when the idea changed after it was scored', async () => {
    const { token, api } = await author();
    const idea = await api.ideas.create({ board: 'general', title: `Scored then changed ${tag()}` });
    const moderator = clientAs(moderatorToken);
    const board = await moderator.boards.get('general');
    const value = { scale: 3, tshirt: 'M', yesno: true, fibonacci: 3 } as const;
    await moderator.ideas.score(idea.id, Object.fromEntries(board.scorecard.criteria.map((c) => [c.key, value[c.kind]])));
    await api.ideas.edit(idea.id, { title: `${idea.title} and more` });
    signIn(token);
    const mine = await mountIdea(idea.id);
    // The author sees no such note: it is for evaluators.
    expect(shadow(mine).querySelector('[part="score-outdated"]')).toBeNull();
    cleanup();
    signIn(moderatorToken);
    const el = await mountIdea(idea.id);
    expect(text(shadow(el).querySelector('[part="score-outdated"]'))).toBe('Changed after it was scored — review the scores.');
    // A moderator edits too.
    expect(shadow(el).querySelector('#bk-edit-open')).not.toBeNull();
  });
});
