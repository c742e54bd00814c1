import type { UnitInsights } from '@bridgekit/sdk';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
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
import type { BkInsightsUnitEvent } from '../../events/insights-unit.ts';
import './insights.ts';
import { BkInsights } from './insights.component.ts';
import { toCsv } from './insights-csv.ts';
import { quarterOf, quarterPeriod, recentQuarters, thisMonth } from './period.ts';

const asAdmin = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${apiBase()}/v1/tenants/demo${path}`, {
    method,
    headers: { authorization: `Bearer ${inject('adminToken')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
};

/**
 * Two units of their own with one relationship manager on both teams, and in the first one a
 * business person who submitted an idea this month (one active person: fewer than the minimum
 * group size); the rollups rebuilt through the API, as the hourly job would.
 */
async function setUp() {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const units = [
    { key: `iw-${suffix}`, name: `Insight unit ${suffix}` },
    { key: `iw2-${suffix}`, name: `Second unit ${suffix}` },
  ] as const;
  for (const unit of units) await asAdmin('POST', '/units', { ...unit, side: 'demand' });
  const person = async (bu: string) => {
    const token = await tokenFor(newPerson(bu));
    const client = clientAs(token);
    await client.subscriptions.follow('board', 'general');
    return { token, client, handle: (await client.me()).user?.handle as string };
  };
  const [rm, biz, plain] = await Promise.all([person('IT'), person(units[0].name), person('Sales')]);
  for (const unit of units) await asAdmin('PUT', `/units/${unit.key}/team`, { businessPartners: [], relationshipManagers: [rm.handle] });
  await biz.client.ideas.create({ board: 'general', title: `Cockpit test idea ${suffix}`, unit: units[0].key });
  await asAdmin('POST', '/insights/rebuild');
  return { units, rm, biz, plain };
}

type Ctx = Awaited<ReturnType<typeof setUp>>;

const text = (el: Node) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const asked = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.pathname.endsWith('/insights'));
/** A table's body as cell texts, row by row (the row header first). */
const cells = (table: Element) => [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map(text));
const tableNamed = (el: BkInsights, caption: string) =>
  [...shadow(el).querySelectorAll('table')].find((t) => t.caption?.textContent?.trim() === caption) as HTMLTableElement;

const count = new Intl.NumberFormat('en');
const shown = (n: number | null, min: number) => (n === null ? `fewer than ${min}` : count.format(n));
const longMonth = (m: string) =>
  new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));

describe('<bk-insights>', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('is registered under its tag, and asks nothing of the API for people signed out', async () => {
    expect(customElements.get('bk-insights')).toBe(BkInsights);
    signIn(null);
    performance.clearResourceTimings();
    const el = await mount<BkInsights>('<bk-insights></bk-insights>');
    await until(() => text(shadow(el)).includes('the cockpit is for a unit’s relationship team, CIOs and admins'));
    expect(asked()).toEqual([]);
    await expectNoAxeViolations(el);
  });

  describe('with two units of a relationship manager', () => {
    let ctx: Ctx;
    let data: UnitInsights;
    beforeAll(async () => {
      ctx = await setUp();
      data = await ctx.rm.client.insights.unit(ctx.units[0].key);
    });

    it('shows a person on no unit’s team a short message, and asks for no unit’s figures nor the overview', async () => {
      signIn(ctx.plain.token);
      for (const markup of [`<bk-insights unit="${ctx.units[0].key}"></bk-insights>`, '<bk-insights></bk-insights>']) {
        performance.clearResourceTimings();
        const el = await mount<BkInsights>(markup);
        await until(() => text(shadow(el)).includes('There are no unit figures for you to see'));
        expect(shadow(el).querySelector('table, figure, input')).toBeNull();
        expect(asked()).toEqual([]);
        await expectNoAxeViolations(el);
        cleanup();
      }
    });

    it('shows the unit’s figures as the API gives them, suppressed counts in words, each chart’s table equal to its data', async () => {
      signIn(ctx.rm.token);
      const el = await mount<BkInsights>(`<bk-insights unit="${ctx.units[0].key}"></bk-insights>`);
      await until(() => shadow(el).querySelector('#bk-insights-unit'));
      const root = shadow(el);
      expect(text(root.querySelector('#bk-insights-unit') as Element)).toBe(ctx.units[0].name);
      const headings = [...root.querySelectorAll('section.section > h3')].map(text);
      expect(headings.slice(0, 6)).toEqual(['Participation', 'Demand', 'Intake', 'Value', 'Relationship health', 'Content health']);
      expect(headings.includes('Contributors')).toBe(data.contributors !== null);
      expect(text(root.querySelector('[part="header"]') as Element)).toContain(`${longMonth(data.from)} to ${longMonth(data.to)}`);

      // The one business person active this month is fewer than the group size: never 0.
      const last = data.months[data.months.length - 1];
      expect(last?.month).toBe(thisMonth());
      expect(last?.activePeople.business).toBeNull();
      expect(last?.ideas.submitted).toBeGreaterThanOrEqual(1);

      const people = tableNamed(el, 'Active people per month, business and IT');
      expect(cells(people)).toEqual(
        data.months.map((m) => [
          longMonth(m.month),
          shown(m.activePeople.business, data.minGroupSize),
          shown(m.activePeople.provider, data.minGroupSize),
        ]),
      );
      expect(cells(people).at(-1)?.[1]).toBe(`fewer than ${data.minGroupSize}`);
      const ideas = tableNamed(el, 'Ideas per month');
      expect(cells(ideas)).toEqual(
        data.months.map((m) => [
          longMonth(m.month),
          ...(['submitted', 'backed', 'approved', 'delivered', 'deflected'] as const).map((k) => count.format(m.ideas[k])),
        ]),
      );
      const intake = tableNamed(el, 'Ideas at each intake step now');
      expect(cells(intake).map(([step, n]) => [step, Number(n)])).toEqual([
        ['Screening', data.intake.screening],
        ['Needs information', data.intake.needs_information],
        ['Qualified', data.intake.qualified],
        ['Approved', data.intake.approved],
        ['Deferred', data.intake.deferred],
        ['Deflected', data.intake.deflected],
      ]);
      const content = [...root.querySelectorAll('[part="figures"] dd')].map((dd) => Number(text(dd)));
      const c = data.contentHealth;
      expect(content).toEqual([c.cards, c.reviewOverdue, c.unowned, c.stale, c.obsolete]);

      // Each chart is an image named by its heading and described by its summary; the SVG draws a
      // column per month and side, a dashed outline where a count is suppressed.
      const figure = page.getByRole('img', { name: 'Active people per month, business and IT' });
      await expect.element(figure).toBeVisible();
      await expect.element(figure).toHaveAccessibleDescription(/^Business: fewer than \d+ active in the last month/);
      const columns = figure.element().querySelectorAll('rect.bar, rect.suppressed');
      expect(columns.length).toBe(data.months.length * 2);
      expect(figure.element().querySelectorAll('rect.suppressed').length).toBe(
        data.months.flatMap((m) => [m.activePeople.business, m.activePeople.provider]).filter((v) => v === null).length,
      );
      await expectNoAxeViolations(el);
    });

    it('shows each chart’s table from its toggle, by keyboard', async () => {
      signIn(ctx.rm.token);
      const el = await mount<BkInsights>(`<bk-insights unit="${ctx.units[0].key}"></bk-insights>`);
      await until(() => shadow(el).querySelector('details'));
      const details = shadow(el).querySelector('details') as HTMLDetailsElement;
      const toggle = details.querySelector('summary') as HTMLElement;
      expect(details.open).toBe(false);
      toggle.focus();
      await userEvent.keyboard('{Enter}');
      await until(() => details.open);
      await expect.element(page.getByRole('table', { name: 'Active people per month, business and IT' })).toBeVisible();
      await expectNoAxeViolations(el);
    });

    it('asks again for the period the filters set: a quarter, then months; refuses a reversed period without asking', async () => {
      signIn(ctx.rm.token);
      const el = await mount<BkInsights>(`<bk-insights unit="${ctx.units[0].key}"></bk-insights>`);
      await until(() => shadow(el).querySelector('#bk-insights-unit'));
      performance.clearResourceTimings();

      const quarter = recentQuarters(thisMonth())[1] as { year: number; quarter: number };
      const period = quarterPeriod(quarter);
      await page.getByRole('combobox', { name: 'Quarter' }).selectOptions(`Q${quarter.quarter} ${quarter.year}`);
      await until(() => asked().some((u) => u.searchParams.get('from') === period.from && u.searchParams.get('to') === period.to));
      // The header is re-rendered while the new period loads; wait for the one that names it.
      await until(() => {
        const header = shadow(el).querySelector('[part="header"]');
        return header && text(header).includes(`${longMonth(period.from)} to ${longMonth(period.to)}`);
      });
      expect(el.getAttribute('from')).toBe(period.from);
      expect(cells(tableNamed(el, 'Ideas per month')).map((row) => row[0])).toEqual(
        [0, 1, 2].map((k) => longMonth(`${quarter.year}-${String((quarter.quarter - 1) * 3 + k + 1).padStart(2, '0')}`)),
      );

      performance.clearResourceTimings();
      const to = page.getByLabelText('To', { exact: true });
      await to.fill(thisMonth());
      (to.element() as HTMLInputElement).dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => asked().some((u) => u.searchParams.get('from') === period.from && u.searchParams.get('to') === thisMonth()));

      performance.clearResourceTimings();
      const from = page.getByLabelText('From', { exact: true });
      await from.fill('2099-01');
      (from.element() as HTMLInputElement).dispatchEvent(new Event('change', { bubbles: true }));
      const alert = await until(() => shadow(el).querySelector('[role="alert"]'));
      expect(text(alert)).toBe('Choose a first month no later than the last one, at most 36 months in all.');
      await expect.element(from).toHaveAttribute('aria-invalid', 'true');
      expect(asked()).toEqual([]);
      await expectNoAxeViolations(el);
    });

    it('downloads the unit’s monthly figures as CSV: translated header, plain numbers, suppressed counts empty', async () => {
      signIn(ctx.rm.token);
      const blobs: Blob[] = [];
      const create = URL.createObjectURL.bind(URL);
      vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
        blobs.push(blob as Blob);
        return create(blob);
      });
      const el = await mount<BkInsights>(`<bk-insights unit="${ctx.units[0].key}"></bk-insights>`);
      await until(() => shadow(el).querySelector('#bk-insights-unit'));
      await page.getByRole('button', { name: 'Download CSV' }).click();
      await until(() => blobs.length === 1);
      const csv = (await (blobs[0] as Blob).text()).replace(/^\uFEFF/, '');
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe(
        'Month,"Active people, business","Active people, IT",Discussions,Cards used,Submitted,Backed,Approved,Delivered,Deflected',
      );
      expect(lines.slice(1, -1)).toEqual(
        data.months.map((m) =>
          [
            m.month,
            m.activePeople.business ?? '',
            m.activePeople.provider ?? '',
            m.discussions,
            m.cardsUsed,
            m.ideas.submitted,
            m.ideas.backed,
            m.ideas.approved,
            m.ideas.delivered,
            m.ideas.deflected,
          ].join(','),
        ),
      );
      expect(lines.at(-2)?.split(',')[1]).toBe('');
      await until(() => shadow(el).querySelector('[role="status"]')?.textContent === 'The CSV file is downloading.');
    });

    it('quotes CSV fields with commas, quotes and line breaks, and leaves the rest bare', () => {
      expect(toCsv([['a "b"', 'c,d', 'e\nf', 1.5, null, ' g']])).toBe('"a ""b""","c,d","e\nf",1.5,," g"\r\n');
    });

    it('lists both units in the overview; Enter on one opens its cockpit in place, says so, and “All units” comes back to it', async () => {
      signIn(ctx.rm.token);
      const opened: string[] = [];
      const el = await mount<BkInsights>('<bk-insights></bk-insights>');
      el.addEventListener('bk-insights-unit', (e: BkInsightsUnitEvent) => opened.push(e.unit.key));
      await until(() => shadow(el).querySelector('button[data-unit]'));
      const overview = await ctx.rm.client.insights.overview();
      const table = page.getByRole('table', { name: /Each unit you read over the period/ });
      for (const unit of ctx.units) {
        const summary = overview.units.find((u) => u.unit.key === unit.key);
        if (!summary) throw new Error(`${unit.key} is not in the overview`);
        const row = table.getByRole('row', { name: new RegExp(unit.name) }).element();
        expect([...row.children].slice(1, 7).map(text)).toEqual([
          shown(summary.activePeople.business, overview.minGroupSize),
          shown(summary.activePeople.provider, overview.minGroupSize),
          ...[summary.ideas.submitted, summary.ideas.approved, summary.ideas.delivered, summary.ideas.deflected].map((n) =>
            count.format(n),
          ),
        ]);
      }
      await expectNoAxeViolations(el);

      // The overview's CSV: a line per unit, suppressed counts empty.
      const blobs: Blob[] = [];
      const create = URL.createObjectURL.bind(URL);
      vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
        blobs.push(blob as Blob);
        return create(blob);
      });
      await page.getByRole('button', { name: 'Download CSV' }).click();
      await until(() => blobs.length === 1);
      const lines = (await (blobs[0] as Blob).text()).replace(/^\uFEFF/, '').split('\r\n');
      expect(
        lines[0]?.startsWith('Unit,"Active people, business","Active people, IT",Submitted,Approved,Delivered,Deflected,Maturity'),
      ).toBe(true);
      for (const unit of ctx.units) {
        const u = overview.units.find((x) => x.unit.key === unit.key);
        const line = lines.find((l) => l.startsWith(`${unit.name},`));
        expect(line?.split(',').slice(0, 8)).toEqual(
          [
            unit.name,
            u?.activePeople.business ?? '',
            u?.activePeople.provider ?? '',
            u?.ideas.submitted,
            u?.ideas.approved,
            u?.ideas.delivered,
            u?.ideas.deflected,
            u?.maturity ?? '',
          ].map(String),
        );
      }

      const button = shadow(el).querySelector(`button[data-unit="${ctx.units[0].key}"]`) as HTMLButtonElement;
      button.focus();
      await userEvent.keyboard('{Enter}');
      await until(() => shadow(el).activeElement?.id === 'bk-insights-unit');
      expect(opened).toEqual([ctx.units[0].key]);
      expect(el.getAttribute('unit')).toBe(ctx.units[0].key);
      expect(shadow(el).querySelector('[role="status"]')?.textContent).toBe(`The cockpit of ${ctx.units[0].name} is loaded.`);

      await page.getByRole('button', { name: 'All units' }).click();
      await until(() => (shadow(el).activeElement as HTMLElement | null)?.dataset.unit === ctx.units[0].key);
      expect(el.hasAttribute('unit') && el.getAttribute('unit') !== '').toBe(false);
    });

    it('keeps the overview when the host cancels the unit event', async () => {
      signIn(ctx.rm.token);
      const el = await mount<BkInsights>('<bk-insights></bk-insights>');
      el.addEventListener('bk-insights-unit', (e) => e.preventDefault());
      await until(() => shadow(el).querySelector('button[data-unit]'));
      (shadow(el).querySelector(`button[data-unit="${ctx.units[1].key}"]`) as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 100));
      expect(el.getAttribute('unit') ?? '').toBe('');
      expect(shadow(el).querySelector('#bk-insights-unit')).toBeNull();
    });

    it('prints the chosen quarter’s review: the period set, every table shown, no toggles', async () => {
      signIn(ctx.rm.token);
      const el = await mount<BkInsights>(`<bk-insights unit="${ctx.units[0].key}"></bk-insights>`);
      await until(() => shadow(el).querySelector('#bk-insights-unit'));
      let printed: { from: string | null; to: string | null; toggles: number; tables: number; review: string } | null = null;
      vi.spyOn(window, 'print').mockImplementation(() => {
        printed = {
          from: el.getAttribute('from'),
          to: el.getAttribute('to'),
          toggles: shadow(el).querySelectorAll('details').length,
          tables: shadow(el).querySelectorAll('table').length,
          review: text(shadow(el).querySelector('.print-only') as Element),
        };
      });
      const quarter = quarterOf(thisMonth());
      await page.getByRole('combobox', { name: 'Quarter' }).selectOptions(`Q${quarter.quarter} ${quarter.year}`);
      await page.getByRole('button', { name: 'Print quarterly review' }).click();
      await until(() => printed);
      expect(printed).toMatchObject({ ...quarterPeriod(quarter), toggles: 0, review: `Quarterly review: ${ctx.units[0].name}` });
      expect((printed as unknown as { tables: number }).tables).toBeGreaterThanOrEqual(5);
      await until(() => shadow(el).querySelectorAll('details').length > 0);
    });

    it('speaks German, suppressed counts included', async () => {
      signIn(ctx.rm.token, { locale: 'de' });
      const el = await mount<BkInsights>(`<bk-insights unit="${ctx.units[0].key}"></bk-insights>`);
      await until(() => shadow(el).querySelector('#bk-insights-unit'));
      expect(text(shadow(el).querySelector('h2') as Element)).toBe('Kennzahlen');
      await until(() => text(shadow(el)).includes(`weniger als ${data.minGroupSize}`));
      expect(text(shadow(el))).toContain('Beteiligung');
    });
  });
});
