import type { Idea } from '@bridgekit/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { BkIdeaCreateEvent } from '../../events/idea-create.ts';
import './idea-form.ts';
import type { BkIdeaForm } from './idea-form.component.ts';

async function mountForm() {
  const el = await mount<BkIdeaForm>('<bk-idea-form board="general"></bk-idea-form>');
  await until(() => shadow(el).querySelector('form'));
  return el;
}

describe('<bk-idea-form>: on behalf of a business leader', () => {
  afterEach(cleanup);

  it('lets a moderator record an idea for a leader, who becomes its author', async () => {
    const token = await tokenFor('mei');
    signIn(token);
    const el = await mountForm();
    const created: Idea[] = [];
    el.addEventListener(BkIdeaCreateEvent.type, (e) => created.push(e.idea));
    const summary = await until(() => shadow(el).querySelector<HTMLElement>('[part="on-behalf-of"] summary'));
    expect(summary.textContent).toBe('On behalf of a business leader');
    const stamp = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
    const leader = `Tomasz Leader ${stamp}`;
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), `Dashboards for the plant managers ${stamp}`);
    await userEvent.click(summary);
    // A wrong address is said at its field, and nothing is sent.
    await userEvent.fill(page.getByRole('textbox', { name: 'Leader’s name' }), leader);
    await userEvent.fill(page.getByRole('textbox', { name: /^Leader’s e-mail address/ }), 'not an address');
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    await until(() => shadow(el).querySelector('#bk-leaderEmail')?.getAttribute('aria-invalid') === 'true');
    expect(shadow(el).querySelector('#bk-leaderEmail-error')?.textContent).toBe('Give the leader’s e-mail address, like name@example.com.');
    expect(created).toHaveLength(0);
    await expectNoAxeViolations(el);

    await userEvent.fill(page.getByRole('textbox', { name: /^Leader’s e-mail address/ }), `leader-${stamp}@contoso.example`);
    await userEvent.fill(page.getByRole('textbox', { name: 'Leader’s business unit' }), 'Manufacturing');
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    await until(() => created.length === 1);
    const stored = await clientAs(token).ideas.get(created[0]?.id ?? '');
    expect(stored.author).toEqual({ name: leader, businessUnit: 'Manufacturing', unit: null });
    expect(stored.recordedBy).toEqual({ name: 'Mei Chen' });
    expect(stored.supporters).toBe(1);
  });

  it('is not offered to a member', async () => {
    signIn(await tokenFor(newPerson()));
    const el = await mountForm();
    // The role is known once `me` answered: the form is there, the disclosure is not.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shadow(el).querySelector('[part="on-behalf-of"]')).toBeNull();
  });

  it('sends no leader when the disclosure stays empty', async () => {
    const token = await tokenFor('mei');
    signIn(token);
    const el = await mountForm();
    const created: Idea[] = [];
    el.addEventListener(BkIdeaCreateEvent.type, (e) => created.push(e.idea));
    await until(() => shadow(el).querySelector('[part="on-behalf-of"]'));
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), `Mei's own idea ${Date.now()}`);
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    await until(() => created.length === 1);
    const stored = await clientAs(token).ideas.get(created[0]?.id ?? '');
    expect(stored.author.name).toBe('Mei Chen');
    expect(stored.recordedBy).toBeNull();
  });
});
