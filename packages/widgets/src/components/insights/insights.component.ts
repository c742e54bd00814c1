import type { InsightQuery, InsightsOverview, UnitInsights, UnitRef } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { insightsPart } from '@bridgekit/sdk/parts/insights';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { BkInsightsUnitEvent } from '../../events/insights-unit.ts';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { registerFeature } from '../../shared/i18n.ts';
import { insightsMessages } from '../../shared/messages/insights.ts';
import { tokens } from '../../shared/styles.ts';
import { viewer } from '../../shared/viewer.ts';
import { insightsStyles } from './insights.styles.ts';
import { parseQuarterKey, periodQuarter, quarterKey, quarterOf, quarterPeriod, recentQuarters, thisMonth, validPeriod } from './period.ts';

usePart(insightsPart);

registerFeature(insightsMessages);

type Status = 'loading' | 'ready' | 'unavailable' | 'error';
/** The figures' rendering: loaded only for readers who may see figures. */
type ViewPart = typeof import('./insights-view.ts');

/**
 * The cockpit (docs/insights.md): for a unit's relationship team, CIOs and admins, how a business
 * unit takes part, what it asks for and what it got, month by month. With `unit`: that unit's
 * sections — participation, demand (ideas per month, outcomes, demand mix against the intended
 * mix), intake, value planned and delivered, relationship health (trend and gaps), content health
 * and, where the tenant allows, contributors — each chart an accessible SVG with its table.
 * Without `unit`: a table of every unit the reader reads, each opening its cockpit in place.
 * Period filters (months and quarters), a CSV download of what is shown, and a printable
 * quarterly review. Groups smaller than the tenant's minimum read "fewer than n", never 0. A
 * reader who reads no unit sees a short message, and nothing is asked of the API for them.
 *
 * @tag bk-insights
 * @summary A business unit's cockpit over time (participation, demand, intake, value, relationship and content health), or the overview of every unit the reader reads.
 *
 * @attr unit - The business unit's key, e.g. `finance`; without it, the overview of every unit the reader reads.
 * @attr from - First month, `YYYY-MM`; default 11 months before `to`.
 * @attr to - Last month, `YYYY-MM`; default this month. At most 36 months in all.
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-insights-unit - The reader opened a unit from the overview (`event.unit`); cancel it to keep the overview.
 * @event bk-error - A call to the API failed.
 *
 * @csspart base - The frame.
 * @csspart filters - The period filters, CSV and print controls.
 * @csspart header - A unit's name, period and "as of" line.
 * @csspart unit - A unit's cockpit.
 * @csspart section - Each section (and the overview).
 * @csspart chart - Each chart with its heading, summary and table.
 * @csspart table-toggle - The "Show as table" disclosure of each chart.
 * @csspart table - Each table.
 * @csspart figures - The content-health figures.
 *
 * @cssproperty --bk-insights-surface - Background of the frame. Default `--bk-color-surface`.
 * @cssproperty --bk-insights-color-1 - First series (the business side; ideas submitted). Default `--bk-color-brand`.
 * @cssproperty --bk-insights-color-2 - Second series, hatched (the IT side; backed; planned value).
 * @cssproperty --bk-insights-color-3 - Third series (approved).
 * @cssproperty --bk-insights-color-4 - Fourth series (delivered).
 * @cssproperty --bk-insights-color-5 - Fifth series (deflected).
 */
export class BkInsights extends BridgekitElement {
  static override styles = [tokens, insightsStyles];
  static override properties = {
    unit: { type: String, reflect: true },
    from: { type: String, reflect: true },
    to: { type: String, reflect: true },
    _status: { state: true },
    _error: { state: true },
    _overview: { state: true },
    _insights: { state: true },
    _fromOverview: { state: true },
    _printing: { state: true },
    _announcement: { state: true },
  };

  declare unit: string;
  declare from: string;
  declare to: string;
  declare _status: Status;
  declare _error: string;
  declare _overview: InsightsOverview | null;
  declare _insights: UnitInsights | null;
  declare _fromOverview: boolean;
  declare _printing: boolean;
  declare _announcement: string;

  #load: AbortController | null = null;
  #loading: Promise<void> = Promise.resolve();
  #view: ViewPart | null = null;
  #onBeforePrint = () => {
    this._printing = true;
  };
  #onAfterPrint = () => {
    this._printing = false;
  };

  constructor() {
    super();
    this.unit = '';
    this.from = '';
    this.to = '';
    this._status = 'loading';
    this._error = '';
    this._overview = null;
    this._insights = null;
    this._fromOverview = false;
    this._printing = false;
    this._announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.#onBeforePrint);
    window.addEventListener('afterprint', this.#onAfterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load?.abort();
    window.removeEventListener('beforeprint', this.#onBeforePrint);
    window.removeEventListener('afterprint', this.#onAfterPrint);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unit') || changed.has('from') || changed.has('to') || changed.has('tenant')) this.#loading = this.#fetch();
  }

  protected configChanged(): void {
    this.#loading = this.#fetch();
  }

  get #periodValid(): boolean {
    return validPeriod(this.from, this.to);
  }

  async #fetch(): Promise<void> {
    // A period the API would refuse is not asked for: the filters say what is wrong, the figures stay.
    if (!this.#periodValid) return;
    this.#load?.abort();
    const client = this.client;
    const unit = this.unit;
    if (!client || !this.signedIn) {
      this._status = 'unavailable';
      return;
    }
    const load = new AbortController();
    this.#load = load;
    this._status = 'loading';
    try {
      // Only a unit's relationship team, CIOs and admins read figures: others ask nothing (a 404
      // in their console is noise); a 404 still says "not yours" if the team changed since.
      const me = (await viewer(client, load.signal)).user;
      const everyUnit = me !== null && (me.cio || me.role === 'admin');
      const reads = me !== null && (everyUnit || (unit ? me.teams.some((place) => place.unit.key === unit) : me.teams.length > 0));
      if (!reads) {
        this._status = 'unavailable';
        return;
      }
      const query: InsightQuery = {};
      if (this.from) query.from = this.from;
      if (this.to) query.to = this.to;
      const options = { signal: load.signal };
      const [data, view] = await Promise.all([
        unit ? client.insights.unit(unit, query, options) : client.insights.overview(query, options),
        this.#view ?? import('./insights-view.ts'),
      ]);
      this.#view = view;
      if (load.signal.aborted) return;
      if (unit) {
        this._insights = data as UnitInsights;
        this._overview = null;
      } else {
        this._overview = data as InsightsOverview;
        this._insights = null;
      }
      this._status = 'ready';
    } catch (err) {
      if (load.signal.aborted) return;
      if (isBridgekitError(err) && [401, 403, 404].includes(err.status)) {
        this._status = 'unavailable';
        return;
      }
      this._error = await this.describeError(err);
      this._status = 'error';
    }
  }

  /** The period shown: the attributes, else what the API answered (its defaults). */
  get #shown(): { from: string; to: string } {
    const data = this._insights ?? this._overview;
    return { from: this.from || data?.from || '', to: this.to || data?.to || '' };
  }

  #setMonth(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    const shown = this.#shown;
    const next = { ...shown, [which]: value };
    this.from = next.from;
    this.to = next.to;
  }

  #setQuarter(event: Event): void {
    const quarter = parseQuarterKey((event.target as HTMLSelectElement).value);
    if (!quarter) return;
    const { from, to } = quarterPeriod(quarter);
    this.from = from;
    this.to = to;
  }

  async #open(unit: UnitRef): Promise<void> {
    if (!this.dispatchEvent(new BkInsightsUnitEvent(unit))) return;
    this._fromOverview = true;
    this.unit = unit.key;
    await this.updateComplete;
    await this.#loading;
    await this.updateComplete;
    this._announcement = this.t('insights.unit.loaded', { unit: unit.name });
    this.renderRoot.querySelector<HTMLElement>('#bk-insights-unit')?.focus();
  }

  async #back(): Promise<void> {
    const key = this.unit;
    this._fromOverview = false;
    this.unit = '';
    await this.updateComplete;
    await this.#loading;
    await this.updateComplete;
    this._announcement = this.t('insights.overview.loaded', { count: this._overview?.units.length ?? 0 });
    this.renderRoot.querySelector<HTMLElement>(`button[data-unit="${CSS.escape(key)}"]`)?.focus();
  }

  async #csv(): Promise<void> {
    const [csv, shown] = [await import('./insights-csv.ts'), this.#shown];
    const t = this.t.bind(this);
    const root = this.renderRoot as ShadowRoot;
    if (this._insights)
      csv.download(root, `insights-${this._insights.unit.key}-${shown.from}-${shown.to}.csv`, csv.unitCsv(t, this._insights));
    else if (this._overview) csv.download(root, `insights-${shown.from}-${shown.to}.csv`, csv.overviewCsv(t, this._overview));
    this._announcement = this.t('insights.csvDone');
  }

  /** Sets the period to the chosen quarter (that of the period's end when none is chosen), waits for its figures, and prints. */
  async #print(): Promise<void> {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#bk-insights-quarter');
    const quarter = parseQuarterKey(select?.value ?? '') ?? quarterOf(this.#shown.to || thisMonth());
    const { from, to } = quarterPeriod(quarter);
    this.from = from;
    this.to = to;
    await this.updateComplete;
    await this.#loading;
    if (this._status !== 'ready') return;
    this._printing = true;
    await this.updateComplete;
    try {
      window.print();
    } finally {
      this._printing = false;
    }
  }

  protected override render() {
    return html`
      <section class="base" part="base" aria-labelledby="bk-insights-heading">
        <h2 id="bk-insights-heading">${this.t('insights.heading')}</h2>
        <p class="intro">${this.t('insights.intro')}</p>
        ${this.renderSessionNotice()} ${this._status === 'unavailable' ? nothing : this.#renderFilters()} ${this.#renderBody()}
        <p class="visually-hidden" role="status">${this._announcement}</p>
      </section>
    `;
  }

  #renderFilters(): TemplateResult {
    const shown = this.#shown;
    const current = periodQuarter(shown);
    const quarters = recentQuarters(shown.to || thisMonth());
    const invalid = !this.#periodValid;
    const ready = this._status === 'ready';
    return html`<div class="filters" part="filters">
      ${
        this._fromOverview && this.unit
          ? html`<button type="button" class="button back" @click=${this.#back}>${this.t('insights.back')}</button>`
          : nothing
      }
      <fieldset class="period">
        <legend>${this.t('insights.filters')}</legend>
        <label>
          <span>${this.t('insights.from')}</span>
          <input
            type="month"
            .value=${shown.from}
            max=${shown.to || nothing}
            aria-invalid=${invalid ? 'true' : nothing}
            aria-describedby=${invalid ? 'bk-insights-period-error' : nothing}
            @change=${(e: Event) => this.#setMonth('from', e)}
          />
        </label>
        <label>
          <span>${this.t('insights.to')}</span>
          <input
            type="month"
            .value=${shown.to}
            min=${shown.from || nothing}
            aria-invalid=${invalid ? 'true' : nothing}
            aria-describedby=${invalid ? 'bk-insights-period-error' : nothing}
            @change=${(e: Event) => this.#setMonth('to', e)}
          />
        </label>
        <label>
          <span>${this.t('insights.quarter')}</span>
          <select id="bk-insights-quarter" @change=${this.#setQuarter}>
            <option value="" ?selected=${current === null}>${this.t('insights.quarter.none')}</option>
            ${quarters.map(
              (q) =>
                html`<option value=${quarterKey(q)} ?selected=${current !== null && quarterKey(current) === quarterKey(q)}>
                  ${this.t('insights.quarter.label', { quarter: String(q.quarter), year: String(q.year) })}
                </option>`,
            )}
          </select>
        </label>
      </fieldset>
      ${invalid ? html`<p id="bk-insights-period-error" class="notice error" role="alert">${this.t('insights.periodInvalid')}</p>` : nothing}
      <div class="actions">
        <button type="button" class="button" ?disabled=${!ready} @click=${this.#csv}>${this.t('insights.csv')}</button>
        ${this.unit ? html`<button type="button" class="button" ?disabled=${!ready} @click=${this.#print}>${this.t('insights.print')}</button>` : nothing}
      </div>
    </div>`;
  }

  #renderBody(): TemplateResult | typeof nothing {
    switch (this._status) {
      case 'loading':
        return html`<p role="status">${this.t('insights.loading')}</p>`;
      case 'unavailable':
        return html`<p class="notice">${this.t('insights.unavailable')}</p>`;
      case 'error':
        return this.renderFailure(this._error || this.t('insights.loadFailed'), () => (this.#loading = this.#fetch()));
      default: {
        const view = this.#view;
        if (!view) return nothing;
        const ctx = { t: this.t.bind(this), locale: this.locale, printing: this._printing, open: (u: UnitRef) => void this.#open(u) };
        if (this._insights) return view.renderUnit(ctx, this._insights);
        if (this._overview) return view.renderOverview(ctx, this._overview);
        return nothing;
      }
    }
  }
}
