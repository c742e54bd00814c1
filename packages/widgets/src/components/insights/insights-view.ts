/**
 * What `<bk-insights>` shows once the figures are in: the overview table of the units the reader
 * reads, or one unit's cockpit in sections (participation, demand, intake, value, relationship
 * health, content health, contributors), each chart with its table. Loaded by `import()` only for
 * readers who may see figures.
 */
import type { GroupCount, InsightMonth, InsightsOverview, UnitInsightSummary, UnitInsights, UnitRef } from '@bridgekit/sdk';
import { MATURITY_LEVELS } from '@bridgekit/sdk/health-types';
import { localize } from '@bridgekit/sdk/translations';
import { DEFAULT_DEMAND_CLASSES, INTAKE_STEPS } from '@bridgekit/sdk/value-types';
import { html, nothing, type TemplateResult } from 'lit';
import { registerFeature, type Translate } from '../../shared/i18n.ts';
import type { MessageKey } from '../../shared/messages/en.ts';
import { insightsViewMessages } from '../../shared/messages/insights-view.ts';
import { columnHeads } from '../../shared/table.ts';
import { type BarRow, bars, chart, columns, lines, type Series } from './charts.ts';

registerFeature(insightsViewMessages);

export interface ViewContext {
  t: Translate;
  locale: string;
  /** Printing: tables are shown as they are, not behind their toggles. */
  printing: boolean;
  open(unit: UnitRef): void;
}

/** `ValueTotal` of insight-types.ts (its name is shared with value-types.ts, so the SDK's index exports neither). */
type ValueTotal = UnitInsights['value'][number];

const IDEA_KEYS = ['submitted', 'backed', 'approved', 'delivered', 'deflected'] as const;

/** Number and month formats of the reader's locale, and the suppressed count's words. */
export function formats(t: Translate, locale: string, minGroupSize: number) {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const mean = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const gap = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const longMonth = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const asDate = (month: string) => new Date(`${month}-01T00:00:00Z`);
  return {
    number: (n: number) => number.format(n),
    count: (n: GroupCount) => (n === null ? t('insights.fewer', { n: minGroupSize }) : number.format(n)),
    share: (percent: number | null) => (percent === null ? t('insights.none') : share.format(percent / 100)),
    mean: (n: number | null | undefined) => (n == null ? t('insights.none') : mean.format(n)),
    gap: (n: number | null) => (n === null ? t('insights.none') : gap.format(n)),
    month: (month: string) => longMonth.format(asDate(month)),
    shortMonth: (month: string) => shortMonth.format(asDate(month)),
    date: (iso: string) => date.format(new Date(iso)),
  };
}

type Formats = ReturnType<typeof formats>;

export const classLabel = (key: string, locale: string): string => {
  const known = DEFAULT_DEMAND_CLASSES.find((c) => c.key === key);
  return known ? localize(known, locale).label : key;
};

export const maturityLabel = (level: number | null, locale: string): string | null => {
  const known = MATURITY_LEVELS.find((m) => m.level === level);
  return known ? `${known.level} · ${localize(known, locale).label}` : null;
};

const sum = (values: readonly (number | null)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);
/** The largest count of people; a suppressed month (1 to the group size − 1) beats a known 0. */
const largest = (values: readonly GroupCount[]): GroupCount => {
  const known = Math.max(0, ...values.filter((v): v is number => v !== null));
  return known === 0 && values.includes(null) ? null : known;
};

function valueText(t: Translate, f: Formats, v: ValueTotal): string {
  return t('insights.value.row', {
    measure: v.measure,
    benefitClass: t(`insights.value.${v.benefitClass}`),
    delivered: f.number(v.delivered),
    planned: f.number(v.planned),
  });
}

/** The period line, the "as of" line and the group-size rule: the head of the overview and of each unit. */
function periodLines(t: Translate, f: Formats, d: { from: string; to: string; asOf: string | null; minGroupSize: number }) {
  return html`<p>${t('insights.period', { from: f.month(d.from), to: f.month(d.to) })}</p>
    <p>${d.asOf ? t('insights.asOf', { date: f.date(d.asOf) }) : t('insights.asOfNone')} ${t('insights.minGroup', { n: d.minGroupSize })}</p>`;
}

/** The overview: one row per unit, its name a button that opens its cockpit. */
export function renderOverview(ctx: ViewContext, d: InsightsOverview): TemplateResult {
  const { t, locale } = ctx;
  const f = formats(t, locale, d.minGroupSize);
  return html`<section class="overview" part="section" aria-labelledby="bk-insights-overview">
    <h3 id="bk-insights-overview" tabindex="-1">${t('insights.overview.heading')}</h3>
    ${periodLines(t, f, d)}
    ${
      d.units.length === 0
        ? html`<p class="notice">${t('insights.noUnits')}</p>`
        : html`<div class="table-wrap">
          <table part="table">
            <caption>${t('insights.overview.caption')}</caption>
            ${columnHeads([
              t('insights.overview.unit'),
              t('insights.activeBusiness'),
              t('insights.activeProvider'),
              ...['submitted', 'approved', 'delivered', 'deflected'].map((k) => t(`insights.ideas.${k}` as MessageKey)),
              t('insights.overview.value'),
              t('insights.overview.maturity'),
            ])}
            <tbody>
              ${d.units.map((u) => overviewRow(ctx, f, u))}
            </tbody>
          </table>
        </div>`
    }
  </section>`;
}

function overviewRow(ctx: ViewContext, f: Formats, u: UnitInsightSummary): TemplateResult {
  const { t, locale } = ctx;
  return html`<tr>
    <th scope="row">
      <button type="button" class="link" data-unit=${u.unit.key} aria-label=${t('insights.open', { unit: u.unit.name })} @click=${() => ctx.open(u.unit)}>
        ${u.unit.name}
      </button>
    </th>
    <td>${f.count(u.activePeople.business)}</td>
    <td>${f.count(u.activePeople.provider)}</td>
    <td>${f.number(u.ideas.submitted)}</td>
    <td>${f.number(u.ideas.approved)}</td>
    <td>${f.number(u.ideas.delivered)}</td>
    <td>${f.number(u.ideas.deflected)}</td>
    <td>
      ${
        u.value.length
          ? html`<ul class="plain">
            ${u.value.map((v) => html`<li>${f.number(v.delivered)} ${v.measure} (${t(`insights.value.${v.benefitClass}`)})</li>`)}
          </ul>`
          : t('insights.none')
      }
    </td>
    <td>${maturityLabel(u.maturity, locale) ?? t('insights.none')}</td>
  </tr>`;
}

/** A table of monthly figures: a row per month, a column per figure. */
function monthTable(
  t: Translate,
  f: Formats,
  caption: string,
  months: readonly InsightMonth[],
  cols: readonly [MessageKey, (m: InsightMonth) => string][],
) {
  return html`<table part="table">
    <caption>${caption}</caption>
    ${columnHeads([t('insights.month'), ...cols.map(([key]) => t(key))])}
    <tbody>
      ${months.map(
        (m) => html`<tr>
          <th scope="row">${f.month(m.month)}</th>
          ${cols.map(([, value]) => html`<td>${value(m)}</td>`)}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function simpleTable(caption: string, heads: readonly string[], rows: readonly (readonly string[])[]) {
  return html`<table part="table">
    <caption>${caption}</caption>
    ${columnHeads(heads)}
    <tbody>
      ${rows.map(
        ([head, ...cells]) => html`<tr>
          <th scope="row">${head}</th>
          ${cells.map((c) => html`<td>${c}</td>`)}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function section(id: string, heading: string, body: TemplateResult | (TemplateResult | typeof nothing)[]): TemplateResult {
  return html`<section class="section" part="section" aria-labelledby=${id}>
    <h3 id=${id}>${heading}</h3>
    ${body}
  </section>`;
}

/** One unit's cockpit. */
export function renderUnit(ctx: ViewContext, d: UnitInsights): TemplateResult {
  const { t, locale, printing } = ctx;
  const f = formats(t, locale, d.minGroupSize);
  const frame = (id: string, title: string, summary: string, table: TemplateResult) => ({
    id: `bk-insights-${id}`,
    title,
    summary,
    table,
    toggle: t('insights.showTable'),
    open: printing,
  });
  const months = d.months;
  const categories = months.map((m) => f.shortMonth(m.month));
  const last = months[months.length - 1];

  const sides: Series[] = [
    { label: t('insights.business'), values: months.map((m) => m.activePeople.business) },
    { label: t('insights.provider'), values: months.map((m) => m.activePeople.provider) },
  ];
  const people = chart(
    frame(
      'people',
      t('insights.participation.people'),
      t('insights.participation.peopleSummary', {
        business: last ? f.count(last.activePeople.business) : f.number(0),
        businessMax: f.count(largest(sides[0]?.values ?? [])),
        provider: last ? f.count(last.activePeople.provider) : f.number(0),
        providerMax: f.count(largest(sides[1]?.values ?? [])),
      }),
      monthTable(t, f, t('insights.participation.people'), months, [
        ['insights.activeBusiness', (m) => f.count(m.activePeople.business)],
        ['insights.activeProvider', (m) => f.count(m.activePeople.provider)],
      ]),
    ),
    columns('bk-insights-people', {
      categories,
      series: sides,
      suppressedUpTo: d.minGroupSize - 1,
      suppressedLabel: t('insights.fewerShort', { n: d.minGroupSize }),
      format: f.number,
    }),
  );
  const activitySeries: Series[] = [
    { label: t('insights.discussions'), values: months.map((m) => m.discussions) },
    { label: t('insights.cardsUsed'), values: months.map((m) => m.cardsUsed) },
  ];
  const activity = chart(
    frame(
      'activity',
      t('insights.participation.activity'),
      t('insights.participation.activitySummary', {
        discussions: sum(activitySeries[0]?.values ?? []),
        cards: sum(activitySeries[1]?.values ?? []),
      }),
      monthTable(t, f, t('insights.participation.activity'), months, [
        ['insights.discussions', (m) => f.number(m.discussions)],
        ['insights.cardsUsed', (m) => f.number(m.cardsUsed)],
      ]),
    ),
    columns('bk-insights-activity', { categories, series: activitySeries, format: f.number }),
  );

  const ideaSeries: Series[] = IDEA_KEYS.map((k) => ({ label: t(`insights.ideas.${k}`), values: months.map((m) => m.ideas[k]) }));
  const totals = Object.fromEntries(IDEA_KEYS.map((k, i) => [k, sum(ideaSeries[i]?.values ?? [])]));
  const ideas = chart(
    frame(
      'ideas',
      t('insights.demand.ideas'),
      t('insights.demand.ideasSummary', totals),
      monthTable(
        t,
        f,
        t('insights.demand.ideas'),
        months,
        IDEA_KEYS.map((k) => [`insights.ideas.${k}`, (m: InsightMonth) => f.number(m.ideas[k])] as const),
      ),
    ),
    lines('bk-insights-ideas', { categories, series: ideaSeries, format: f.number }),
  );

  const outcomeTotal = sum(d.outcomes.map((o) => o.count));
  const outcomes = d.outcomes.length
    ? chart(
        frame(
          'outcomes',
          t('insights.demand.outcomes'),
          t('insights.demand.outcomesSummary', { count: outcomeTotal }),
          simpleTable(
            t('insights.demand.outcomes'),
            [t('insights.demand.status'), t('insights.demand.count')],
            d.outcomes.map((o) => [o.status, f.number(o.count)]),
          ),
        ),
        bars('bk-insights-outcomes', {
          rows: d.outcomes.map((o) => ({ label: o.status, bars: [{ value: o.count, series: 0 }], text: f.number(o.count) })),
        }),
      )
    : html`<h4>${t('insights.demand.outcomes')}</h4>
        <p class="notice">${t('insights.demand.outcomesNone')}</p>`;

  const mixRows: BarRow[] = d.demandMix.map((m) => ({
    label: classLabel(m.class, locale),
    bars: [{ value: m.share, series: 0 }],
    marker: m.intended,
    text: f.share(m.share),
  }));
  const mix = d.demandMix.length
    ? chart(
        frame(
          'mix',
          t('insights.demand.mix'),
          t('insights.demand.mixSummary', {
            shares: d.demandMix
              .map((m) =>
                m.intended === null
                  ? t('insights.demand.mixShareNoIntent', { label: classLabel(m.class, locale), share: f.share(m.share) })
                  : t('insights.demand.mixShare', {
                      label: classLabel(m.class, locale),
                      share: f.share(m.share),
                      intended: f.share(m.intended),
                    }),
              )
              .join('; '),
          }),
          simpleTable(
            t('insights.demand.mix'),
            [t('insights.demand.class'), t('insights.demand.count'), t('insights.demand.share'), t('insights.demand.intended')],
            d.demandMix.map((m) => [classLabel(m.class, locale), f.number(m.ideas), f.share(m.share), f.share(m.intended)]),
          ),
        ),
        bars('bk-insights-mix', { rows: mixRows, domain: [0, 100] }),
      )
    : html`<h4>${t('insights.demand.mix')}</h4>
        <p class="notice">${t('insights.demand.mixNone')}</p>`;

  const intakeTotal = sum(INTAKE_STEPS.map((s) => d.intake[s] ?? 0));
  const intake = chart(
    frame(
      'intake',
      t('insights.intake.chart'),
      t('insights.intake.summary', { count: intakeTotal }),
      simpleTable(
        t('insights.intake.chart'),
        [t('insights.intake.step'), t('insights.intake.count')],
        INTAKE_STEPS.map((s) => [t(`insights.intake.${s}`), f.number(d.intake[s] ?? 0)]),
      ),
    ),
    bars('bk-insights-intake', {
      rows: INTAKE_STEPS.map((s) => ({
        label: t(`insights.intake.${s}`),
        bars: [{ value: d.intake[s] ?? 0, series: 0 }],
        text: f.number(d.intake[s] ?? 0),
      })),
    }),
  );

  const value = d.value.length
    ? chart(
        frame(
          'value',
          t('insights.value.chart'),
          t('insights.value.summary', { rows: d.value.map((v) => valueText(t, f, v)).join('; ') }),
          simpleTable(
            t('insights.value.chart'),
            [
              t('insights.value.measure'),
              t('insights.value.class'),
              t('insights.value.planned'),
              t('insights.value.delivered'),
              t('insights.value.benefits'),
            ],
            d.value.map((v) => [
              v.measure,
              t(`insights.value.${v.benefitClass}`),
              f.number(v.planned),
              f.number(v.delivered),
              f.number(v.benefits),
            ]),
          ),
        ),
        bars('bk-insights-value', {
          perRow: true,
          legend: [
            { label: t('insights.value.delivered'), values: [] },
            { label: t('insights.value.planned'), values: [] },
          ],
          rows: d.value.map((v) => ({
            label: `${v.measure} (${t(`insights.value.${v.benefitClass}`)})`,
            bars: [
              { value: v.delivered, series: 0 },
              { value: v.planned, series: 1 },
            ],
            text: `${f.number(v.delivered)} / ${f.number(v.planned)}`,
          })),
        }),
      )
    : html`<p class="notice">${t('insights.value.none')}</p>`;

  return html`<div class="unit" part="unit">
    <header class="unit-head" part="header">
      <p class="print-only">${t('insights.review', { unit: d.unit.name })}</p>
      <h3 id="bk-insights-unit" tabindex="-1">${d.unit.name}</h3>
      ${periodLines(t, f, d)}
    </header>
    ${section('bk-insights-participation', t('insights.participation.heading'), [people, activity])}
    ${section('bk-insights-demand', t('insights.demand.heading'), [ideas, outcomes, mix])}
    ${section('bk-insights-intake', t('insights.intake.heading'), [intake])}
    ${section('bk-insights-value', t('insights.value.heading'), [value])}
    ${section('bk-insights-health', t('insights.health.heading'), health(ctx, f, d, frame))}
    ${section('bk-insights-content', t('insights.content.heading'), [content(t, f, d)])}
    ${d.contributors === null ? nothing : section('bk-insights-contributors', t('insights.contributors.heading'), [contributors(t, f, d)])}
  </div>`;
}

type Frame = (id: string, title: string, summary: string, table: TemplateResult) => Parameters<typeof chart>[0];

function health(ctx: ViewContext, f: Formats, d: UnitInsights, frame: Frame): TemplateResult[] {
  const { t, locale } = ctx;
  const rounds = d.health.trend;
  const latest = rounds[rounds.length - 1];
  if (!latest) return [html`<p class="notice">${t('insights.health.none')}</p>`];
  const trend = chart(
    frame(
      'trend',
      t('insights.health.trend'),
      t('insights.health.trendSummary', {
        title: latest.title,
        business: f.mean(latest.business.mean),
        provider: f.mean(latest.provider.mean),
        maturity: maturityLabel(latest.maturity?.level ?? null, locale) ?? t('insights.none'),
      }),
      simpleTable(
        t('insights.health.trend'),
        [
          t('insights.health.round'),
          t('insights.health.closed'),
          t('insights.business'),
          t('insights.provider'),
          t('insights.health.maturity'),
        ],
        rounds.map((r) => [
          r.title,
          f.date(r.closedAt),
          f.mean(r.business.mean),
          f.mean(r.provider.mean),
          maturityLabel(r.maturity?.level ?? null, locale) ?? t('insights.none'),
        ]),
      ),
    ),
    lines('bk-insights-trend', {
      categories: rounds.map((r) => f.date(r.closedAt)),
      series: [
        { label: t('insights.business'), values: rounds.map((r) => r.business.mean) },
        { label: t('insights.provider'), values: rounds.map((r) => r.provider.mean) },
      ],
      domain: [1, 5],
      format: f.number,
    }),
  );
  const gaps = sortedGaps(d);
  const first = gaps[0];
  const label = (item: (typeof gaps)[number]) => localize(item, locale).label;
  const gapChart = first
    ? chart(
        frame(
          'gaps',
          t('insights.health.gaps'),
          t('insights.health.gapsSummary', {
            item: label(first),
            business: f.mean(first.business?.mean),
            provider: f.mean(first.provider?.mean),
          }),
          simpleTable(
            t('insights.health.gaps'),
            [t('insights.health.item'), t('insights.business'), t('insights.provider'), t('insights.health.gap')],
            gaps.map((g) => [label(g), f.mean(g.business?.mean), f.mean(g.provider?.mean), f.gap(g.gap)]),
          ),
        ),
        bars('bk-insights-gaps', {
          domain: [-4, 4],
          rows: gaps.map((g) => ({ label: label(g), bars: [{ value: g.gap ?? 0, series: (g.gap ?? 0) < 0 ? 1 : 0 }], text: f.gap(g.gap) })),
        }),
      )
    : nothing;
  return [trend, gapChart as TemplateResult];
}

/** The latest round's items by the size of their gap, largest first; items without a gap last. */
export function sortedGaps(d: UnitInsights) {
  return [...d.health.latestGaps].sort((a, b) => Math.abs(b.gap ?? -1) - Math.abs(a.gap ?? -1));
}

function content(t: Translate, f: Formats, d: UnitInsights): TemplateResult {
  const c = d.contentHealth;
  const rows: [MessageKey, number][] = [
    ['insights.content.cards', c.cards],
    ['insights.content.reviewOverdue', c.reviewOverdue],
    ['insights.content.unowned', c.unowned],
    ['insights.content.stale', c.stale],
    ['insights.content.obsolete', c.obsolete],
  ];
  return html`<dl class="figures" part="figures">
    ${rows.map(([key, n]) => html`<div><dt>${t(key)}</dt><dd>${f.number(n)}</dd></div>`)}
  </dl>`;
}

function contributors(t: Translate, f: Formats, d: UnitInsights): TemplateResult {
  const people = d.contributors ?? [];
  if (people.length === 0) return html`<p class="notice">${t('insights.contributors.none')}</p>`;
  return html`<div class="table-wrap">
    ${simpleTable(
      t('insights.contributors.caption'),
      [t('insights.contributors.person'), t('insights.contributors.count')],
      people.map((p) => [p.name, f.number(p.contributions)]),
    )}
  </div>`;
}
