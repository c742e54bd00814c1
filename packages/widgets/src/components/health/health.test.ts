import { HEALTH_ITEMS, type HealthRound } from '@bridgekit/sdk';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import {
  apiBase,
  cleanup,
  clientAs,
  expectNoAxeViolations,
  mount,
  newPerson,
  shadow,
  signIn,
  tokenFor,
  until,
} from '../../../test/support.ts';
import './health.ts';
import { BkHealth } from './health.component.ts';

/**
 * A unit of its own for each test, with a relationship manager, one business person of the unit
 * and one IT person, each known to the community (one write each). The unit and its team are set
 * up through the units API with the dev Worker's platform admin token, as an admin would.
 */
async function setUp() {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const unit = { key: `hw-${suffix}`, name: `Health unit ${suffix}` };
  const asAdmin = (method: string, path: string, body: unknown) =>
    fetch(`${apiBase()}/v1/tenants/demo${path}`, {
      method,
      headers: { authorization: `Bearer ${inject('adminToken')}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const created = await asAdmin('POST', '/units', { key: unit.key, name: unit.name, side: 'demand' });
  if (!created.ok) throw new Error(`unit: ${created.status} ${await created.text()}`);
  const person = async (bu: string) => {
    const token = await tokenFor(newPerson(bu));
    const client = clientAs(token);
    await client.subscriptions.follow('board', 'general');
    return { token, client, handle: (await client.me()).user?.handle as string };
  };
  const [rm, biz, it, plain] = await Promise.all([person('IT'), person(unit.name), person('IT'), person('Sales')]);
  const team = await asAdmin('PUT', `/units/${unit.key}/team`, { businessPartners: [], relationshipManagers: [rm.handle] });
  if (!team.ok) throw new Error(`team: ${team.status} ${await team.text()}`);
  const openRound = async (title: string) => {
    const round = await rm.client.health.create({ unit: unit.key, title, closesOn: '2099-03-31' });
    await rm.client.health.invite(round.id, [
      { handle: biz.handle, side: 'business' },
      { handle: it.handle, side: 'provider' },
    ]);
    return round;
  };
  return { unit, rm, biz, it, plain, openRound };
}

const every = (score: number) => HEALTH_ITEMS.map((item) => ({ item: item.key, score }));
const text = (el: BkHealth) => shadow(el).textContent?.replace(/\s+/g, ' ') ?? '';

describe('<bk-health>', () => {
  afterEach(cleanup);

  it('is registered under its tag, and asks for a unit without one', async () => {
    expect(customElements.get('bk-health')).toBe(BkHealth);
    signIn(null);
    const el = await mount<BkHealth>('<bk-health></bk-health>');
    await until(() => text(el).includes('No business unit chosen'));
    await expectNoAxeViolations(el);
  });

  describe('for an invitee', () => {
    let ctx: Awaited<ReturnType<typeof setUp>>;
    let round: HealthRound;
    beforeEach(async () => {
      ctx = await setUp();
      round = await ctx.openRound('First round');
    });

    it("opens the round the page's address names when it has no unit, as an invitation's link does", async () => {
      signIn(ctx.biz.token);
      history.replaceState(null, '', `#bk-health=${encodeURIComponent(round.id)}`);
      try {
        const el = await mount<BkHealth>('<bk-health></bk-health>');
        await until(() => shadow(el).querySelectorAll('fieldset').length === HEALTH_ITEMS.length);
        expect(text(el)).toContain('Your answers: First round');
        // Another round's link on the same page: it follows the address.
        history.replaceState(null, '', '#bk-health=no-such-round');
        window.dispatchEvent(new HashChangeEvent('hashchange'));
        await until(() => shadow(el).querySelectorAll('fieldset').length === 0);
      } finally {
        history.replaceState(null, '', location.pathname + location.search);
      }
    });

    it('shows the form, takes scores from the keyboard and a comment, saves them, and says so', async () => {
      signIn(ctx.biz.token);
      const el = await mount<BkHealth>(`<bk-health unit="${ctx.unit.key}"></bk-health>`);
      await until(() => shadow(el).querySelectorAll('fieldset').length === HEALTH_ITEMS.length);
      expect(text(el)).toContain('Your answers: First round');
      expect(text(el)).toContain('as you see it from the business side');
      const first = page.getByRole('group', { name: 'Understands our business' });
      await expect.element(first).toBeVisible();
      await expectNoAxeViolations(el);

      // A click on 3, then the arrow key moves the choice to 4, as in any native radio group.
      await first.getByRole('radio', { name: '3', exact: true }).click();
      await userEvent.keyboard('{ArrowRight}');
      await expect.element(first.getByRole('radio', { name: '4', exact: true })).toBeChecked();
      await first.getByRole('textbox').fill('Knows our processes, not yet our plans');
      await page.getByRole('group', { name: 'Involves IT early' }).getByRole('radio', { name: '1 – poor' }).click();
      await page.getByRole('button', { name: 'Save my answers' }).click();

      await until(
        () =>
          shadow(el).querySelector('[role="status"]')?.textContent ===
          'Your answers are saved. You can change them until the round closes.',
      );
      const saved = await ctx.biz.client.health.get(round.id);
      expect(saved.mine?.answers).toEqual([
        { item: 'understands-business', score: 4, comment: 'Knows our processes, not yet our plans' },
        { item: 'involves-it-early', score: 1, comment: null },
      ]);

      el.remove();
      const again = await mount<BkHealth>(`<bk-health unit="${ctx.unit.key}"></bk-health>`);
      await until(() => text(again).includes('You answered 2 items.'));
      await expect
        .element(page.getByRole('group', { name: 'Understands our business' }).getByRole('radio', { name: '4', exact: true }))
        .toBeChecked();
    });

    it('asks for at least one score before saving', async () => {
      signIn(ctx.it.token);
      const el = await mount<BkHealth>(`<bk-health unit="${ctx.unit.key}"></bk-health>`);
      await until(() => text(el).includes('from the IT (provider) side'));
      await page.getByRole('button', { name: 'Save my answers' }).click();
      await expect.element(page.getByRole('alert')).toHaveTextContent('Score at least one item before saving.');
      expect((await ctx.it.client.health.get(round.id)).mine?.respondedAt).toBeNull();
    });

    it('shows nothing of the unit to people who are neither invited nor on its team, nor to people signed out', async () => {
      for (const token of [ctx.plain.token, null]) {
        signIn(token);
        performance.clearResourceTimings();
        const el = await mount<BkHealth>(`<bk-health unit="${ctx.unit.key}"></bk-health>`);
        await until(() => text(el).includes('There is nothing of this unit’s relationship health for you to see'));
        expect(shadow(el).querySelector('form, table')).toBeNull();
        // It does not ask for what only the team reads (a 404 would land in the page's console).
        const asked = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
        expect(asked.filter((path) => path.endsWith('/health-trend') || path.endsWith('/results'))).toEqual([]);
        await expectNoAxeViolations(el);
        cleanup();
      }
    });
  });

  describe('for the relationship team', () => {
    it('says when the unit has had no round yet, in the reader’s language', async () => {
      const ctx = await setUp();
      signIn(ctx.rm.token, { locale: 'de' });
      const el = await mount<BkHealth>(`<bk-health unit="${ctx.unit.key}"></bk-health>`);
      await until(() => text(el).includes('Für diesen Bereich gab es noch keine Runde.'));
      expect(shadow(el).querySelector('h2')?.textContent).toBe('Beziehungs-Check');
    });

    it('shows only counts while the round is open, closes it, then shows the results, the maturity the weaker side supports and the trend', async () => {
      const ctx = await setUp();
      const round = await ctx.openRound('Perception gap');
      await ctx.biz.client.health.answer(round.id, [
        ...every(2).slice(1),
        { item: every(2)[0]?.item as string, score: 2, comment: 'Slow to answer' },
      ]);
      await ctx.it.client.health.answer(round.id, every(5));

      signIn(ctx.rm.token);
      const el = await mount<BkHealth>(`<bk-health unit="${ctx.unit.key}"></bk-health>`);
      await until(() => text(el).includes('Open round: Perception gap'));
      expect(text(el)).toContain('Answers so far: business 1 of 1 invited, IT 1 of 1 invited.');
      expect(shadow(el).querySelector('table')).toBeNull();
      expect(text(el)).not.toContain('Slow to answer');
      await expectNoAxeViolations(el);

      await page.getByRole('button', { name: 'Close the round' }).click();
      await until(() => shadow(el).activeElement?.id === 'bk-health-results');
      expect(shadow(el).querySelector('[role="status"]')?.textContent).toBe('The round is closed: its results are below.');
      expect(text(el)).toContain('Business: 1 of 1 answered. IT: 1 of 1 answered.');
      expect(text(el)).toContain('Estimated maturity: 2 · Order taker');
      expect(text(el)).toContain('The business side’s scores support level 2 and the IT (provider) side’s level 5');
      const results = page.getByRole('table', { name: /Mean score per item/ });
      const row = results.getByRole('row', { name: /Understands our business/ }).element();
      expect(row.textContent?.replace(/\s+/g, ' ')).toMatch(/2\.0 5\.0 [−-]3\.0 large gap/);
      expect(text(el)).toContain('Slow to answer');
      await expect
        .element(page.getByRole('table', { name: /Closed rounds, oldest first/ }).getByRole('row', { name: /Perception gap/ }))
        .toBeVisible();
      await expectNoAxeViolations(el);
    });
  });
});
