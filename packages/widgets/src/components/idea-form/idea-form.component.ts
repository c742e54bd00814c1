import type {
  Board,
  EffortSize,
  IntakeField,
  ItemPages,
  Lane,
  ModerationState,
  NewBusinessCase,
  OnBehalfOf,
  SimilarIdea,
  UnitRef,
  ValueType,
} from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { ideasPart } from '@bridgekit/sdk/parts/ideas';
import { localize } from '@bridgekit/sdk/translations';
import { LIMITS } from '@bridgekit/sdk/types';
import { html, nothing, type PropertyValues } from 'lit';
import { BkCancelEvent } from '../../events/cancel.ts';
import { BkIdeaCreateEvent } from '../../events/idea-create.ts';
import type { BkVoteChangeEvent } from '../../events/vote-change.ts';
import { BridgekitElement, loadErrorTexts } from '../../shared/bridgekit-element.ts';
import { usePart } from '../../shared/client.ts';
import { type MessageKey, registerFeature, translator } from '../../shared/i18n.ts';
import { ideaFormMessages } from '../../shared/messages/idea-form.ts';
import { ideasMessages } from '../../shared/messages/ideas.ts';
import { heldStyles, tokens } from '../../shared/styles.ts';
import { ideaFormStyles } from './idea-form.styles.ts';
import type { LeaderField } from './idea-form-leader.ts';
import type { IdeaSorting, Sorting, SortingField } from './idea-form-sorting.ts';

usePart(ideasPart);

registerFeature(ideasMessages);
registerFeature(ideaFormMessages);

const TITLE_MIN = LIMITS.ideaTitle.min;
const TITLE_MAX = LIMITS.ideaTitle.max;
const DESCRIPTION_MAX = LIMITS.ideaDescription.max;
const VALUE_TYPES: ValueType[] = ['revenue', 'cost', 'risk', 'compliance', 'experience'];
const EFFORTS: EffortSize[] = ['XS', 'S', 'M', 'L', 'XL'];
/** How long typing must pause before similar ideas are looked up. */
const SUGGEST_DELAY_MS = 300;
/** Links to the suggested ideas and their answering cards: loaded with the first suggestions. */
let links: typeof import('../../shared/item-links.ts') | undefined;

/** The disclosure for a business leader's idea: loaded for those who may record one. */
let leaderForm: typeof import('./idea-form-leader.ts') | undefined;

/** The sorting for the intake (demand class, objectives, sponsor): loaded after the first paint. */
let sortingPart: typeof import('./idea-form-sorting.ts') | undefined;

type Errors = Partial<Record<'title' | 'description' | IntakeField | LeaderField | SortingField | 'form', string>>;
/** Who may record an idea on a business leader's behalf. */
const PROXIES = new Set(['evaluator', 'moderator', 'admin']);
const LEADER_PATHS: Record<string, LeaderField> = { name: 'leaderName', email: 'leaderEmail', businessUnit: 'leaderUnit' };

interface FormInput extends Sorting {
  title: string;
  description: string;
  lane: Lane;
  businessCase: NewBusinessCase;
  onBehalfOf?: OnBehalfOf;
  unit?: string;
  impactedUnits?: string[];
}

/**
 * The intake form for an IT-enabled idea: opportunity or change request, a title (with similar
 * ideas suggested while typing, closed ones included — each a link with its status and supporters,
 * and an open one with its own Back button, which says visibly when it counted), details, and the short business case the
 * board asks for, sorted for the intake (demand class, the sponsoring unit's objectives, business
 * sponsor; loaded after the first paint). Checks before sending, clears a field's error once it is
 * valid, and shows the server's field errors where they belong — a refusal by the moderation
 * pipeline at the field it concerns. When moderation holds the idea, the form says so, and why,
 * until the next submission.
 *
 * @tag bk-idea-form
 * @summary Submit an idea, with duplicate suggestions and a business case.
 *
 * @attr board - Slug of the board.
 * @attr source-card - Id of the practice card the idea is proposed from: the form names it, and the idea links to it.
 * @attr tenant - Overrides the page's tenant for this element.
 * @prop {Board} boardData - The board, when the host has it (its required fields); otherwise it is fetched.
 * @prop {string} sourceCardTitle - The source card's title, when the host has it; otherwise it is fetched.
 *
 * @event bk-idea-create - The idea was stored ({@link BkIdeaCreateEvent}).
 * @event bk-cancel - The person cancelled (button or Escape).
 * @event bk-error - A call to the API failed.
 *
 * @csspart form - The form.
 * @csspart similar - The similar-ideas box.
 * @csspart similar-vote - Each open suggestion's Back button (`bk-idea-vote`, inline).
 * @csspart backed - "Your support was added to …", after backing a suggestion.
 * @csspart held - "Your idea waits for a moderator", with the reason.
 * @csspart source - "Proposed from the practice card: …".
 * @csspart on-behalf-of - "On behalf of a business leader" (evaluators, moderators and admins).
 * @cssproperty --bk-idea-form-surface - Background of the form. Default `--bk-color-surface-subtle`.
 */
export class BkIdeaForm extends BridgekitElement {
  static override styles = [tokens, heldStyles, ideaFormStyles];
  static override shadowRootOptions = { ...BridgekitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    board: { type: String, reflect: true },
    boardData: { attribute: false },
    sourceCard: { type: String, attribute: 'source-card', reflect: true },
    sourceCardTitle: { attribute: false },
    _errors: { state: true },
    _submitting: { state: true },
    _similar: { state: true },
    _titleLength: { state: true },
    _descriptionLength: { state: true },
    _held: { state: true },
    _mayProxy: { state: true },
    _units: { state: true },
    _backed: { state: true },
  };

  declare board: string;
  declare boardData: Board | undefined;
  declare sourceCard: string;
  declare sourceCardTitle: string;
  declare _errors: Errors;
  declare _submitting: boolean;
  declare _similar: SimilarIdea[];
  declare _titleLength: number;
  declare _descriptionLength: number;
  /** The last idea submitted, when moderation holds it: its title and why it waits. */
  declare _held: { title: string; moderation: ModerationState } | null;
  /** Evaluators, moderators and admins may record an idea for a business leader. */
  declare _mayProxy: boolean;
  /** The tenant's current demand-side units: the beneficiary is picked from them when there are any. */
  declare _units: UnitRef[];
  /** The suggestion the person just backed from here: said visibly, since the form stays open. */
  declare _backed: string | null;

  #suggestTimer: ReturnType<typeof setTimeout> | undefined;
  #suggest: AbortController | null = null;
  #sorting: IdeaSorting | null = null;

  constructor() {
    super();
    this.board = '';
    this.sourceCard = '';
    this.sourceCardTitle = '';
    this._errors = {};
    this._submitting = false;
    this._similar = [];
    this._titleLength = 0;
    this._descriptionLength = 0;
    this._held = null;
    this._mayProxy = false;
    this._units = [];
    this._backed = null;
    // A suggestion's Back button votes inside the form: its event passes this host (nothing to load for it).
    this.addEventListener('bk-vote-change', (e) => this.#followVote(e));
  }

  /** Keeps a suggestion's supporters in step with the vote cast on it here, and confirms it visibly. */
  #followVote(event: BkVoteChangeEvent): void {
    const backed = this._similar.find((s) => s.id === event.ideaId);
    if (!backed) return;
    this._similar = this._similar.map((s) => (s.id === event.ideaId ? { ...s, supporters: event.state.supporters } : s));
    if (this.renderRoot.contains(event.source as Node)) this._backed = event.state.voted ? backed.title : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('board') || changed.has('tenant')) && !this.boardData) void this.#loadBoard();
    if (!this.hasUpdated || changed.has('tenant')) {
      void this.#loadRole();
      void this.#loadUnits();
      void this.#loadSorting();
    }
    if (changed.has('sourceCard') || changed.has('tenant')) {
      // Another card: its own title, unless the host gave that too.
      if (this.hasUpdated && !changed.has('sourceCardTitle')) this.sourceCardTitle = '';
      void this.#loadSourceCard();
    }
  }

  protected configChanged(): void {
    void this.#loadRole();
    void this.#loadUnits();
    void this.#loadBoard();
    void this.#loadSorting();
  }

  async #loadSorting(): Promise<void> {
    sortingPart ??= await import('./idea-form-sorting.ts');
    this.#sorting?.disconnect();
    this.#sorting = this.client && new sortingPart.IdeaSorting(this, this.client);
  }

  async #loadBoard(): Promise<void> {
    if (this.boardData || !this.client || !this.board) return;
    try {
      this.boardData = localize(await this.client.boards.get(this.board), this.locale);
    } catch (err) {
      this._errors = { form: await this.describeError(err, 'error.notFoundBoard') };
    }
  }

  async #loadRole(): Promise<void> {
    const client = this.client;
    // The role only decides whether the form offers more: the deep-link code, which reads it, loads by `import()`.
    const me = client && (await import('../../shared/viewer.ts').then((m) => m.viewer(client)).catch(() => null));
    const may = PROXIES.has(me?.user?.role ?? 'member');
    if (may) leaderForm ??= await import('./idea-form-leader.ts');
    if (client === this.client) this._mayProxy = may;
  }

  async #loadUnits(): Promise<void> {
    const client = this.client;
    const units = client ? await client.units.list().catch(() => []) : [];
    if (client === this.client)
      this._units = units.filter((u) => u.side === 'demand' && !u.archivedAt).map(({ key, name, side }) => ({ key, name, side }));
  }

  /** The source card's title, unless the host gave it; the form names the card by its id until then. */
  async #loadSourceCard(): Promise<void> {
    const id = this.sourceCard;
    if (!this.client || !id || this.sourceCardTitle) return;
    const card = await this.client.cards.get(id).catch(() => null);
    if (card && this.sourceCard === id) this.sourceCardTitle = card.title;
  }

  /** Focuses the title field: where a person starts. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#bk-title')?.focus(options));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#suggestTimer);
    this.#suggest?.abort();
  }

  get #required(): ReadonlySet<IntakeField> {
    return new Set(this.boardData?.settings.requiredFields ?? []);
  }

  #onTitleInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    this._titleLength = value.length;
    clearTimeout(this.#suggestTimer);
    this.#suggestTimer = setTimeout(() => void this.#lookUpSimilar(value), SUGGEST_DELAY_MS);
  }

  async #lookUpSimilar(text: string): Promise<void> {
    this.#suggest?.abort();
    const client = this.client;
    if (!client || text.trim().length < TITLE_MIN) {
      this._similar = [];
      return;
    }
    const controller = new AbortController();
    this.#suggest = controller;
    try {
      const [found] = await Promise.all([
        client.ideas.similar({ board: this.board, q: text, limit: 5, signal: controller.signal }),
        this.#loadLinks(),
        // The Back button of each suggestion: loaded with the first suggestions.
        import('../idea-vote/idea-vote.ts'),
      ]);
      const similar = localize(found, this.locale);
      if (!controller.signal.aborted) {
        this._similar = similar;
        if (!similar.some((s) => s.title === this._backed)) this._backed = null;
      }
    } catch {
      // Suggestions are a help, not a requirement: a failed lookup shows none.
      if (!controller.signal.aborted) this._similar = [];
    }
  }

  #pages: ItemPages | null = null;

  /** The links' module and the tenant's item pages; without them, suggestions are text. */
  async #loadLinks(): Promise<void> {
    const client = this.client;
    if (this.#pages || !client) return;
    try {
      links ??= await import('../../shared/item-links.ts');
      this.#pages = await links.itemPages(client);
    } catch {
      // Titles without links still say what is there.
    }
  }

  /** A link to an idea or a card, in a new tab: following it must not lose what is typed here. */
  #link(kind: 'idea' | 'card', id: string, title: string) {
    if (!links || !this.#pages) return title;
    return html`<a href=${links.itemUrl(this.#pages, kind, id)} target="_blank" rel="noopener"
      >${title}<span class="visually-hidden"> ${this.t('form.newTab')}</span></a
    >`;
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.dispatchEvent(new BkCancelEvent());
    }
  }

  #read(form: HTMLFormElement): FormInput {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const businessCase: NewBusinessCase = {};
    if (text('problem')) businessCase.problem = text('problem');
    // A unit picked from the list: its key, and its name as the business case's text.
    const unit = this._units.find((u) => u.key === text('beneficiary'));
    if (text('beneficiary')) businessCase.beneficiary = unit?.name ?? text('beneficiary');
    if (text('valueType')) businessCase.valueType = text('valueType') as ValueType;
    if (text('effort')) businessCase.effort = text('effort') as EffortSize;
    if (text('objective')) businessCase.objective = text('objective');
    const input: FormInput = {
      title: text('title'),
      description: text('description'),
      lane: (text('lane') || 'opportunity') as Lane,
      businessCase,
    };
    if (unit) input.unit = unit.key;
    const impacted = data
      .getAll('impacted')
      .map(String)
      .filter((key) => key !== unit?.key);
    if (impacted.length > 0) input.impactedUnits = impacted;
    if (this._mayProxy) input.onBehalfOf = leaderForm?.readLeader(data);
    Object.assign(input, this.#sorting?.read(data, businessCase));
    return input;
  }

  #check(input: FormInput): Errors {
    const errors: Errors = {};
    if (input.title.length < TITLE_MIN || input.title.length > TITLE_MAX) errors.title = this.t('form.titleHint');
    if (input.description.length > DESCRIPTION_MAX)
      errors.description = this.t('form.charactersLeft', { count: DESCRIPTION_MAX - input.description.length });
    for (const field of this.#required) {
      if (input.businessCase[field] === undefined) errors[field] = this.t('form.requiredField');
    }
    if (input.onBehalfOf && leaderForm)
      Object.assign(
        errors,
        leaderForm.checkLeader(input.onBehalfOf, (key, params) => this.t(key, params)),
      );
    return errors;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (!client || this._submitting) return;
    const form = event.target as HTMLFormElement;
    const input = this.#read(form);
    const errors = this.#check(input);
    if (Object.keys(errors).length > 0) {
      this._errors = errors;
      this.#focusFirstInvalid();
      return;
    }
    this._submitting = true;
    this._errors = {};
    this._held = null;
    try {
      const idea = localize(
        await client.ideas.create({ board: this.board, ...input, sourceCard: this.sourceCard || undefined }),
        this.locale,
      );
      form.reset();
      this._similar = [];
      this._backed = null;
      this._titleLength = 0;
      this._descriptionLength = 0;
      // Held for review: only its author sees it until a moderator approves it, so say so, and why.
      if (idea.moderation.state !== 'published') this._held = { title: idea.title, moderation: idea.moderation };
      this.dispatchEvent(new BkIdeaCreateEvent(idea));
    } catch (err) {
      this._errors = await this.#serverErrors(err);
      this.#focusFirstInvalid();
    } finally {
      this._submitting = false;
    }
  }

  async #serverErrors(err: unknown): Promise<Errors> {
    const errors: Errors = {};
    // A field's problem, or the moderation pipeline's refusal of a field's words: shown at that field.
    if (isBridgekitError(err) && (err.code === 'validation_failed' || err.code === 'idea_rejected')) {
      for (const issue of (await loadErrorTexts(this.locale))?.issueTexts(translator(this.locale), this.locale, err) ??
        err.details.map((d) => ({ path: d.path, text: d.message }))) {
        const field = (
          issue.path === 'body.unit' ? 'beneficiary' : issue.path.replace(/^body\.(businessCase\.)?|\[\d+\]$/g, '')
        ) as keyof Errors;
        const leader = LEADER_PATHS[issue.path.replace(/^body\.onBehalfOf\./, '')];
        if (issue.path.startsWith('body.onBehalfOf.') && leader) errors[leader] = issue.text;
        else if (/^(title|description|problem|beneficiary|valueType|effort|objectives?|sponsor|demandClass)$/.test(field))
          errors[field] = issue.text;
      }
    }
    if (Object.keys(errors).length === 0) errors.form = this.t('form.failed', { reason: await this.describeError(err) });
    else if (isBridgekitError(err) && err.code === 'idea_rejected') void this.describeError(err);
    return errors;
  }

  #heldText({ title, moderation: m }: { title: string; moderation: ModerationState }): string {
    if (!m.reason) return this.t('form.heldNoReason', { title });
    return this.t('form.held', { title, reason: this.reasonText(m.reasonCode, m.reasonParams, m.reason) });
  }

  /**
   * A field's error goes as soon as its value passes the form's checks, not at the next submit;
   * what only the server can judge (a sponsor, a class) goes when the field changes.
   */
  #onEdit(event: Event): void {
    const target = event.target as HTMLInputElement;
    const keys = (target.name === 'objectives' ? ['objectives', 'objective'] : [target.name]) as (keyof Errors)[];
    if (!keys.some((key) => this._errors[key])) return;
    const still = this.#check(this.#read(event.currentTarget as HTMLFormElement));
    const errors = { ...this._errors };
    for (const key of keys) if (!still[key]) delete errors[key];
    this._errors = errors;
  }

  #focusFirstInvalid(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  #field(name: IntakeField, label: MessageKey, control: (describedBy: string, invalid: boolean, required: boolean) => unknown) {
    const required = this.#required.has(name);
    const error = this._errors[name];
    return html`<div class="field">
      <label for="bk-${name}">${this.t(label)}${required ? html` <span class="required">${this.t('form.required')}</span>` : nothing}</label>
      ${control(`bk-${name}-error`, Boolean(error), required)}
      <p class="field-error" id="bk-${name}-error">${error ?? ''}</p>
    </div>`;
  }

  protected override render() {
    if (!this.client) return html`<p class="notice error">${this.t('error.notConfigured')}</p>`;
    const e = this._errors;
    const t = translator(this.locale);
    const text = (name: IntakeField, label: MessageKey, max: number) =>
      this.#field(
        name,
        label,
        (describedBy, invalid, required) =>
          html`<input id="bk-${name}" name=${name} maxlength=${max} ?required=${required} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'} />`,
      );
    return html`
      <form part="form" novalidate aria-labelledby="bk-form-heading" @submit=${this.#submit} @keydown=${this.#onKeydown} @input=${this.#onEdit} @change=${this.#onEdit}>
        <h3 id="bk-form-heading">${this.t('form.heading')}</h3>
        ${this.sourceCard ? html`<p class="source" part="source">${this.t('form.proposedFrom', { title: this.sourceCardTitle || this.sourceCard })}</p>` : nothing}
        <div role="status">
          ${
            this._held
              ? html`<p class="held" part="held">
                ${this.#heldText(this._held)}
              </p>`
              : nothing
          }
        </div>
        <fieldset>
          <legend>${this.t('form.lane')}</legend>
          <div class="lanes">
            <label class="lane"
              ><input type="radio" name="lane" value="opportunity" checked />
              <span>${this.t('form.laneOpportunity')}<small>${this.t('form.laneOpportunityHint')}</small></span></label
            >
            <label class="lane"
              ><input type="radio" name="lane" value="change_request" />
              <span>${this.t('form.laneChange')}<small>${this.t('form.laneChangeHint')}</small></span></label
            >
          </div>
        </fieldset>
        <div class="field">
          <label for="bk-title">${this.t('form.titleLabel')} <span class="required">${this.t('form.required')}</span></label>
          <p class="hint" id="bk-title-hint">${this.t('form.titleHint')}</p>
          <input
            id="bk-title"
            name="title"
            autocomplete="off"
            required
            maxlength=${TITLE_MAX}
            aria-describedby="bk-title-hint bk-title-count bk-title-error bk-similar"
            aria-invalid=${e.title ? 'true' : 'false'}
            @input=${this.#onTitleInput}
          />
          <p class="counter" id="bk-title-count">${this.t('form.charactersLeft', { count: TITLE_MAX - this._titleLength })}</p>
          <p class="field-error" id="bk-title-error">${e.title ?? ''}</p>
          ${this.#renderSimilar()}
        </div>
        <div class="field">
          <label for="bk-description">${this.t('form.descriptionLabel')}</label>
          <p class="hint" id="bk-description-hint">${this.t('form.descriptionHint')}</p>
          <textarea
            id="bk-description"
            name="description"
            maxlength=${DESCRIPTION_MAX}
            aria-describedby="bk-description-hint bk-description-count bk-description-error"
            aria-invalid=${e.description ? 'true' : 'false'}
            @input=${(ev: InputEvent) => {
              this._descriptionLength = (ev.target as HTMLTextAreaElement).value.length;
            }}
          ></textarea>
          <p class="counter" id="bk-description-count">${this.t('form.charactersLeft', { count: DESCRIPTION_MAX - this._descriptionLength })}</p>
          <p class="field-error" id="bk-description-error">${e.description ?? ''}</p>
        </div>
        <fieldset>
          <legend>${this.t('form.businessCase')}</legend>
          ${this.#field(
            'problem',
            'form.problem',
            (describedBy, invalid, required) =>
              html`<textarea id="bk-problem" name="problem" maxlength="2000" ?required=${required} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'}></textarea>`,
          )}
          <div class="pair">
            ${this._units.length ? this.#unitSelect() : text('beneficiary', 'form.beneficiary', 100)}
            ${this.#field(
              'valueType',
              'form.valueType',
              (describedBy, invalid, required) =>
                html`<select id="bk-valueType" name="valueType" ?required=${required} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'}>
                  <option value="">${this.t('form.choose')}</option>
                  ${VALUE_TYPES.map((v) => html`<option value=${v}>${this.t(`valueType.${v}` as MessageKey)}</option>`)}
                </select>`,
            )}
            ${this.#field(
              'effort',
              'form.effort',
              (describedBy, invalid, required) =>
                html`<select id="bk-effort" name="effort" ?required=${required} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'}>
                  <option value="">${this.t('form.choose')}</option>
                  ${EFFORTS.map((v) => html`<option value=${v}>${this.t(`effort.${v}` as MessageKey)}</option>`)}
                </select>`,
            )}
            ${this.#sorting?.renderClass(t, this.locale, e)}
            ${this.#sorting?.objectivesShown ? nothing : text('objective', 'form.objective', 200)}
          </div>
          ${this.#sorting?.renderObjectives(t, e, this.#required.has('objective'))}
          ${this._units.length > 1 ? this.#impactedUnits() : nothing}
          ${this.#sorting?.renderSponsor(t, e)}
        </fieldset>
        ${this._mayProxy && leaderForm ? leaderForm.renderLeader(e, (key, params) => this.t(key, params)) : nothing}
        <p class="form-error" role="alert">${e.form ?? ''}</p>
        <div class="actions">
          <button type="submit" class="button primary" aria-disabled=${this._submitting ? 'true' : 'false'}>
            ${this._submitting ? this.t('form.submitting') : this.t('form.submit')}
          </button>
          <button type="button" class="button" @click=${() => this.dispatchEvent(new BkCancelEvent())}>${this.t('form.cancel')}</button>
        </div>
      </form>
    `;
  }

  #unitSelect() {
    return this.#field(
      'beneficiary',
      'form.beneficiary',
      (describedBy, invalid, required) =>
        html`<select id="bk-beneficiary" name="beneficiary" ?required=${required} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'}>
          <option value="">${this.t('form.choose')}</option>
          ${this._units.map((u) => html`<option value=${u.key}>${u.name}</option>`)}
        </select>`,
    );
  }

  #impactedUnits() {
    return html`<fieldset class="impacted">
      <legend>${this.t('form.impactedUnits')}</legend>
      ${this._units.map((u) => html`<label class="check"><input type="checkbox" name="impacted" value=${u.key} /> ${u.name}</label>`)}
    </fieldset>`;
  }

  #renderSimilar() {
    const similar = this._similar;
    // Only the summary is a live region: the list holds buttons, whose own changes are announced by them.
    return html`<div class=${similar.length ? 'similar' : 'similar-none'} part=${similar.length ? 'similar' : nothing}>
      <p id="bk-similar" role="status">${similar.length ? this.t('form.similar', { count: similar.length }) : ''}</p>
      ${
        similar.length
          ? html`<ul>
            ${similar.map(
              (s) =>
                html`<li>
                  <span class="suggestion">
                    <span>
                      ${this.#link('idea', s.id, s.title)}
                      <span class="status">(${s.status.label}, ${this.t('board.supporters', { count: s.supporters })})</span>
                    </span>
                    ${s.closed ? nothing : html`<bk-idea-vote variant="button" idea=${s.id} .tenant=${this.tenant} exportparts="button: similar-vote"></bk-idea-vote>`}
                  </span>
                  ${s.reason ? html`<p class="reason">${s.reason}</p>` : nothing}
                  ${s.answeredBy ? html`<p class="reason">${this.t('form.answeredBy')} ${this.#link('card', s.answeredBy.id, s.answeredBy.title)}</p>` : nothing}
                </li>`,
            )}
          </ul>`
          : nothing
      }
      ${this._backed ? html`<p class="backed" part="backed">${this.t('form.backedSimilar', { title: this._backed })}</p>` : nothing}
    </div>`;
  }
}
