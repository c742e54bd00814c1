import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, clientAs, expectNoAxeViolations, mount, newPerson, shadow, signIn, tokenFor, until } from '../../../test/support.ts';
import './idea-triage.ts';
import type { BkIdeaTriage } from './idea-triage.component.ts';

async function mountTriage(board = 'general', width?: string) {
  const el = await mount<BkIdeaTriage>(`<bk-idea-triage board="${board}"></bk-idea-triage>`);
  if (width) el.style.width = width;
  await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false');
  return el;
}

const queueTitles = (el: BkIdeaTriage) => [...shadow(el).querySelectorAll('.queue .title')].map((t) => t.textContent?.trim() ?? '');
const heading = (el: BkIdeaTriage) => shadow(el).querySelector('#bk-detail-heading')?.textContent?.trim();
const preview = (el: BkIdeaTriage) => shadow(el).querySelector('#bk-score-preview')?.textContent?.trim();

/** Seen, not only heard: laid out with a size, not clipped away as the visually-hidden live region is. */
function expectVisible(element: Element) {
  const box = element.getBoundingClientRect();
  expect(box.width).toBeGreaterThan(50);
  expect(box.height).toBeGreaterThan(10);
  expect(element.checkVisibility({ opacityProperty: true, visibilityProperty: true })).toBe(true);
  expect(element.closest('.visually-hidden')).toBeNull();
  expect(getComputedStyle(element).clipPath).toBe('none');
}

describe('<bk-idea-triage> moves through the queue', () => {
  let evaluatorToken: string;
  beforeAll(async () => {
    evaluatorToken = await tokenFor('mei');
  });
  afterEach(cleanup);

  it('opens the first idea of the queue on load, without taking the focus', async () => {
    signIn(evaluatorToken);
    const before = document.activeElement;
    const el = await mountTriage();
    const [first] = queueTitles(el);
    expect(first).toBeTruthy();
    await until(() => heading(el) === first);
    expect(shadow(el).querySelector('.queue button[aria-current="true"] .title')?.textContent?.trim()).toBe(first);
    await until(() => shadow(el).querySelector('#bk-score-heading'));
    expect(shadow(el).activeElement).toBeNull();
    expect(document.activeElement).toBe(before);
  });

  it('confirms a status change visibly, resets the form and moves on to the next idea; "Next idea" from the keyboard', async () => {
    signIn(evaluatorToken);
    const author = clientAs(await tokenFor(newPerson()));
    const older = await author.ideas.create({ board: 'general', title: `Next in line ${Date.now()}` });
    const fresh = await author.ideas.create({ board: 'general', title: `Planned from triage ${Date.now()}` });
    const el = await mountTriage();
    const titles = queueTitles(el);
    const index = titles.indexOf(fresh.title);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(titles).toContain(older.title);
    const expectedNext = titles[index + 1] ?? titles[0];
    const afterThat = titles[index + 2];

    const entry = [...shadow(el).querySelectorAll<HTMLButtonElement>('.queue button')][index];
    entry?.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(el).activeElement?.id === 'bk-detail-heading' && heading(el) === fresh.title);
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'New status' }), 'planned');
    await userEvent.fill(page.getByRole('textbox', { name: /Reason/ }), 'In the next release of the portal.');
    await userEvent.click(page.getByRole('button', { name: 'Change status' }));

    // The idea left the queue: the next one is open, and the line above it says what happened.
    await until(() => heading(el) === expectedNext && shadow(el).activeElement?.id === 'bk-detail-heading');
    const line = await until(() => shadow(el).querySelector('.detail > [part="confirmation"]'));
    const text = `“${fresh.title}” is now Planned. Showing the next idea: “${expectedNext}”.`;
    expect(line.querySelector('p')?.textContent?.trim()).toBe(text);
    expect(shadow(el).querySelector('.base > [role="status"]')?.textContent?.trim()).toBe(text);
    expectVisible(line);
    expect(queueTitles(el)).not.toContain(fresh.title);
    expect((await clientAs(evaluatorToken).ideas.get(fresh.id)).status.key).toBe('planned');
    // The status form starts afresh for the next idea.
    expect(shadow(el).querySelector<HTMLTextAreaElement>('#bk-reason')?.value).toBe('');
    const shown = (await clientAs(evaluatorToken).ideas.list({ board: 'general', sort: 'new', limit: 50 })).items.find(
      (i) => i.title === expectedNext,
    );
    expect(shadow(el).querySelector<HTMLSelectElement>('#bk-status')?.value).toBe(shown?.status.key);
    await expectNoAxeViolations(el);

    // "Next idea ▸" sits just before the heading: Shift+Tab from it, then Enter.
    expect(afterThat).toBeDefined();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(shadow(el).activeElement?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Next idea ▸');
    await userEvent.keyboard('{Enter}');
    await until(() => heading(el) === afterThat && shadow(el).activeElement?.id === 'bk-detail-heading');
    // A person moved on: the last confirmation has done its job.
    expect(shadow(el).querySelector('[part="confirmation"]')).toBeNull();
  });

  it('previews value and effort as the server then computes them, and confirms the save beside the form', async () => {
    signIn(evaluatorToken);
    const fresh = await clientAs(await tokenFor(newPerson())).ideas.create({ board: 'general', title: `Previewed ${Date.now()}` });
    const el = await mountTriage();
    await userEvent.click(
      await until(() =>
        [...shadow(el).querySelectorAll<HTMLButtonElement>('.queue button')].find((b) => b.textContent?.includes(fresh.title)),
      ),
    );
    await until(() => heading(el) === fresh.title);
    await until(() => preview(el) === 'Value – · Effort – · Risk –');
    const formula = shadow(el).querySelector('[part="formula"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(formula).toContain("Value is 40% Business impact + 30% Financial return + 30% Fit with the unit's objectives.");
    expect(formula).toContain('Effort is Size in points (XS 1, S 2, M 3, L 5, XL 8).');

    await userEvent.click(page.getByRole('group', { name: /^Business impact/ }).getByRole('radio', { name: '4' }));
    await userEvent.click(page.getByRole('group', { name: /^Financial return/ }).getByRole('radio', { name: '2' }));
    await userEvent.click(page.getByRole('group', { name: /^Fit with the unit's objectives/ }).getByRole('radio', { name: '5' }));
    expect(preview(el)).toBe('Value 3.7 · Effort – · Risk –');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Size' }), 'M');
    await userEvent.click(page.getByRole('group', { name: 'Uses technology new to us' }).getByRole('radio', { name: 'Yes' }));
    for (const q of ['Depends on a third party', 'Changes how people work']) {
      await userEvent.click(page.getByRole('group', { name: q }).getByRole('radio', { name: 'No' }));
    }
    const shown = preview(el);
    expect(shown).toBe('Value 3.7 · Effort 3 (M) · Risk 33%');
    // The Save button carries the preview, for those who hear rather than see it.
    expect(page.getByRole('button', { name: 'Save scores' }).element().getAttribute('aria-describedby')).toBe('bk-score-preview');
    await userEvent.click(page.getByRole('button', { name: 'Save scores' }));

    const line = await until(() => shadow(el).querySelector('form [part="confirmation"]'));
    expect(line.querySelector('p')?.textContent?.trim()).toBe(`Scores saved for “${fresh.title}”.`);
    expectVisible(line);
    expect(line.querySelector('button')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Next idea ▸');
    const { score } = await clientAs(evaluatorToken).ideas.get(fresh.id);
    const one = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
    expect(shown).toBe(
      `Value ${one.format(score.value ?? Number.NaN)} · Effort ${score.effort} (M) · Risk ${percent.format(score.risk ?? Number.NaN)}`,
    );
    // The form keeps the saved scores (they are its defaults now), and so does the preview.
    expect(preview(el)).toBe(shown);
    expect(
      page
        .getByRole('group', { name: /^Financial return/ })
        .getByRole('radio', { name: '2' })
        .element(),
    ).toHaveProperty('checked', true);
  });

  it('confirms an intake decision visibly under its form', async () => {
    signIn(evaluatorToken);
    const fresh = await clientAs(await tokenFor(newPerson())).ideas.create({ board: 'general', title: `Intake seen ${Date.now()}` });
    const el = await mountTriage();
    await userEvent.click(
      await until(() =>
        [...shadow(el).querySelectorAll<HTMLButtonElement>('.queue button')].find((b) => b.textContent?.includes(fresh.title)),
      ),
    );
    await until(() => heading(el) === fresh.title && shadow(el).querySelector('form.intake'));
    await userEvent.click(page.getByRole('button', { name: 'Record the decision' }));
    const line = await until(() => shadow(el).querySelector('form.intake + [part="confirmation"]'));
    expect(line.querySelector('p')?.textContent?.trim()).toBe(`“${fresh.title}”: Needs information recorded.`);
    expectVisible(line);
    expect(line.querySelector('button')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Next idea ▸');
    expect((await clientAs(evaluatorToken).ideas.get(fresh.id)).intake.step).toBe('needs_information');
  });

  it('previews in German', async () => {
    signIn(evaluatorToken, { locale: 'de-DE' });
    const fresh = await clientAs(await tokenFor(newPerson())).ideas.create({ board: 'general', title: `Vorschau ${Date.now()}` });
    const el = await mountTriage();
    await userEvent.click(
      await until(() =>
        [...shadow(el).querySelectorAll<HTMLButtonElement>('.queue button')].find((b) => b.textContent?.includes(fresh.title)),
      ),
    );
    await until(() => heading(el) === fresh.title && preview(el) === 'Wert – · Aufwand – · Risiko –');
    await userEvent.click(page.getByRole('group', { name: /^Geschäftlicher Nutzen/ }).getByRole('radio', { name: '4' }));
    await userEvent.click(page.getByRole('group', { name: /^Finanzieller Ertrag/ }).getByRole('radio', { name: '3' }));
    await userEvent.click(page.getByRole('group', { name: /^Passung zu den Zielen/ }).getByRole('radio', { name: '5' }));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Größe' }), 'S');
    expect(preview(el)).toBe('Wert 4,0 · Aufwand 2 (S) · Risiko –');
    expect(shadow(el).querySelector('[part="formula"]')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'Der Wert ist 40 % Geschäftlicher Nutzen',
    );
  });
});

describe('<bk-idea-triage> chart', () => {
  afterEach(cleanup);

  it('keeps its texts at a legible CSS size on a phone, cuts long labels with an ellipsis and names them in full', async () => {
    signIn(await tokenFor('mei'));
    const el = await mountTriage('general', '340px');
    const title = 'Automate invoice matching in accounts payable';
    const label = await until(() => [...shadow(el).querySelectorAll<HTMLElement>('.bubble-label')].find((l) => l.textContent === title));
    const style = getComputedStyle(label);
    expect(style.fontSize).toBe('12px');
    expect(style.textOverflow).toBe('ellipsis');
    expect(label.scrollWidth).toBeGreaterThan(label.clientWidth);
    const bubble = [...shadow(el).querySelectorAll('.bubble')].find((b) => b.getAttribute('aria-label')?.startsWith(title));
    expect(bubble?.querySelector('title')?.textContent).toBe(title);
    // On a phone the chart comes after the idea, in one column.
    const detail = shadow(el).querySelector('.detail')?.getBoundingClientRect();
    const chart = shadow(el).querySelector('figure')?.getBoundingClientRect();
    expect(chart?.top).toBeGreaterThanOrEqual(detail?.bottom ?? Number.POSITIVE_INFINITY);

    // Wide: the same size of text, and the chart beside the idea, under the queue.
    el.style.width = '1200px';
    await until(
      () =>
        (shadow(el).querySelector('figure')?.getBoundingClientRect().right ?? 0) <=
        (shadow(el).querySelector('.detail')?.getBoundingClientRect().left ?? 0),
    );
    expect(getComputedStyle(label).fontSize).toBe('12px');
    const queue = shadow(el).querySelector('nav')?.getBoundingClientRect();
    const wideChart = shadow(el).querySelector('figure')?.getBoundingClientRect();
    expect(wideChart?.top).toBeGreaterThanOrEqual(queue?.bottom ?? Number.POSITIVE_INFINITY);
    expect(wideChart?.top).toBeLessThan(shadow(el).querySelector('.detail')?.getBoundingClientRect().bottom ?? 0);
  });

  it('shows a disclosure marker on "Show the chart as a table"', async () => {
    signIn(await tokenFor('mei'));
    const el = await mountTriage();
    const summary = await until(() => shadow(el).querySelector('summary'));
    expect(getComputedStyle(summary).display).toBe('list-item');
    expect(getComputedStyle(summary).listStyleType).toBe('disclosure-closed');
    summary.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(el).querySelector('details')?.open);
    expect(getComputedStyle(summary).listStyleType).toBe('disclosure-open');
  });
});
