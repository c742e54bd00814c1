import type { Idea, Objective } from '@bridgekit/sdk';
import { describe, expect, inject, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { signInEachTest } from '../../../test/signed-in.ts';
import { apiBase, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import { BkIdeaCreateEvent } from '../../events/idea-create.ts';
import './idea-form.ts';
import type { BkIdeaForm } from './idea-form.component.ts';

/**
 * A demand-side unit of its own with `count` objectives: the unit and its relationship manager are
 * set up with the dev Worker's platform admin token, as an admin would; the manager adds the objectives.
 */
async function unitWithObjectives(count: number) {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const unit = { key: `if-${suffix}`, name: `Intake unit ${suffix}` };
  const asAdmin = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${apiBase()}/v1/tenants/demo${path}`, {
      method,
      headers: { authorization: `Bearer ${inject('adminToken')}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  };
  await asAdmin('POST', '/units', { ...unit, side: 'demand' });
  const rm = clientAs(await tokenFor(newPerson('IT')));
  // Following something gives a person the handle a team names them by.
  await rm.subscriptions.follow('board', 'general');
  await asAdmin('PUT', `/units/${unit.key}/team`, { businessPartners: [], relationshipManagers: [(await rm.me()).user?.handle] });
  const objectives: Objective[] = [];
  for (let i = 1; i <= count; i++) objectives.push(await rm.objectives.create(unit.key, { title: `Objective ${i} of ${suffix}` }));
  return { ...unit, objectives };
}

async function mountForm(board = 'general') {
  const el = await mount<BkIdeaForm>(`<bk-idea-form board="${board}"></bk-idea-form>`);
  await until(() => shadow(el).querySelector('form'));
  return el;
}

const unitSelect = () => page.getByRole('combobox', { name: /^Who benefits/ });

describe('<bk-idea-form>: sorting the idea for the intake', () => {
  const token = signInEachTest('Finance');

  it("offers the tenant's demand classes, in the reader's language", async () => {
    const { demandClasses } = await clientAs(token()).me();
    const el = await mountForm();
    const select = await until(() => shadow(el).querySelector<HTMLSelectElement>('select#bk-demandClass'));
    expect([...select.options].map((o) => o.textContent?.trim())).toEqual(['Choose…', ...demandClasses.map((c) => c.label)]);
    expect(shadow(el).querySelector('label[for="bk-demandClass"]')?.textContent).toBe('Kind of demand');
    el.remove();

    signIn(token(), { locale: 'de' });
    const de = await mountForm();
    const label = await until(() => shadow(de).querySelector('label[for="bk-demandClass"]'));
    await until(() => label.textContent === 'Art des Bedarfs');
    const options = [...(shadow(de).querySelector<HTMLSelectElement>('select#bk-demandClass')?.options ?? [])].map((o) =>
      o.textContent?.trim(),
    );
    expect(options).toEqual(['Bitte wählen …', ...demandClasses.map((c) => c.translations?.de?.label ?? c.label)]);
    expect(shadow(de).querySelector('label[for="bk-sponsor"]')?.textContent).toBe('Sponsor im Fachbereich');
  });

  // A long path of clicks (ten ticks, a look-up, a submit): more than the default 20 s on a loaded machine.
  it("shows the sponsoring unit's objectives in place of the free text, five at most, and sends the sorting", {
    timeout: 60_000,
  }, async () => {
    const unit = await unitWithObjectives(6);
    const el = await mountForm();
    const created: Idea[] = [];
    el.addEventListener(BkIdeaCreateEvent.type, (e) => created.push(e.idea));
    await until(() => shadow(el).querySelector(`select#bk-beneficiary option[value="${unit.key}"]`));
    expect(shadow(el).querySelector('#bk-objective')).not.toBeNull();
    await userEvent.selectOptions(unitSelect(), unit.key);
    const legend = await until(() => shadow(el).querySelector('fieldset.objectives legend'));
    expect(legend.textContent?.trim()).toBe(`Which of ${unit.name}’s objectives does it serve?`);
    // The free-text objective makes way for the unit's own.
    expect(shadow(el).querySelector('#bk-objective')).toBeNull();
    const boxes = () => [...shadow(el).querySelectorAll<HTMLInputElement>('input[name="objectives"]')];
    expect(boxes().map((b) => b.value)).toEqual(unit.objectives.map((o) => o.id));

    // Five ticked: the sixth is disabled, and the hint says why.
    for (const o of unit.objectives.slice(0, 5)) await userEvent.click(page.getByRole('checkbox', { name: o.title }));
    await until(() => boxes()[5]?.disabled);
    expect(boxes().filter((b) => b.disabled)).toHaveLength(1);
    expect(shadow(el).querySelector('#bk-objectives-hint')?.textContent?.trim()).toBe(
      'An idea serves at most 5 objectives: untick one to choose another.',
    );
    await expectNoAxeViolations(el);
    // Unticking one frees the others; the keyboard ticks as well.
    await userEvent.click(page.getByRole('checkbox', { name: unit.objectives[0]?.title }));
    await until(() => !boxes()[5]?.disabled);
    for (const o of unit.objectives.slice(2, 5)) await userEvent.click(page.getByRole('checkbox', { name: o.title }));
    boxes()[5]?.focus();
    await userEvent.keyboard(' ');
    await until(() => boxes()[5]?.checked);

    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), `Close the books faster ${unit.key}`);
    await userEvent.selectOptions(page.getByRole('combobox', { name: /^Kind of demand/ }), 'grow');
    const sponsor = page.getByRole('combobox', { name: /^Business sponsor/ });
    await userEvent.fill(sponsor, 'Amara');
    // The list fills with people as the name is typed: name and handle.
    const option = await until(() => shadow(el).querySelector('datalist#bk-sponsor-people option[value="amara.okafor"]'));
    expect(option.textContent).toBe('Amara Okafor (@amara.okafor)');
    await userEvent.fill(sponsor, 'amara.okafor');
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    await until(() => created.length === 1);

    const stored = await clientAs(token()).ideas.get(created[0]?.id ?? '');
    const served = [unit.objectives[1], unit.objectives[5]];
    expect(stored.sponsor).toMatchObject({ handle: 'amara.okafor', name: 'Amara Okafor' });
    expect(stored.demandClass?.key).toBe('grow');
    expect(stored.unit?.key).toBe(unit.key);
    expect(stored.objectives.map((o) => o.id)).toEqual(served.map((o) => o?.id));
    // A board that asks for an objective reads the ticked ones' titles.
    expect(stored.businessCase.objective).toBe(served.map((o) => o?.title).join('; '));
    // The form starts over: no unit, so the free text is back.
    await until(() => shadow(el).querySelector('#bk-objective'));
    expect(shadow(el).querySelector('fieldset.objectives')).toBeNull();
  });

  it('follows the latest pick of the unit, and keeps the free text for a unit without objectives', async () => {
    const [first, second, none] = await Promise.all([unitWithObjectives(2), unitWithObjectives(1), unitWithObjectives(0)]);
    const el = await mountForm();
    await until(() => shadow(el).querySelector(`select#bk-beneficiary option[value="${second.key}"]`));
    await userEvent.selectOptions(unitSelect(), first.key);
    await userEvent.selectOptions(unitSelect(), second.key);
    const legend = await until(() => shadow(el).querySelector('fieldset.objectives legend'));
    expect(legend.textContent?.trim()).toBe(`Which of ${second.name}’s objectives does it serve?`);
    expect([...shadow(el).querySelectorAll<HTMLInputElement>('input[name="objectives"]')].map((b) => b.value)).toEqual([
      second.objectives[0]?.id,
    ]);
    await userEvent.selectOptions(unitSelect(), none.key);
    await until(() => shadow(el).querySelector('#bk-objective'));
    expect(shadow(el).querySelector('fieldset.objectives')).toBeNull();
  });

  it("shows the server's refusal of an unknown sponsor at the field, until the field changes", async () => {
    const el = await mountForm();
    const created: Idea[] = [];
    el.addEventListener(BkIdeaCreateEvent.type, (e) => created.push(e.idea));
    await userEvent.fill(page.getByRole('textbox', { name: /^Title/ }), `Sponsored by nobody ${Date.now()}`);
    const sponsor = await until(() => shadow(el).querySelector<HTMLInputElement>('#bk-sponsor'));
    await userEvent.fill(sponsor, 'nobody.here');
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    await until(() => sponsor.getAttribute('aria-invalid') === 'true');
    expect(shadow(el).querySelector('#bk-sponsor-error')?.textContent).toMatch(/nobody\.here/);
    expect(shadow(el).activeElement).toBe(sponsor);
    expect(created).toHaveLength(0);
    await expectNoAxeViolations(el);
    await userEvent.keyboard('{Backspace}');
    await until(() => sponsor.getAttribute('aria-invalid') === 'false');
    expect(shadow(el).querySelector('#bk-sponsor-error')?.textContent).toBe('');
  });

  it('clears a field’s error as soon as its value is valid, before the next submit', async () => {
    const el = await mountForm('finance-ops');
    await until(() => shadow(el).querySelector('label[for="bk-problem"] .required'));
    await userEvent.click(page.getByRole('button', { name: 'Submit idea' }));
    const title = await until(() => shadow(el).querySelector<HTMLInputElement>('#bk-title[aria-invalid="true"]'));
    const error = (id: string) => shadow(el).querySelector(`#bk-${id}-error`)?.textContent ?? '';
    expect(error('title')).not.toBe('');
    expect(error('problem')).toBe('This board asks for this.');
    expect(error('valueType')).toBe('This board asks for this.');
    // Still too short: the error stays.
    await userEvent.fill(title, 'ab');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    await userEvent.fill(title, 'abc');
    await until(() => title.getAttribute('aria-invalid') === 'false');
    expect(error('title')).toBe('');
    // The other fields keep theirs until they are valid too.
    expect(error('problem')).toBe('This board asks for this.');
    await userEvent.selectOptions(page.getByRole('combobox', { name: /^Kind of value/ }), 'cost');
    await until(() => error('valueType') === '');
    await userEvent.fill(page.getByRole('textbox', { name: /^The problem it solves/ }), 'Month-end takes too long.');
    await until(() => error('problem') === '');
    await expectNoAxeViolations(el);
  });
});
