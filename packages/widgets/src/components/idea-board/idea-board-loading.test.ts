/** The board does not jump when its ideas arrive: its loading state is as tall as the list it becomes. */
import { describe, expect, inject, it } from 'vitest';
import { signInEachTest } from '../../../test/signed-in.ts';
import { apiBase, clientAs, mount, shadow, until } from '../../../test/support.ts';
import './idea-board.ts';
import type { BkIdeaBoard } from './idea-board.component.ts';

/** A board of its own with four ideas of the usual shape: a one-line title, a description longer than the three lines shown. */
async function boardWithFourIdeas(token: string) {
  const slug = `layout-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const res = await fetch(`${apiBase()}/v1/tenants/demo/boards`, {
    method: 'POST',
    headers: { authorization: `Bearer ${inject('adminToken')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ slug, name: 'Layout ideas', description: 'Ideas for a steady page.' }),
  });
  if (!res.ok) throw new Error(`board: ${res.status} ${await res.text()}`);
  const api = clientAs(token);
  const description = 'Month-end close takes the team three days of copying figures between systems by hand. '.repeat(6);
  for (let i = 1; i <= 4; i++) await api.ideas.create({ board: slug, title: `Steady idea ${i}`, description });
  return slug;
}

describe('<bk-idea-board> loading', () => {
  const token = signInEachTest('Finance');

  it('is as tall while it loads as with its ideas, so the page below does not move', async () => {
    const slug = await boardWithFourIdeas(token());
    // A page column as wide as the demo page's.
    const column = await mount<HTMLDivElement>(`<div style="width: 862px"><bk-idea-board board="${slug}"></bk-idea-board></div>`);
    const el = column.querySelector('bk-idea-board') as BkIdeaBoard;
    await el.updateComplete;
    const base = shadow(el).querySelector('section');
    // Measured in the loading state: the ideas are not there yet.
    expect(base?.getAttribute('aria-busy')).toBe('true');
    expect(shadow(el).querySelectorAll('.skeleton')).toHaveLength(4);
    const loading = el.getBoundingClientRect().height;

    await until(() => base?.getAttribute('aria-busy') === 'false' && shadow(el).querySelectorAll('.idea').length === 4);
    await el.updateComplete;
    const loaded = el.getBoundingClientRect().height;
    expect(shadow(el).querySelector('h2')?.textContent).toBe('Layout ideas');
    expect(Math.abs(loaded - loading)).toBeLessThanOrEqual(6);
  });
});
