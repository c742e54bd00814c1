import type { PracticeCard } from '@bridgekit/sdk';
import { afterEach, describe, expect, inject, it } from 'vitest';
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
import './value-plan.ts';
import { BkValuePlan } from './value-plan.component.ts';

/**
 * A unit of its own for each test, with a relationship manager who writes a value plan card about
 * it (the plan's editor), a benefit owner, and someone of another unit. The unit and its team are
 * set up through the units API with the dev Worker's platform admin token, as an admin would.
 */
async function setUp() {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const unit = { key: `vp-${suffix}`, name: `Value unit ${suffix}` };
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
  const [rm, owner, plain] = await Promise.all([person('IT'), person(unit.name), person('Sales')]);
  const team = await asAdmin('PUT', `/units/${unit.key}/team`, { businessPartners: [], relationshipManagers: [rm.handle] });
  if (!team.ok) throw new Error(`team: ${team.status} ${await team.text()}`);
  const idea = await rm.client.ideas.create({ board: 'general', title: `Match invoices automatically ${suffix}` });
  const plan: PracticeCard = await rm.client.cards.create({
    templateId: 'value-realization-plan',
    title: `Value plan ${suffix}`,
    fields: {
      initiative: { kind: 'idea', id: idea.id },
      targetBenefits: 'Fewer manual matches.',
      strategicAlignment: [{ kind: 'idea', id: idea.id }],
      timeframe: 'long-term',
      benefitsOwner: { handle: owner.handle, name: 'Owner' },
      metrics: [{ metric: 'Manual matches per month', kind: 'direct' }],
    },
    unit: unit.key,
  });
  const hours = await rm.client.value.addBenefit(plan.id, {
    title: 'Fewer manual matches',
    measure: 'hours/month',
    baseline: 320,
    target: 80,
    benefitClass: 'hard',
    owner: owner.handle,
    dueOn: '2027-12-31',
  });
  await owner.client.value.recordActual(hours.id, { measuredOn: '2026-03-31', value: 200 });
  return { unit, rm, owner, plain, plan, hours };
}

const text = (el: BkValuePlan) => shadow(el).textContent?.replace(/\s+/g, ' ') ?? '';

describe('<bk-value-plan>', () => {
  afterEach(cleanup);

  it('is registered under its tag, and asks for a card without one', async () => {
    expect(customElements.get('bk-value-plan')).toBe(BkValuePlan);
    signIn(null);
    const el = await mount<BkValuePlan>('<bk-value-plan></bk-value-plan>');
    await until(() => text(el).includes('No plan chosen'));
    await expectNoAxeViolations(el);
  });

  it('shows a reader the benefits, the latest actual, the progress and the totals per measure, with no forms', async () => {
    const ctx = await setUp();
    signIn(ctx.plain.token);
    const el = await mount<BkValuePlan>(`<bk-value-plan card-id="${ctx.plan.id}"></bk-value-plan>`);
    await until(() => shadow(el).querySelector('table'));
    const row = page.getByRole('row', { name: /Fewer manual matches/ }).element();
    expect(row.textContent?.replace(/\s+/g, ' ')).toMatch(/hours\/month 320 80 200 on Mar 31, 2026 -120 of -240/);
    expect(row.textContent).toContain('Hard');
    await expect.element(page.getByRole('progressbar', { name: 'Fewer manual matches: 50% of the planned value delivered' })).toBeVisible();
    expect(text(el)).toContain('hours/month: -120 delivered of -240 planned (1 benefit)');
    expect(shadow(el).querySelector('form')).toBeNull();
    await expectNoAxeViolations(el);
  });

  it('lets the plan’s editor add a benefit and record an actual from the keyboard, and says so', async () => {
    const ctx = await setUp();
    signIn(ctx.rm.token);
    const el = await mount<BkValuePlan>(`<bk-value-plan card-id="${ctx.plan.id}"></bk-value-plan>`);
    await until(() => shadow(el).querySelector('form'));
    await expectNoAxeViolations(el);

    const add = page.getByRole('form', { name: 'Add a benefit' });
    await add.getByRole('textbox', { name: 'Benefit' }).fill('Fewer late-payment fees');
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('EUR/quarter');
    await add.getByRole('spinbutton', { name: 'Baseline' }).fill('12000');
    await add.getByRole('spinbutton', { name: 'Target' }).fill('3000');
    await add.getByRole('combobox', { name: 'Class' }).selectOptions('Cash-releasing');
    await add.getByRole('button', { name: 'Add the benefit' }).click();
    await until(() => shadow(el).querySelector('[role="status"]')?.textContent === 'Benefit “Fewer late-payment fees” added.');
    expect(text(el)).toContain('EUR/quarter: 0 delivered of -9,000 planned (1 benefit)');

    const record = page.getByRole('form', { name: 'Record an actual' });
    await record.getByRole('combobox', { name: 'Benefit' }).selectOptions('Fewer late-payment fees (EUR/quarter)');
    await record.getByRole('spinbutton', { name: 'Value' }).fill('9000');
    await record.getByRole('button', { name: 'Record the actual' }).click();
    await until(
      () =>
        shadow(el).querySelector('[role="status"]')?.textContent ===
        'Actual of “Fewer late-payment fees” recorded: -3,000 of -9,000 delivered.',
    );
    expect(text(el)).toContain('EUR/quarter: -3,000 delivered of -9,000 planned (1 benefit)');
    const plan = await ctx.rm.client.value.plan(ctx.plan.id);
    expect(plan.items.map((b) => [b.title, b.delivered])).toEqual([
      ['Fewer manual matches', -120],
      ['Fewer late-payment fees', -3000],
    ]);
  });

  it('gives a benefit’s owner only the actual form, and shows the API’s refusal of a day to come', async () => {
    const ctx = await setUp();
    signIn(ctx.owner.token);
    const el = await mount<BkValuePlan>(`<bk-value-plan card-id="${ctx.plan.id}"></bk-value-plan>`);
    await until(() => shadow(el).querySelector('form'));
    expect(shadow(el).querySelectorAll('form')).toHaveLength(1);
    const record = page.getByRole('form', { name: 'Record an actual' });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await record.getByLabelText('Measured on').fill(tomorrow);
    await record.getByRole('spinbutton', { name: 'Value' }).fill('150');
    await record.getByRole('button', { name: 'Record the actual' }).click();
    await expect.element(page.getByRole('alert')).toHaveTextContent(`An actual records what was measured: ${tomorrow} is after today.`);
    expect((await ctx.owner.client.value.plan(ctx.plan.id)).items[0]?.actuals).toHaveLength(1);
    await expectNoAxeViolations(el);
  });

  it('shows nothing of a plan kept to its unit’s team to anyone else, in the reader’s language', async () => {
    const ctx = await setUp();
    await ctx.rm.client.cards.update(ctx.plan.id, {
      baseVersion: ctx.plan.version,
      title: ctx.plan.title,
      fields: ctx.plan.fields,
      visibility: 'unit',
    });
    signIn(ctx.plain.token, { locale: 'de' });
    const el = await mount<BkValuePlan>(`<bk-value-plan card-id="${ctx.plan.id}"></bk-value-plan>`);
    await until(() => text(el).includes('Hier gibt es keinen Nutzenplan, den Sie sehen dürfen.'));
    expect(shadow(el).querySelector('h2')?.textContent).toBe('Nutzenplan');
    expect(text(el)).not.toContain('Fewer manual matches');
    await expectNoAxeViolations(el);
  });
});
