import type { BenefitClass, ValueBenefit, ValuePlan } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { valuePart } from '@bridgekit/sdk/parts/value';
import { bareHandle } from '@bridgekit/sdk/text-rules';
import { BENEFIT_CLASSES } from '@bridgekit/sdk/value-types';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { registerFeature } from '../../shared/i18n.ts';
import { valueMessages } from '../../shared/messages/value.ts';
import { tokens } from '../../shared/styles.ts';
import { viewer } from '../../shared/viewer.ts';
import { valuePlanStyles } from './value-plan.styles.ts';

usePart(valuePart);

registerFeature(valueMessages);

type Status = 'none' | 'loading' | 'ready' | 'unavailable' | 'error';

/** The share of the planned value delivered, from 0 to 1 (a benefit planned at 0 counts as reached once anything is delivered). */
function share(b: Pick<ValueBenefit, 'planned' | 'delivered'>): number {
  if (b.planned === 0) return b.delivered === 0 ? 0 : 1;
  return Math.min(1, Math.max(0, b.delivered / b.planned));
}

/** A form's text field, trimmed. */
const field = (form: HTMLFormElement, name: string) => String(new FormData(form).get(name) ?? '').trim();

/**
 * The benefits of a value-realisation plan (docs/value.md): each benefit's measure, baseline,
 * target, latest actual, what was delivered of what was planned (with a progress bar), its class,
 * owner and due date, and the totals per measure — only like measures add up. The plan's editors
 * (its card's owner, its unit's relationship team, admins) get a form to add a benefit; they and
 * a benefit's owner get a form to record an actual. A plan the reader may not see shows nothing.
 *
 * @tag bk-value-plan
 * @summary A value-realisation plan's benefits: planned, measured and delivered, per measure.
 *
 * @attr card-id - The value plan card's id.
 * @attr heading-level - The level of its heading (2 to 5, default 2); its sections take the next
 *   level, so the page's outline stays in order where it is embedded below a level-3 title.
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @csspart base - The frame.
 * @csspart table - The benefits table.
 * @csspart progress - Each benefit's progress bar.
 * @csspart totals - The totals per measure.
 * @csspart form - The forms to add a benefit and record an actual.
 *
 * @cssproperty --bk-value-plan-surface - Background of the frame. Default `--bk-color-surface`.
 */
export class BkValuePlan extends BridgekitElement {
  static override styles = [tokens, ...valuePlanStyles];
  static override properties = {
    cardId: { type: String, attribute: 'card-id', reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    _status: { state: true },
    _error: { state: true },
    _plan: { state: true },
    _me: { state: true },
    _busy: { state: true },
    _addError: { state: true },
    _recordError: { state: true },
    _announcement: { state: true },
  };

  declare cardId: string;
  declare headingLevel: number;
  declare _status: Status;
  declare _error: string;
  declare _plan: ValuePlan | null;
  declare _me: string | null;
  declare _busy: boolean;
  declare _addError: string;
  declare _recordError: string;
  declare _announcement: string;

  #load: AbortController | null = null;

  constructor() {
    super();
    this.cardId = '';
    this.headingLevel = 2;
    this._status = 'none';
    this._error = '';
    this._plan = null;
    this._me = null;
    this._busy = false;
    this._addError = '';
    this._recordError = '';
    this._announcement = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('cardId') || changed.has('tenant')) void this.#fetch();
  }

  protected configChanged(): void {
    void this.#fetch();
  }

  async #fetch(): Promise<void> {
    this.#load?.abort();
    const client = this.client;
    if (!client || !this.cardId) {
      this._status = 'none';
      return;
    }
    const load = new AbortController();
    this.#load = load;
    this._status = 'loading';
    try {
      const [plan, me] = await Promise.all([
        client.value.plan(this.cardId, { signal: load.signal }),
        this.signedIn ? viewer(client, load.signal).catch(() => null) : null,
      ]);
      if (load.signal.aborted) return;
      this._plan = plan;
      this._me = me?.user?.handle ?? null;
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

  /** The benefits the reader may record actuals of: all for the plan's editors, else those they own. */
  get #measurable(): ValueBenefit[] {
    const plan = this._plan;
    if (!plan || !this.signedIn) return [];
    return plan.canEdit ? plan.items : plan.items.filter((b) => this._me !== null && b.owner?.handle === this._me);
  }

  #number(value: number): string {
    return new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 }).format(value);
  }

  #date(day: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  }

  #percent(value: number): string {
    return new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  }

  /** Reads the plan again after a change: its figures and totals come from the server (one rule, domain/value.ts), never from here. */
  async #reload(): Promise<void> {
    const client = this.client;
    if (!client || !this.cardId) return;
    this._plan = await client.value.plan(this.cardId);
  }

  async #add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const client = this.client;
    if (!client || this._busy) return;
    const title = field(form, 'title');
    const measure = field(form, 'measure');
    const baseline = field(form, 'baseline');
    const target = field(form, 'target');
    if (!title || !measure || baseline === '' || target === '') {
      this._addError = this.t('valuePlan.required');
      return;
    }
    const owner = bareHandle(field(form, 'owner'));
    const dueOn = field(form, 'dueOn');
    this._busy = true;
    this._addError = '';
    this._announcement = '';
    try {
      const added = await client.value.addBenefit(this.cardId, {
        title,
        measure,
        baseline: Number(baseline),
        target: Number(target),
        benefitClass: field(form, 'benefitClass') as BenefitClass,
        ...(owner ? { owner } : {}),
        ...(dueOn ? { dueOn } : {}),
      });
      await this.#reload();
      form.reset();
      this._announcement = this.t('valuePlan.added', { title: added.title });
    } catch (err) {
      this._addError = await this.describeError(err);
    } finally {
      this._busy = false;
    }
  }

  async #record(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const client = this.client;
    if (!client || this._busy) return;
    const benefit = field(form, 'benefit');
    const measuredOn = field(form, 'measuredOn');
    const value = field(form, 'value');
    if (!benefit || !measuredOn || value === '') {
      this._recordError = this.t('valuePlan.valueRequired');
      return;
    }
    const note = field(form, 'note');
    this._busy = true;
    this._recordError = '';
    this._announcement = '';
    try {
      const measured = await client.value.recordActual(benefit, { measuredOn, value: Number(value), ...(note ? { note } : {}) });
      await this.#reload();
      form.reset();
      this._announcement = this.t('valuePlan.recorded', {
        title: measured.title,
        delivered: this.#number(measured.delivered),
        planned: this.#number(measured.planned),
      });
    } catch (err) {
      this._recordError = await this.describeError(err);
    } finally {
      this._busy = false;
    }
  }

  /** A native heading at the element's level (`depth` 0) or its sections' (`depth` 1). */
  #heading(depth: 0 | 1, id: string, text: string): TemplateResult {
    const level = Math.min(5, Math.max(2, Math.trunc(this.headingLevel) || 2)) + depth;
    const cls = depth ? 'subheading' : 'heading';
    switch (level) {
      case 2:
        return html`<h2 class=${cls} id=${id}>${text}</h2>`;
      case 3:
        return html`<h3 class=${cls} id=${id}>${text}</h3>`;
      case 4:
        return html`<h4 class=${cls} id=${id}>${text}</h4>`;
      case 5:
        return html`<h5 class=${cls} id=${id}>${text}</h5>`;
      default:
        return html`<h6 class=${cls} id=${id}>${text}</h6>`;
    }
  }

  protected override render() {
    return html`
      <section class="base" part="base" aria-labelledby="bk-value-plan-heading">
        ${this.#heading(0, 'bk-value-plan-heading', this.t('valuePlan.heading'))}
        ${this.renderSessionNotice()} ${this.#renderBody()}
        <p class="visually-hidden" role="status">${this._announcement}</p>
      </section>
    `;
  }

  #renderBody(): TemplateResult | typeof nothing {
    switch (this._status) {
      case 'none':
        return html`<p class="notice">${this.t('valuePlan.noCard')}</p>`;
      case 'loading':
        return html`<p role="status">${this.t('valuePlan.loading')}</p>`;
      case 'unavailable':
        return html`<p class="notice">${this.t('valuePlan.unavailable')}</p>`;
      case 'error':
        return this.renderFailure(this._error || this.t('valuePlan.loadFailed'), () => this.#fetch());
      default: {
        const plan = this._plan;
        if (!plan) return nothing;
        const measurable = this.#measurable;
        return html`<p>${plan.idea ? this.t('valuePlan.forIdea', { title: plan.idea.title }) : this.t('valuePlan.intro')}</p>
          ${plan.items.length ? this.#renderTable(plan) : html`<p class="notice">${this.t('valuePlan.empty')}</p>`}
          ${plan.totals.length ? this.#renderTotals(plan) : nothing} ${measurable.length ? this.#renderRecord(measurable) : nothing}
          ${plan.canEdit ? this.#renderAdd() : nothing}`;
      }
    }
  }

  #renderTable(plan: ValuePlan): TemplateResult {
    const caption = this.t('valuePlan.table', { title: plan.card.title });
    // A wide table scrolls in its own region, which keyboard users reach with Tab.
    return html`<div class="table-wrap" role="region" aria-label=${caption} tabindex="0">
      <table part="table">
        <caption>${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t('valuePlan.col.benefit')}</th>
            <th scope="col">${this.t('valuePlan.col.measure')}</th>
            <th scope="col">${this.t('valuePlan.col.baseline')}</th>
            <th scope="col">${this.t('valuePlan.col.target')}</th>
            <th scope="col">${this.t('valuePlan.col.latest')}</th>
            <th scope="col">${this.t('valuePlan.col.delivered')}</th>
            <th scope="col">${this.t('valuePlan.col.class')}</th>
            <th scope="col">${this.t('valuePlan.col.owner')}</th>
            <th scope="col">${this.t('valuePlan.col.due')}</th>
          </tr>
        </thead>
        <tbody>
          ${plan.items.map((b) => this.#renderRow(b))}
        </tbody>
      </table>
    </div>`;
  }

  #renderRow(b: ValueBenefit): TemplateResult {
    const latest = b.actuals.at(-1);
    const part = share(b);
    return html`<tr>
      <th scope="row">${b.title}</th>
      <td>${b.measure}</td>
      <td class="number">${this.#number(b.baseline)}</td>
      <td class="number">${this.#number(b.target)}</td>
      <td>
        ${
          latest
            ? this.t('valuePlan.measuredOn', { value: this.#number(latest.value), date: this.#date(latest.measuredOn) })
            : this.t('valuePlan.notMeasured')
        }
      </td>
      <td>
        <span>${this.t('valuePlan.deliveredOf', { delivered: this.#number(b.delivered), planned: this.#number(b.planned) })}</span>
        <progress
          part="progress"
          max="100"
          .value=${Math.round(part * 100)}
          aria-label=${this.t('valuePlan.progress', { benefit: b.title, percent: this.#percent(part) })}
        ></progress>
      </td>
      <td>${this.t(`valuePlan.class.${b.benefitClass}`)}</td>
      <td>${b.owner ? this.personName(b.owner.name) : this.t('valuePlan.nobody')}</td>
      <td>${b.dueOn ? this.#date(b.dueOn) : this.t('valuePlan.noDate')}</td>
    </tr>`;
  }

  #renderTotals(plan: ValuePlan): TemplateResult {
    return html`<section class="totals" part="totals" aria-labelledby="bk-value-plan-totals">
      ${this.#heading(1, 'bk-value-plan-totals', this.t('valuePlan.totals'))}
      <p>${this.t('valuePlan.totalsIntro')}</p>
      <ul>
        ${plan.totals.map(
          (total) =>
            html`<li>
              ${this.t('valuePlan.total', {
                measure: total.measure,
                delivered: this.#number(total.delivered),
                planned: this.#number(total.planned),
                benefits: this.t('valuePlan.benefitCount', { count: total.benefits }),
              })}
            </li>`,
        )}
      </ul>
    </section>`;
  }

  #renderRecord(benefits: ValueBenefit[]): TemplateResult {
    const today = new Date().toISOString().slice(0, 10);
    return html`<form class="form" part="form" aria-labelledby="bk-value-plan-record" @submit=${this.#record} novalidate>
      ${this.#heading(1, 'bk-value-plan-record', this.t('valuePlan.record.heading'))}
      <label>
        <span>${this.t('valuePlan.record.benefit')}</span>
        <select name="benefit">
          ${benefits.map((b) => html`<option value=${b.id}>${b.title} (${b.measure})</option>`)}
        </select>
      </label>
      <label>
        <span>${this.t('valuePlan.record.date')}</span>
        <input type="date" name="measuredOn" max=${today} .value=${today} required />
      </label>
      <label>
        <span>${this.t('valuePlan.record.value')}</span>
        <input type="number" name="value" step="any" inputmode="decimal" required />
      </label>
      <label>
        <span>${this.t('valuePlan.record.note')}</span>
        <input type="text" name="note" maxlength="500" />
      </label>
      ${this._recordError ? html`<p class="form-error" role="alert">${this._recordError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="button primary" ?disabled=${this._busy}>
          ${this._busy ? this.t('valuePlan.saving') : this.t('valuePlan.record.submit')}
        </button>
      </div>
    </form>`;
  }

  #renderAdd(): TemplateResult {
    return html`<form class="form" part="form" aria-labelledby="bk-value-plan-add" @submit=${this.#add} novalidate>
      ${this.#heading(1, 'bk-value-plan-add', this.t('valuePlan.add.heading'))}
      <label>
        <span>${this.t('valuePlan.add.title')}</span>
        <input type="text" name="title" maxlength="200" required />
      </label>
      <label>
        <span>${this.t('valuePlan.add.measure')}</span>
        <input type="text" name="measure" maxlength="40" required />
      </label>
      <div class="pair">
        <label>
          <span>${this.t('valuePlan.add.baseline')}</span>
          <input type="number" name="baseline" step="any" inputmode="decimal" required />
        </label>
        <label>
          <span>${this.t('valuePlan.add.target')}</span>
          <input type="number" name="target" step="any" inputmode="decimal" required />
        </label>
      </div>
      <label>
        <span>${this.t('valuePlan.add.class')}</span>
        <select name="benefitClass">
          ${BENEFIT_CLASSES.map((c) => html`<option value=${c}>${this.t(`valuePlan.class.${c}`)}</option>`)}
        </select>
      </label>
      <label>
        <span>${this.t('valuePlan.add.owner')}</span>
        <input type="text" name="owner" maxlength="64" autocomplete="off" />
      </label>
      <label>
        <span>${this.t('valuePlan.add.due')}</span>
        <input type="date" name="dueOn" />
      </label>
      ${this._addError ? html`<p class="form-error" role="alert">${this._addError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="button primary" ?disabled=${this._busy}>
          ${this._busy ? this.t('valuePlan.saving') : this.t('valuePlan.add.submit')}
        </button>
      </div>
    </form>`;
  }
}
