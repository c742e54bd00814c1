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
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Next step' }), 'deferred');
    await until(() => shadow(el).querySelector('#bk-intake-revisitOn'));
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
});
