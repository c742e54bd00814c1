import type { HealthItem, HealthResults, HealthRound, HealthTrend, RelationshipSide } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { healthPart } from '@bridgekit/sdk/parts/health';
import { localize } from '@bridgekit/sdk/translations';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { BridgekitElement } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { registerFeature } from '../../shared/i18n.ts';
import { healthMessages } from '../../shared/messages/health.ts';
import { tokens } from '../../shared/styles.ts';
import { viewer } from '../../shared/viewer.ts';
import { healthStyles } from './health.styles.ts';

usePart(healthPart);

registerFeature(healthMessages);

type Status = 'none' | 'loading' | 'ready' | 'unavailable' | 'error';

/** The round the page's address names: `#bk-health=<id>` (among `&`-separated pieces) or `?bk-health=<id>`. */
function linkedRound(): string | null {
  const piece = location.hash
    .slice(1)
    .split('&')
    .find((p) => p.startsWith('bk-health='));
  const id = piece === undefined ? new URL(location.href).searchParams.get('bk-health') : piece.slice('bk-health='.length);
  if (!id) return null;
  try {
    return decodeURIComponent(id);
  } catch {
    return null;
  }
}
/** The results' and trend's rendering: loaded only for the relationship team, who alone sees them. */
type ResultsPart = typeof import('./health-results.ts');
interface Draft {
  score: number | null;
  comment: string;
}

const SCORES = [1, 2, 3, 4, 5] as const;
const RATES: readonly RelationshipSide[] = ['provider', 'business'];

/**
 * A business unit's two-sided relationship health (docs/health.md). For a person invited to the
 * unit's open round: the round's form — a score from 1 to 5 per item (radio buttons in a fieldset
 * per item) and an optional comment — which they may change until it closes. For the unit's
 * relationship team, CIOs and admins: how many of each side have answered while a round is open
 * (with a button to close it for relationship managers and admins), then the latest closed
 * round's results — each side's mean per item, the gap, large gaps marked, the maturity estimate
 * and why — and the trend across rounds. Anyone else sees that there is nothing for them.
 * Without `unit`, the unit of the round the page's address names (`#bk-health=<round id>` or
 * `?bk-health=<round id>`: where an invitation's notification leads), following the address as it changes.
 *
 * @tag bk-health
 * @summary A unit's two-sided health round: answer it when invited; its results, gaps and trend for the unit's relationship team.
 *
 * @attr unit - The business unit's key, e.g. `finance`. Without it, the unit of the round the page's address names (`#bk-health=<round id>`).
 * @attr tenant - Overrides the page's tenant for this element.
 *
 * @event bk-error - A call to the API failed.
 *
 * @csspart base - The frame.
 * @csspart form - The invitee's form.
 * @csspart item - Each item's fieldset.
 * @csspart counts - The answers so far of an open round.
 * @csspart results - The latest closed round's results.
 * @csspart maturity - The maturity estimate and its reason.
 * @csspart table - The results and trend tables.
 * @csspart large-gap - The words that mark a large gap.
 * @csspart trend - The trend across rounds.
 *
 * @cssproperty --bk-health-surface - Background of the frame. Default `--bk-color-surface`.
 * @cssproperty --bk-health-gap-background - Background of a row with a large gap. Default `--bk-color-surface-subtle`.
 */
export class BkHealth extends BridgekitElement {
  static override styles = [tokens, healthStyles];
  static override properties = {
    unit: { type: String, reflect: true },
    _status: { state: true },
    _error: { state: true },
    _rounds: { state: true },
    _results: { state: true },
    _trend: { state: true },
    _drafts: { state: true },
    _busy: { state: true },
    _formError: { state: true },
    _announcement: { state: true },
  };

  declare unit: string;
  declare _status: Status;
  declare _error: string;
  declare _rounds: HealthRound[];
  declare _results: HealthResults | null;
  declare _trend: HealthTrend | null;
  declare _drafts: Record<string, Draft>;
  declare _busy: boolean;
  declare _formError: string;
  declare _announcement: string;

  #load: AbortController | null = null;
  #resultsPart: ResultsPart | null = null;

  constructor() {
    super();
    this.unit = '';
    this._status = 'none';
    this._error = '';
    this._rounds = [];
    this._results = null;
    this._trend = null;
    this._drafts = {};
    this._busy = false;
    this._formError = '';
    this._announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#addressChanged);
    window.addEventListener('popstate', this.#addressChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load?.abort();
    window.removeEventListener('hashchange', this.#addressChanged);
    window.removeEventListener('popstate', this.#addressChanged);
  }

  readonly #addressChanged = (): void => {
    if (!this.unit) void this.#fetch();
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('unit') || changed.has('tenant')) void this.#fetch();
  }

  protected configChanged(): void {
    void this.#fetch();
  }

  /** The open round the reader is invited to answer. */
  get #invitation(): HealthRound | undefined {
    return this._rounds.find((r) => r.state === 'open' && r.mine !== null);
  }

  async #fetch(): Promise<void> {
    this.#load?.abort();
    const client = this.client;
    const linked = this.unit ? null : linkedRound();
    if (!client || (!this.unit && !linked)) {
      this._status = 'none';
      return;
    }
    if (!this.signedIn) {
      this._status = 'unavailable';
      return;
    }
    const load = new AbortController();
    this.#load = load;
    this._status = 'loading';
    try {
      const unit = this.unit || (await client.health.get(linked ?? '', { signal: load.signal })).unit.key;
      // The trend answers the unit's relationship team, CIOs and admins only: others do not ask
      // (a 404 in their console is noise); a 404 still says "not on it" if the team changed since.
      const me = (await viewer(client, load.signal)).user;
      const reads = me !== null && (me.cio || me.role === 'admin' || me.teams.some((place) => place.unit.key === unit));
      const [rounds, trend] = await Promise.all([
        client.health.list({ unit }, { signal: load.signal }),
        reads
          ? client.health.trend(unit, { signal: load.signal }).catch((err: unknown) => {
              if (isBridgekitError(err) && err.status === 404) return null;
              throw err;
            })
          : null,
      ]);
      const team = trend !== null;
      const closed = rounds.find((r) => r.state === 'closed' && r.counts !== null);
      const [results, part] = await Promise.all([
        team && closed ? client.health.results(closed.id, { signal: load.signal }) : null,
        team ? (this.#resultsPart ?? import('./health-results.ts')) : null,
      ]);
      this.#resultsPart = part;
      if (load.signal.aborted) return;
      this._rounds = rounds;
      this._results = results;
      this._trend = trend;
      const invited = this.#invitation;
      this._drafts = Object.fromEntries(
        (invited?.items ?? []).map((item) => {
          const given = invited?.mine?.answers.find((a) => a.item === item.key);
          return [item.key, { score: given?.score ?? null, comment: given?.comment ?? '' }];
        }),
      );
      this._status = team || invited ? 'ready' : 'unavailable';
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

  #setScore(item: string, score: number): void {
    this._drafts = { ...this._drafts, [item]: { ...(this._drafts[item] ?? { comment: '' }), score } };
    this._formError = '';
  }

  #setComment(item: string, comment: string): void {
    this._drafts = { ...this._drafts, [item]: { ...(this._drafts[item] ?? { score: null }), comment } };
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const round = this.#invitation;
    const client = this.client;
    if (!round || !client || this._busy) return;
    const answers = round.items.flatMap((item) => {
      const draft = this._drafts[item.key];
      if (!draft || draft.score === null) return [];
      const comment = draft.comment.trim();
      return [{ item: item.key, score: draft.score, comment: comment ? comment : null }];
    });
    if (answers.length === 0) {
      this._formError = this.t('health.noScore');
      return;
    }
    this._busy = true;
    this._formError = '';
    this._announcement = '';
    try {
      const saved = await client.health.answer(round.id, answers);
      this._rounds = this._rounds.map((r) => (r.id === saved.id ? saved : r));
      this._announcement = this.t('health.saved');
    } catch (err) {
      this._formError = await this.describeError(err);
    } finally {
      this._busy = false;
    }
  }

  async #close(round: HealthRound): Promise<void> {
    const client = this.client;
    if (!client || this._busy) return;
    this._busy = true;
    this._announcement = '';
    try {
      await client.health.close(round.id);
      await this.#fetch();
      this._announcement = this.t('health.closed');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#bk-health-results')?.focus();
    } catch (err) {
      this._error = await this.describeError(err);
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    return html`
      <section class="base" part="base" aria-labelledby="bk-health-heading">
        <h2 id="bk-health-heading">${this.t('health.heading')}</h2>
        <p>${this.t('health.intro')}</p>
        ${this.renderSessionNotice()} ${this.#renderBody()}
        <p class="visually-hidden" role="status">${this._announcement}</p>
      </section>
    `;
  }

  #renderBody(): TemplateResult | typeof nothing {
    switch (this._status) {
      case 'none':
        return html`<p class="notice">${this.t('health.noUnit')}</p>`;
      case 'loading':
        return html`<p role="status">${this.t('health.loading')}</p>`;
      case 'unavailable':
        return html`<p class="notice">${this.t('health.unavailable')}</p>`;
      case 'error':
        return this.renderFailure(this._error || this.t('health.loadFailed'), () => this.#fetch());
      default: {
        const invited = this.#invitation;
        const ctx = { t: this.t.bind(this), locale: this.locale };
        const part = this.#resultsPart;
        if (this._rounds.length === 0) return html`<p class="notice">${this.t('health.noRounds')}</p>`;
        return html`${invited ? this.#renderForm(invited) : nothing}
        ${this._rounds.filter((r) => r.state === 'open' && r.counts !== null).map((r) => this.#renderOpen(r))}
        ${part && this._results ? part.renderResults(ctx, this._results) : nothing}
        ${part && this._trend ? part.renderTrend(ctx, this._trend) : nothing}`;
      }
    }
  }

  #closesOn(round: HealthRound) {
    if (!round.closesOn) return nothing;
    const date = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${round.closesOn}T00:00:00Z`),
    );
    return html`<p>${this.t('health.closesOn', { date })}</p>`;
  }

  #renderForm(round: HealthRound): TemplateResult {
    const mine = round.mine;
    if (!mine) return html``;
    const answered = mine.answers.length;
    return html`<form class="form" part="form" aria-labelledby="bk-health-form-heading" @submit=${this.#save} novalidate>
      <h3 id="bk-health-form-heading">${this.t('health.form.heading', { title: round.title })}</h3>
      <p>${this.t('health.form.intro', { side: this.t(`health.side.${mine.side}`) })}</p>
      ${this.#closesOn(round)} ${answered ? html`<p>${this.t('health.answered', { count: answered })}</p>` : nothing}
      ${RATES.map((rates) => {
        const items = round.items.filter((item) => item.rates === rates);
        return items.length
          ? html`<h4>${this.t(`health.rates.${rates}`)}</h4>
              ${items.map((item) => this.#renderItem(item))}`
          : nothing;
      })}
      ${this._formError ? html`<p class="notice error" role="alert">${this._formError}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="button primary" ?disabled=${this._busy}>
          ${this._busy ? this.t('health.saving') : this.t('health.save')}
        </button>
      </div>
    </form>`;
  }

  #renderItem(item: HealthItem): TemplateResult {
    const { label } = localize(item, this.locale);
    const draft = this._drafts[item.key] ?? { score: null, comment: '' };
    const name = `bk-health-${item.key}`;
    return html`<fieldset class="item" part="item">
      <legend>${label}</legend>
      <div class="scale">
        ${SCORES.map(
          (score) => html`<label class="choice">
            <input
              type="radio"
              name=${name}
              .value=${String(score)}
              .checked=${draft.score === score}
              @change=${() => this.#setScore(item.key, score)}
            />
            <span>${score === 1 ? this.t('health.score.1') : score === 5 ? this.t('health.score.5') : this.t('health.score', { score })}</span>
          </label>`,
        )}
      </div>
      <label class="comment">
        <span>${this.t('health.comment', { item: label })}</span>
        <textarea
          rows="2"
          maxlength="2000"
          .value=${draft.comment}
          @input=${(e: Event) => this.#setComment(item.key, (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </label>
    </fieldset>`;
  }

  #renderOpen(round: HealthRound): TemplateResult {
    const counts = round.counts;
    if (!counts) return html``;
    const id = `bk-health-open-${round.id}`;
    return html`<section class="open" aria-labelledby=${id}>
      <h3 id=${id}>${this.t('health.open.heading', { title: round.title })}</h3>
      ${this.#closesOn(round)}
      <p part="counts">
        ${this.t('health.open.counts', {
          businessResponded: counts.business.responded,
          businessInvited: counts.business.invited,
          providerResponded: counts.provider.responded,
          providerInvited: counts.provider.invited,
        })}
      </p>
      ${
        round.canManage
          ? html`<div class="actions">
            <button type="button" class="button" ?disabled=${this._busy} @click=${() => this.#close(round)}>
              ${this._busy ? this.t('health.closing') : this.t('health.close')}
            </button>
          </div>`
          : nothing
      }
    </section>`;
  }
}
