/**
 * What `<bk-health>` shows the unit's relationship team once a round closed: the results table
 * (each side's mean per item and the gap, large gaps marked in words as well as colour), who
 * answered, the maturity estimate with why it is what the weaker side supports, the comments
 * without names, and the trend across rounds as a table.
 */
import type { HealthResults, HealthSideResult, HealthTrend, RelationshipSide } from '@bridgekit/sdk';
import { HEALTH_LARGE_GAP } from '@bridgekit/sdk/health-types';
import { localize } from '@bridgekit/sdk/translations';
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../shared/i18n.ts';

type T = Translate;

export interface ResultsContext {
  t: T;
  locale: string;
}

const other = (side: RelationshipSide): RelationshipSide => (side === 'business' ? 'provider' : 'business');

function numbers(locale: string) {
  const mean = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const gap = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  return { mean: (n: number | null | undefined) => (n == null ? null : mean.format(n)), gap: (n: number) => gap.format(n) };
}

function maturity({ t, locale }: ResultsContext, results: Pick<HealthResults, 'maturity' | 'sides'>): TemplateResult {
  const m = results.maturity;
  if (!m) return html`<p class="maturity" part="maturity">${t('health.maturity.none')}</p>`;
  const { label } = localize(m, locale);
  const why = m.weakerSide
    ? t('health.maturity.weaker', {
        weaker: t(`health.side.${m.weakerSide}`),
        weakerLevel: results.sides[m.weakerSide].level ?? '',
        stronger: t(`health.side.${other(m.weakerSide)}`),
        strongerLevel: results.sides[other(m.weakerSide)].level ?? '',
      })
    : t('health.maturity.same');
  return html`<p class="maturity" part="maturity"><strong>${t('health.maturity', { level: m.level, label })}</strong> ${why}</p>`;
}

const respondents = (t: T, sides: Record<RelationshipSide, HealthSideResult>) =>
  t('health.respondents', {
    businessRespondents: sides.business.respondents,
    businessInvited: sides.business.invited,
    providerRespondents: sides.provider.respondents,
    providerInvited: sides.provider.invited,
  });

/** A closed round's results. */
export function renderResults(ctx: ResultsContext, results: HealthResults): TemplateResult {
  const { t, locale } = ctx;
  const n = numbers(locale);
  const none = t('health.results.none');
  const labels = new Map(results.round.items.map((item) => [item.key, localize(item, locale).label]));
  const comments = (side: RelationshipSide) =>
    results.comments[side].length
      ? html`<h4>${t(`health.comments.${side}`)}</h4>
          <ul class="comments">
            ${results.comments[side].map((c) => html`<li><span class="comment-item">${labels.get(c.item) ?? c.item}:</span> ${c.comment}</li>`)}
          </ul>`
      : nothing;
  return html`<section class="results" part="results" aria-labelledby="bk-health-results">
    <h3 id="bk-health-results" tabindex="-1">${t('health.results.heading', { title: results.round.title })}</h3>
    <p>${respondents(t, results.sides)}</p>
    ${maturity(ctx, results)}
    <div class="table-wrap">
      <table part="table">
        <caption>${t('health.results.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('health.results.item')}</th>
            <th scope="col">${t('health.results.business')}</th>
            <th scope="col">${t('health.results.provider')}</th>
            <th scope="col">${t('health.results.gap')}</th>
          </tr>
        </thead>
        <tbody>
          ${results.perItem.map((row) => {
            const large = row.gap !== null && Math.abs(row.gap) >= HEALTH_LARGE_GAP;
            return html`<tr class=${large ? 'large-gap' : ''}>
              <th scope="row">${localize(row, locale).label}</th>
              <td>${n.mean(row.business?.mean) ?? none}</td>
              <td>${n.mean(row.provider?.mean) ?? none}</td>
              <td>
                ${row.gap === null ? none : n.gap(row.gap)}
                ${large ? html`<span class="flag" part="large-gap">${t('health.results.largeGap')}</span>` : nothing}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    ${
      results.comments.business.length || results.comments.provider.length
        ? html`<h4 class="comments-heading">${t('health.comments.heading')}</h4>
          ${comments('business')} ${comments('provider')}`
        : nothing
    }
  </section>`;
}

/** A unit's closed rounds as a table, oldest first. */
export function renderTrend(ctx: ResultsContext, trend: HealthTrend): TemplateResult | typeof nothing {
  const { t, locale } = ctx;
  if (trend.rounds.length === 0) return nothing;
  const n = numbers(locale);
  const none = t('health.results.none');
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return html`<section class="trend" part="trend" aria-labelledby="bk-health-trend">
    <h3 id="bk-health-trend">${t('health.trend.heading')}</h3>
    <div class="table-wrap">
      <table part="table">
        <caption>${t('health.trend.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('health.trend.round')}</th>
            <th scope="col">${t('health.trend.closed')}</th>
            <th scope="col">${t('health.results.business')}</th>
            <th scope="col">${t('health.results.provider')}</th>
            <th scope="col">${t('health.trend.maturity')}</th>
          </tr>
        </thead>
        <tbody>
          ${trend.rounds.map(
            (r) => html`<tr>
              <th scope="row">${r.title}</th>
              <td>${date.format(new Date(r.closedAt))}</td>
              <td>${n.mean(r.business.mean) ?? none}</td>
              <td>${n.mean(r.provider.mean) ?? none}</td>
              <td>${r.maturity ? `${r.maturity.level} · ${localize(r.maturity, locale).label}` : none}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}
