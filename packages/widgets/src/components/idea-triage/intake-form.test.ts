import type { Evaluation } from '@bridgekit/sdk';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import '../idea/idea.ts';
import type { BkIdea } from '../idea/idea.component.ts';
import './idea-triage.ts';
import type { BkIdeaTriage } from './idea-triage.component.ts';

const today = () => new Date().toISOString().slice(0, 10);

async function openInTriage(title: string) {
  const el = await mount<BkIdeaTriage>('<bk-idea-triage board="general"></bk-idea-triage>');
  const entry = await until(() =>
    [...shadow(el).querySelectorAll<HTMLButtonElement>('.queue button')].find((b) => b.textContent?.includes(title)),
  );
  await userEvent.click(entry);
  await until(() => shadow(el).activeElement?.id === 'bk-detail-heading');
  await until(() => shadow(el).querySelector('form.intake'));
  return el;
}

describe('the intake decision in <bk-idea-triage>', () => {
  let evaluatorToken: string;
  beforeAll(async () => {
    // The demo's community lead is a moderator (which includes evaluating).
    evaluatorToken = await tokenFor('mei');
  });
  afterEach(cleanup);

  it('offers the steps allowed from where the idea stands and records one from the keyboard', async () => {
    signIn(evaluatorToken);
    const fresh = await clientAs(await tokenFor(newPerson())).ideas.create({ board: 'general', title: `Intake me ${Date.now()}` });
    const el = await openInTriage(fresh.title);
    const step = page.getByRole('combobox', { name: 'Next step' });
    const options = [...(shadow(el).querySelector<HTMLSelectElement>('#bk-intake-step')?.options ?? [])].map((o) => o.textContent?.trim());
    expect(options).toEqual(['Needs information', 'Qualified', 'Deflected', 'Deferred']);
    await userEvent.selectOptions(step, 'qualified');
    await userEvent.fill(page.getByRole('textbox', { name: 'Decision forum (optional)' }), 'Finance demand board');
    await userEvent.click(page.getByRole('button', { name: 'Record the decision' }));
    await until(() => shadow(el).querySelector('.base > [role="status"]')?.textContent?.includes('Qualified recorded'));
    const [decision] = await clientAs(evaluatorToken).intake.list(fresh.id);
    expect(decision).toMatchObject({ step: 'qualified', forum: 'Finance demand board', decidedOn: today() });
    // From qualified, approval is on offer.
    await until(() =>
      [...(shadow(el).querySelector<HTMLSelectElement>('#bk-intake-step')?.options ?? [])].some((o) => o.value === 'approved'),
    );
    await expectNoAxeViolations(el);
  });

  it('asks a deferral for its reason and revisit date before sending anything', async () => {
    signIn(evaluatorToken);
    const fresh = await clientAs(await tokenFor(newPerson())).ideas.create({ board: 'general', title: `Defer at intake ${Date.now()}` });
    const el = await openInTriage(fresh.title);
    expect(shadow(el).querySelector('#bk-intake-revisitOn')).toBeNull();
    expect(shadow(el).querySelector<HTMLFieldSetElement>('fieldset.sorting')?.hidden).toBe(false);
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Next step' }), 'deferred');
    await until(() => shadow(el).querySelector('#bk-intake-revisitOn'));
    // A deferral closes the idea: it is not sorted.
    expect(shadow(el).querySelector<HTMLFieldSetElement>('fieldset.sorting')?.hidden).toBe(true);
    await userEvent.click(page.getByRole('button', { name: 'Record the decision' }));
    await until(() => shadow(el).querySelector('#bk-intake-reason')?.getAttribute('aria-invalid') === 'true');
    expect(shadow(el).activeElement?.id).toBe('bk-intake-reason');
    expect(shadow(el).querySelector('#bk-intake-revisitOn')?.getAttribute('aria-invalid')).toBe('true');
    expect(await clientAs(evaluatorToken).intake.list(fresh.id)).toEqual([]);

    await userEvent.fill(
      shadow(el).querySelector<HTMLTextAreaElement>('#bk-intake-reason') as HTMLTextAreaElement,
      'After the ERP upgrade.',
    );
    const later = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    await userEvent.fill(shadow(el).querySelector<HTMLInputElement>('#bk-intake-revisitOn') as HTMLInputElement, later);
    await userEvent.click(page.getByRole('button', { name: 'Record the decision' }));
    await until(() => shadow(el).querySelector('.base > [role="status"]')?.textContent?.includes('Deferred recorded'));
    expect((await clientAs(evaluatorToken).ideas.get(fresh.id)).status).toMatchObject({ key: 'deferred', revisitOn: later });
    await expectNoAxeViolations(el);
  });
});

describe('sorting the idea at an intake decision', () => {
  let evaluatorToken: string;
  beforeAll(async () => {
    evaluatorToken = await tokenFor('mei');
  });
  afterEach(cleanup);

  const box = (el: Element, id: string) => shadow(el).querySelector<HTMLInputElement>(`input[name="objectives"][value="${id}"]`);
  const sponsorField = () => page.getByRole('combobox', { name: 'Sponsor’s handle (empty: none)' });

  it('fills the sorting in from the idea and sends only what the evaluator changed with the decision', async () => {
    signIn(evaluatorToken);
    const evaluator = clientAs(evaluatorToken);
    const [first, second] = (await evaluator.objectives.list('finance')).items;
    if (!first || !second) throw new Error('the demo gives Finance objectives');
    const author = clientAs(await tokenFor(newPerson('Finance')));
    const fresh = await author.ideas.create({
      board: 'general',
      title: `Sort me at intake ${Date.now()}`,
      unit: 'finance',
      demandClass: 'run',
      objectives: [first.id],
    });
    const el = await openInTriage(fresh.title);
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Next step' }), 'qualified');
    const demandClass = page.getByRole('combobox', { name: 'Demand class' });
    await expect.element(demandClass).toHaveValue('run');
    await expect.element(sponsorField()).toHaveValue('');
    await until(() => box(el, second.id));
    expect(box(el, first.id)?.checked).toBe(true);
    expect(box(el, second.id)?.checked).toBe(false);
    // Meanwhile the author changes the class: a decision that leaves the class alone must not undo that.
    await author.ideas.edit(fresh.id, { demandClass: 'transform' });

    // The sponsor's list offers people as one types.
    await userEvent.fill(sponsorField(), 'amara');
    await until(() =>
      [...shadow(el).querySelectorAll<HTMLOptionElement>('#bk-intake-sponsor-people option')].some((o) => o.value === 'amara.okafor'),
    );
    await userEvent.fill(sponsorField(), 'amara.okafor');
    await userEvent.click(page.getByRole('checkbox', { name: first.title, exact: true }));
    await userEvent.keyboard('{Tab}');
    expect(shadow(el).activeElement).toBe(box(el, second.id));
    await userEvent.keyboard(' ');
    await userEvent.click(page.getByRole('button', { name: 'Record the decision' }));
    await until(() => shadow(el).querySelector('.base > [role="status"]')?.textContent?.includes('Qualified recorded'));

    const sorted = await evaluator.ideas.get(fresh.id);
    expect(sorted.sponsor?.handle).toBe('amara.okafor');
    expect(sorted.objectives.map((o) => o.id)).toEqual([second.id]);
    expect(sorted.demandClass?.key).toBe('transform');
    // The form now stands where the idea does.
    await expect.element(demandClass).toHaveValue('transform');
    await expect.element(sponsorField()).toHaveValue('amara.okafor');
    expect(box(el, first.id)?.checked).toBe(false);
    expect(box(el, second.id)?.checked).toBe(true);
    await expectNoAxeViolations(el);
  });

  it('shows a refused sponsor under its field and records nothing; the next idea starts from its own sorting', async () => {
    signIn(evaluatorToken);
    const evaluator = clientAs(evaluatorToken);
    const requester = clientAs(await tokenFor(newPerson()));
    const next = await requester.ideas.create({
      board: 'general',
      title: `Sorted already ${Date.now()}`,
      sponsor: 'amara.okafor',
      demandClass: 'grow',
    });
    const fresh = await requester.ideas.create({ board: 'general', title: `Refused sorting ${Date.now()}` });
    const el = await openInTriage(fresh.title);
    // No unit, so no objectives to offer.
    await until(() => shadow(el).querySelector('fieldset.objectives')?.textContent?.includes('names no business unit'));

    await userEvent.fill(sponsorField(), `nobody-${Date.now()}`);
    await userEvent.click(page.getByRole('button', { name: 'Record the decision' }));
    const sponsor = await until(() => shadow(el).querySelector<HTMLInputElement>('#bk-intake-sponsor[aria-invalid="true"]'));
    expect(shadow(el).querySelector('#bk-intake-sponsor-error')?.textContent).not.toBe('');
    expect(shadow(el).activeElement).toBe(sponsor);
    expect(await evaluator.intake.list(fresh.id)).toEqual([]);

    // Whoever scored the idea cannot sponsor it (409): said at the same field.
    const { criteria } = (await evaluator.boards.get('general')).scorecard;
    const scores: Evaluation = Object.fromEntries(criteria.map((c) => [c.key, c.kind === 'yesno' ? false : c.kind === 'tshirt' ? 'M' : 3]));
    await evaluator.ideas.score(fresh.id, scores);
    const me = (await evaluator.me()).user?.handle ?? '';
    await userEvent.fill(sponsorField(), me);
    await userEvent.click(page.getByRole('button', { name: 'Record the decision' }));
    await until(() => shadow(el).querySelector('#bk-intake-sponsor-error')?.textContent?.includes('cannot sponsor it'));
    expect(await evaluator.intake.list(fresh.id)).toEqual([]);
    expect((await evaluator.ideas.get(fresh.id)).sponsor).toBeNull();
    await expectNoAxeViolations(el);

    // What was typed for this idea does not carry over to the next one.
    const entry = [...shadow(el).querySelectorAll<HTMLButtonElement>('.queue button')].find((b) => b.textContent?.includes(next.title));
    if (!entry) throw new Error('the next idea awaits review');
    await userEvent.click(entry);
    await until(() => shadow(el).querySelector('#bk-detail-heading')?.textContent === next.title);
    await expect.element(sponsorField()).toHaveValue('amara.okafor');
    await expect.element(page.getByRole('combobox', { name: 'Demand class' })).toHaveValue('grow');
    expect(shadow(el).querySelector('#bk-intake-sponsor')?.getAttribute('aria-invalid')).toBe('false');
  });
});

describe('the intake in <bk-idea>', () => {
  afterEach(cleanup);

  it('shows the sponsor, the demand class, the steps taken and the business case link', async () => {
    const evaluator = clientAs(await tokenFor('mei'));
    const author = clientAs(await tokenFor(newPerson('Finance')));
    const fresh = await author.ideas.create({
      board: 'general',
      title: `Shown intake ${Date.now()}`,
      sponsor: 'amara.okafor',
      demandClass: 'grow',
    });
    await evaluator.intake.decide(fresh.id, { step: 'qualified', forum: 'Finance demand board', decidedOn: today() });
    const { idea } = await evaluator.intake.decide(fresh.id, { step: 'approved', decidedOn: today() });
    const el = await mount<BkIdea>(`<bk-idea idea="${fresh.id}"></bk-idea>`);
    const section = await until(() => shadow(el).querySelector('[part="intake"]'));
    const text = section.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('Approved');
    expect(text).toContain('Amara Okafor');
    expect(text).toContain('Grow');
    await until(() => section.textContent?.includes('Finance demand board'));
    const link = section.querySelector<HTMLAnchorElement>('a[part="link"]');
    expect(link?.textContent?.trim()).toBe(idea.intake.caseCard?.title);
    await expectNoAxeViolations(el);
  });

  it('names the demand class in the reader’s language and links each objective to its unit’s partner profile', async () => {
    const token = await tokenFor(newPerson('Finance'));
    signIn(token, { locale: 'de-DE' });
    const author = clientAs(token);
    const [objective] = (await author.objectives.list('finance')).items;
    if (!objective?.card) throw new Error('the demo writes Finance’s objectives in its partner profile');
    const fresh = await author.ideas.create({
      board: 'general',
      title: `Sorted in German ${Date.now()}`,
      unit: 'finance',
      demandClass: 'grow',
      objectives: [objective.id],
    });
    const el = await mount<BkIdea>(`<bk-idea idea="${fresh.id}"></bk-idea>`);
    const section = await until(() => shadow(el).querySelector('[part="intake"]'));
    await until(() => section.textContent?.includes('Wachstum'));
    const link = [...section.querySelectorAll<HTMLAnchorElement>('a[part="link"]')].find((a) => a.textContent?.trim() === objective.title);
    expect(link?.href).toContain(encodeURIComponent(objective.card.id));
    expect(section.textContent).toContain('(Finance)');
    await expectNoAxeViolations(el);
  });
});
