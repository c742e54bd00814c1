import type { BusinessUnit, CardTemplate, CardVisibility, PracticeCard, RelationshipSide, Viewer } from '@bridgekit/sdk';
import { PRACTICE_AREAS } from '@bridgekit/sdk/card-types';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { CARD_VISIBILITIES } from '@bridgekit/sdk/unit-types';
import { html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { BkCancelEvent } from '../../events/cancel.ts';
import { BkCardSaveEvent, type CardSaveReview } from '../../events/card-save.ts';
import type { BkItemPickEvent } from '../../events/item-pick.ts';
import { BridgekitElement, loadErrorTexts } from '../../shared/bridgekit-element.ts';
import { formatList, type MessageKey, registerFeature, relativeTime, sameLanguage, translator } from '../../shared/i18n.ts';
import type { BkItemPicker } from '../../shared/item-picker.ts';
import { cardAccessMessages } from '../../shared/messages/card-access.ts';
import { cardEditorMessages } from '../../shared/messages/card-editor.ts';
import { cardHistoryMessages } from '../../shared/messages/card-history.ts';
import { cardMessages } from '../../shared/messages/cards.ts';
import '../../shared/item-picker.ts';
import { bareHandle } from '@bridgekit/sdk/text-rules';
import { tokens } from '../../shared/styles.ts';
import { viewer } from '../../shared/viewer.ts';
import { linkTitles } from '../practice-card/card-data.ts';
import { areaLabel } from '../practice-card/card-view.ts';
import { cardFormStyles } from './card-form.styles.ts';
import { errorText, type FieldFormContext, renderField, requiredMark } from './field-input.ts';
import {
  anchorOf,
  COMMON_IDS,
  type Collected,
  collect,
  defaultVisibility,
  emptyDraft,
  type FormDraft,
  fieldId,
  nameLinks,
  newFormDraft,
  newRowId,
} from './form-draft.ts';

// The library's texts too: the admin console's preview shows the form without the library.
registerFeature(cardMessages);
registerFeature(cardAccessMessages);
registerFeature(cardHistoryMessages);
registerFeature(cardEditorMessages);

/** The controls a field's group starts with; a picker takes focus into its text box. */
const CONTROLS = 'input, select, textarea, bk-item-picker, button';

const MATURITY_LEVELS = [1, 2, 3, 4, 5] as const;

/** A newer version someone else saved while this person edited. */
interface Conflict {
  newer: PracticeCard;
  /** Labels of what the newer version changed, when they could be read. */
  changed: string[];
}

/**
 * The create and edit form of a practice card, generated from its template: a list of its
 * sections to jump to, common fields (title, summary, practice areas, maturity, owner, review-by
 * date, a note for the history), then an input per template field — lists as rows with Add and
 * Remove, people and links as pickers. Save and Cancel stay in view at the bottom of the
 * window; the owner of a card due for review may also mark it reviewed. Checks required
 * fields before sending, shows the server's field errors at the input they concern with an
 * error summary, and on a concurrent edit keeps what the person typed.
 *
 * Internal to `bk-practice-library`; with `preview`, the admin console shows the form of a
 * template being defined: nothing is read or saved, and each new template object redraws it.
 *
 * @csspart form - The form.
 * @csspart error-summary - The list of problems after a refused save.
 * @csspart conflict - The "someone saved a newer version" notice.
 * @csspart contents - The links to the form's sections.
 * @csspart action-bar - Save and Cancel, kept in view at the bottom of the window.
 * @csspart submit - The save button.
 */
export class BkCardForm extends BridgekitElement {
  static override styles = [tokens, cardFormStyles];
  static override shadowRootOptions = { ...BridgekitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    template: { attribute: false },
    card: { attribute: false },
    currency: { type: String },
    viewer: { attribute: false },
    preview: { type: Boolean },
    _units: { state: true },
    _errors: { state: true },
    _summary: { state: true },
    _submitting: { state: true },
    _conflict: { state: true },
    _formError: { state: true },
    _formNotice: { state: true },
    _announcement: { state: true },
    _markReviewed: { state: true },
    _handle: { state: true },
  };

  declare template: CardTemplate | null;
  /** The card being edited; `null` for a new card. */
  declare card: PracticeCard | null;
  declare currency: string;
  /** Who is signed in: their unit's side decides which side-locked fields they may change. */
  declare viewer: Viewer | null;
  /** A preview of the template's form: no Save, no calls; a changed definition (same id) redraws it. */
  declare preview: boolean;
  /** The tenant's current units, for the unit select (empty until loaded, or when they cannot be read). */
  declare _units: readonly BusinessUnit[];
  declare _errors: ReadonlyMap<string, string>;
  declare _summary: { id: string; text: string }[];
  declare _submitting: boolean;
  declare _conflict: Conflict | null;
  declare _formError: string;
  /** "Nothing to save", where the person looks after pressing Save. */
  declare _formNotice: string;
  declare _announcement: string;
  /** The owner's "Also mark as reviewed", offered while the card is due. */
  declare _markReviewed: boolean;
  /** The signed-in person's handle (`/me`, read once per page): an owner may mark their card reviewed. */
  declare _handle: string | null;

  #draft: FormDraft = newFormDraft([], 'EUR');
  /** The version this edit is based on; moves on when the person keeps editing after a conflict. */
  #baseVersion = 0;
  /** What an edit would save if nothing were changed (`contentKey`); `null` for a new card. */
  #untouched: string | null = null;

  constructor() {
    super();
    this.template = null;
    this.card = null;
    this.currency = 'EUR';
    this.viewer = null;
    this.preview = false;
    this._units = [];
    this._errors = new Map();
    this._summary = [];
    this._submitting = false;
    this._conflict = null;
    this._formError = '';
    this._formNotice = '';
    this._announcement = '';
    this._markReviewed = false;
    this._handle = null;
  }

  protected configChanged(): void {
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.preview) return;
    if (this.client)
      void viewer(this.client)
        .then((me) => {
          this._handle = me.user?.handle ?? null;
        })
        .catch(() => undefined);
    // Without the list, the select still offers the card's own unit.
    this.client?.units
      .list()
      .then((units) => {
        this._units = units.filter((u) => u.archivedAt === null);
      })
      .catch(() => undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A fresh copy of the same card (its view count went up) must not wipe what is typed; a
    // newer version of it is met on saving, as a conflict.
    const templateChanged = changed.has('template') && (this.preview || changed.get('template')?.id !== this.template?.id);
    const cardChanged = changed.has('card') && (!this.hasUpdated || changed.get('card')?.id !== this.card?.id);
    if (templateChanged || cardChanged) this.#start(this.card);
  }

  #start(card: PracticeCard | null): void {
    this.#draft = newFormDraft(this.template?.fields ?? [], this.#currency, card ?? undefined, this.template);
    this.#baseVersion = card?.version ?? 0;
    this.#untouched = card ? contentKey(collect((key, params) => this.t(key, params), this.template?.fields ?? [], this.#draft)) : null;
    this._errors = new Map();
    this._summary = [];
    this._conflict = null;
    this._formError = '';
    this._markReviewed = false;
    if (card) void this.#nameLinks(card);
  }

  /** The titles of the card's links, for their pickers; without them a picker shows the id. */
  async #nameLinks(card: PracticeCard): Promise<void> {
    const links = await this.client?.cards.links(card.id).catch(() => null);
    if (!links || this.card?.id !== card.id) return;
    nameLinks(Object.values(this.#draft.fields), linkTitles(links));
    this.requestUpdate();
  }

  /** Whether the signed-in owner may verify the card with this save: it is due, or overdue. */
  get #reviewOffered(): boolean {
    const card = this.card;
    const me = this._handle;
    return Boolean(card && me && card.owner?.handle === me && (card.freshness === 'due' || card.freshness === 'overdue'));
  }

  get #currency(): string {
    const code = this.currency?.trim().toUpperCase();
    return code && /^[A-Z]{3}$/.test(code) ? code : 'EUR';
  }

  /** Focuses the heading: where the person starts reading the form. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.#find('#bk-form-heading')?.focus(options));
  }

  #find(selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }

  get #fieldContext(): FieldFormContext {
    return {
      t: (key, params) => this.t(key, params),
      errors: this._errors,
      lockedNote: (side) => this.#lockedNote(side),
      changed: () => this.requestUpdate(),
      addRow: (list, of, path) => {
        const id = newRowId();
        list.rows.push({ id, draft: emptyDraft(of, this.#currency) });
        this.requestUpdate();
        void this.updateComplete.then(() => this.#firstControlOf(`${CSS.escape(fieldId(path))} > .rows > [data-row="${id}"]`)?.focus());
      },
      removeRow: (list, rowId, path) => {
        const index = list.rows.findIndex((r) => r.id === rowId);
        if (index < 0) return;
        const previous = list.rows[index - 1];
        list.rows.splice(index, 1);
        this.requestUpdate();
        void this.updateComplete.then(() => {
          const target = previous
            ? this.#firstControlOf(`${CSS.escape(fieldId(path))} > .rows > [data-row="${previous.id}"]`)
            : this.renderRoot.querySelector<HTMLElement>(`[data-add="${CSS.escape(path)}"]`);
          target?.focus();
        });
      },
    };
  }

  /** Side-locked fields hold one side's say about a unit's relationship: others read them only. */
  #lockedNote(side: RelationshipSide): string | null {
    if (!this.#draft.common.unit && !this.card?.unit) return null;
    const unit = this.viewer?.user?.unit;
    const mine: RelationshipSide | null = unit ? (unit.side === 'supply' ? 'provider' : 'business') : null;
    return mine === side ? null : this.t(side === 'business' ? 'library.sideLocked.business' : 'library.sideLocked.provider');
  }

  #firstControlOf(selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#${selector}`)?.querySelector<HTMLElement>(CONTROLS) ?? null;
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !this._submitting && !this.preview) {
      event.preventDefault();
      this.dispatchEvent(new BkCancelEvent());
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    const template = this.template;
    if (!client || !template || this._submitting || this.preview) return;
    const collected = collect((key, params) => this.t(key, params), template.fields, this.#draft);
    if (collected.errors.size > 0) {
      this.#showErrors(collected.errors, collected, true);
      return;
    }
    this._formError = '';
    this._formNotice = '';
    // A save that changes nothing would make no version (the server keeps none): say so instead.
    if (this.card && contentKey(collected) === this.#untouched) {
      if (this._markReviewed) {
        await this.#reviewOnly(this.card, collected.reviewBy);
        return;
      }
      // Set after the clearing renders, so that a second press is announced again.
      void this.updateComplete.then(() => {
        this._formNotice = this.t('library.nothingToSave');
      });
      return;
    }
    this._submitting = true;
    try {
      const common = {
        title: collected.title,
        summary: collected.summary,
        fields: collected.fields,
        tags: collected.tags,
        maturityLevel: collected.maturityLevel,
        // Empty: the server's default on creation (six months on), unchanged on an edit.
        ...(collected.reviewBy ? { reviewBy: collected.reviewBy } : {}),
        ...(collected.note ? { note: collected.note } : {}),
        visibility: collected.visibility,
      };
      const saved = this.card
        ? await client.cards.update(this.card.id, {
            ...common,
            owner: collected.owner,
            unit: collected.unit,
            baseVersion: this.#baseVersion,
          })
        : await client.cards.create({
            ...common,
            templateId: template.id,
            ...(collected.owner ? { owner: collected.owner } : {}),
            ...(collected.unit ? { unit: collected.unit } : {}),
          });
      this._errors = new Map();
      this._summary = [];
      this._conflict = null;
      // The server kept no version: nothing differed from the card as it is (and nothing was held).
      const unchanged = this.card && saved.version === this.#baseVersion && saved.pendingEdit?.id === this.card.pendingEdit?.id;
      if (unchanged && !this._markReviewed) {
        this._formNotice = this.t('library.nothingToSave');
        return;
      }
      if (this._markReviewed) {
        // Verifying is its own call (`POST …/verify`): made once the save is in.
        const { card, review } = await this.#verify(saved, collected.reviewBy);
        this.dispatchEvent(new BkCardSaveEvent(card, unchanged ? { ...review, unchanged: true } : review));
        return;
      }
      this.dispatchEvent(new BkCardSaveEvent(saved));
    } catch (err) {
      await this.#onSaveFailed(err, collected);
    } finally {
      this._submitting = false;
    }
  }

  /** Verifies the card just saved; a failure leaves the save standing, and says why. */
  async #verify(saved: PracticeCard, reviewBy: string | null): Promise<{ card: PracticeCard; review: CardSaveReview }> {
    const client = this.client;
    if (!client) return { card: saved, review: { reviewed: false } };
    try {
      const card = await client.cards.verify(saved.id, reviewBy && reviewBy !== this.card?.reviewBy ? { reviewBy } : {});
      return { card, review: { reviewed: true } };
    } catch (err) {
      return { card: saved, review: { reviewed: false, failed: this.t('editor.reviewFailed', { reason: await this.describeError(err) }) } };
    }
  }

  /** Nothing edited, "Also mark as reviewed" checked: only the review is recorded. */
  async #reviewOnly(card: PracticeCard, reviewBy: string | null): Promise<void> {
    this._submitting = true;
    try {
      const { card: verified, review } = await this.#verify(card, reviewBy);
      if (review.reviewed) this.dispatchEvent(new BkCardSaveEvent(verified, { ...review, unchanged: true }));
      else this._formError = review.failed ?? '';
    } finally {
      this._submitting = false;
    }
  }

  async #onSaveFailed(err: unknown, collected: Collected): Promise<void> {
    const client = this.client;
    if (isBridgekitError(err) && err.code === 'conflict' && this.card && client) {
      // Tells the host through `bk-error`; the notice below is what the person acts on.
      void this.describeError(err);
      try {
        const newer = await client.cards.get(this.card.id);
        const diff = await client.cards.diff(this.card.id, this.#baseVersion, newer.version).catch(() => null);
        this._conflict = { newer, changed: [...new Set(diff?.changes.map((c) => c.label) ?? [])] };
      } catch (loadErr) {
        this._formError = this.t('library.saveFailed', { reason: await this.describeError(loadErr) });
      }
      void this.updateComplete.then(() => this.#find('.conflict')?.focus());
      return;
    }
    // A field's problem, or the moderation pipeline's refusal of a field's words: shown at that field.
    if (isBridgekitError(err) && (err.code === 'validation_failed' || err.code === 'card_rejected') && err.details.length > 0) {
      const errors = new Map<string, string>();
      const general: string[] = [];
      // The server's English messages name the field ("Options › 2 › Cost: …") and say more than
      // a reason's text; other languages get the reason's text, and the summary names the field.
      const english = sameLanguage(this.locale, 'en');
      const issues =
        (await loadErrorTexts(this.locale))?.issueTexts(translator(this.locale), this.locale, err) ??
        err.details.map((d) => ({ path: d.path, text: d.message }));
      err.details.forEach((detail, i) => {
        const text = english ? detail.message : (issues[i]?.text ?? detail.message);
        const id = anchorOf(detail.path, collected.anchors);
        if (id && !errors.has(id)) errors.set(id, text);
        else if (!id) general.push(text);
      });
      void this.describeError(err);
      if (general.length > 0) this._formError = general.join(' ');
      this.#showErrors(errors, collected, !english);
      return;
    }
    this._formError = this.t('library.saveFailed', { reason: await this.describeError(err) });
  }

  #showErrors(errors: ReadonlyMap<string, string>, collected: Collected, withLabels: boolean): void {
    this._errors = errors;
    this._summary = [...errors].map(([id, message]) => ({
      id,
      text: withLabels ? `${collected.labels.get(id) ?? this.t('library.field.form')}: ${message}` : message,
    }));
    void this.updateComplete.then(() => this.#focusFirstInvalid());
  }

  /** The first input with an error in the form's order; for a group, its first control. */
  #focusFirstInvalid(): void {
    const ids = new Set(this._errors.keys());
    const first = [...this.renderRoot.querySelectorAll<HTMLElement>('[id]')].find((el) => ids.has(el.id) && el.localName !== 'p');
    if (!first) return;
    if (first.localName === 'fieldset') {
      // A list with no rows: its Add button; otherwise the group's first input.
      (
        first.querySelector<HTMLElement>(
          ':scope > .rows input, :scope > .rows select, :scope > .rows textarea, :scope > .rows bk-item-picker',
        ) ?? first.querySelector<HTMLElement>(CONTROLS)
      )?.focus();
    } else {
      first.focus();
    }
  }

  #focusById(event: Event, id: string): void {
    event.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (target?.localName === 'fieldset') target.querySelector<HTMLElement>(CONTROLS)?.focus();
    else target?.focus();
  }

  #reloadNewer(): void {
    const newer = this._conflict?.newer;
    if (!newer) return;
    this.#start(newer);
    this._announcement = this.t('library.conflictReloaded', { version: newer.version });
    this.requestUpdate();
    void this.updateComplete.then(() => this.#find('#bk-form-heading')?.focus());
  }

  #keepEditing(): void {
    const newer = this._conflict?.newer;
    if (!newer) return;
    // The person has seen that a newer version exists: their next save replaces it (and the
    // server, not the form as first shown, tells whether it changes anything).
    this.#baseVersion = newer.version;
    this.#untouched = null;
    this._conflict = null;
    this._announcement = this.t('library.conflictKept', { version: newer.version });
    void this.updateComplete.then(() => this.#find('[part="submit"]')?.focus());
  }

  protected override render() {
    const template = this.template;
    if (!template) return nothing;
    const c = this.#draft.common;
    const ctx = this.#fieldContext;
    const t = ctx.t;
    const heading = this.card ? t('library.editHeading', { title: this.card.title }) : t('library.newHeading', { template: template.name });
    return html`
      <form part="form" novalidate aria-labelledby="bk-form-heading" @submit=${this.#submit} @keydown=${this.#onKeydown}>
        <h3 id="bk-form-heading" tabindex="-1">${heading}</h3>
        ${template.description ? html`<p class="hint">${template.description}</p>` : nothing}
        ${this.#renderConflict()} ${this.#renderSummary()} ${this.#renderContents(template)}
        <p class="hint">${t('library.requiredHint')}</p>
        <fieldset class="section" id="bk-section-about">
          <legend>${t('library.aboutCard')}</legend>
          ${this.#text(
            COMMON_IDS.title,
            t('library.field.title'),
            c.title,
            (v) => {
              c.title = v;
            },
            { required: true, maxLength: 140 },
          )}
          <div class="field">
            <label for=${COMMON_IDS.summary}>${t('library.field.summary')}</label>
            <p class="hint" id="${COMMON_IDS.summary}-help">${t('library.summaryHint')}</p>
            <textarea
              id=${COMMON_IDS.summary}
              rows="2"
              maxlength="500"
              aria-describedby="${COMMON_IDS.summary}-help ${COMMON_IDS.summary}-error"
              aria-invalid=${this._errors.has(COMMON_IDS.summary) ? 'true' : 'false'}
              .value=${live(c.summary)}
              @input=${(e: Event) => {
                c.summary = (e.target as HTMLTextAreaElement).value;
              }}
            ></textarea>
            ${errorText(ctx, COMMON_IDS.summary)}
          </div>
          <fieldset class="group tags" id=${COMMON_IDS.tags} aria-describedby="${COMMON_IDS.tags}-error">
            <legend>${t('library.field.tags')}</legend>
            ${errorText(ctx, COMMON_IDS.tags)}
            <div class="checkboxes">
              ${PRACTICE_AREAS.map(
                (area) => html`<label class="check">
                  <input
                    type="checkbox"
                    value=${area}
                    .checked=${live(c.tags.has(area))}
                    @change=${(e: Event) => {
                      if ((e.target as HTMLInputElement).checked) c.tags.add(area);
                      else c.tags.delete(area);
                    }}
                  />
                  <span>${areaLabel(ctx, area)}</span>
                </label>`,
              )}
            </div>
          </fieldset>
          <div class="pair">
            <div class="field">
              <label for=${COMMON_IDS.maturityLevel}>${t('library.field.maturity')}</label>
              <select
                id=${COMMON_IDS.maturityLevel}
                aria-describedby="${COMMON_IDS.maturityLevel}-error"
                aria-invalid=${this._errors.has(COMMON_IDS.maturityLevel) ? 'true' : 'false'}
                @change=${(e: Event) => {
                  c.maturityLevel = (e.target as HTMLSelectElement).value;
                }}
              >
                <option value="" ?selected=${c.maturityLevel === ''}>${t('library.maturityNone')}</option>
                ${MATURITY_LEVELS.map(
                  (level) =>
                    html`<option value=${level} ?selected=${c.maturityLevel === String(level)}>
                      ${t('library.maturityOption', { number: level, level: t(`card.maturity.${level}` as MessageKey) })}
                    </option>`,
                )}
              </select>
              ${errorText(ctx, COMMON_IDS.maturityLevel)}
            </div>
            <bk-item-picker
              id=${COMMON_IDS.owner}
              kind="person"
              label=${t('library.field.owner')}
              hint=${this.card ? t('library.ownerHintEdit') : t('library.ownerHintNew')}
              error=${this._errors.get(COMMON_IDS.owner) ?? ''}
              .value=${c.owner && c.ownerName ? { id: c.owner, title: c.ownerName } : null}
              @input=${(e: Event) => {
                // Typed, not chosen: taken as a handle (the server says if nobody has it).
                c.owner = bareHandle((e.currentTarget as BkItemPicker).text);
                c.ownerName = '';
              }}
              @bk-item-pick=${(e: BkItemPickEvent) => {
                if (!e.item) return;
                c.owner = e.item.id;
                c.ownerName = e.item.title;
              }}
            ></bk-item-picker>
            <div class="field">
              <label for=${COMMON_IDS.reviewBy}>${t('library.field.reviewBy')}</label>
              <p class="hint" id="${COMMON_IDS.reviewBy}-help">${this.card ? t('library.reviewByHintEdit') : t('library.reviewByHint')}</p>
              <input
                id=${COMMON_IDS.reviewBy}
                type="date"
                aria-describedby="${COMMON_IDS.reviewBy}-help ${COMMON_IDS.reviewBy}-error"
                aria-invalid=${this._errors.has(COMMON_IDS.reviewBy) ? 'true' : 'false'}
                .value=${live(c.reviewBy)}
                @input=${(e: Event) => {
                  c.reviewBy = (e.target as HTMLInputElement).value;
                }}
              />
              ${errorText(ctx, COMMON_IDS.reviewBy)}
            </div>
          </div>
          ${this.#renderAccess()}
        </fieldset>
        <fieldset class="section" id="bk-section-template">
          <legend>${template.name}</legend>
          ${template.fields.map((def) => {
            const draft = this.#draft.fields[def.key];
            return draft
              ? renderField(ctx, def, draft, def.key, { label: def.label, required: def.required === true, help: def.help })
              : nothing;
          })}
        </fieldset>
        ${this.#text(
          COMMON_IDS.note,
          t('library.field.note'),
          c.note,
          (v) => {
            c.note = v;
          },
          { help: t('library.noteHint'), maxLength: 200 },
        )}
        ${
          this.#reviewOffered
            ? html`<div class="field review">
              <label class="check">
                <input
                  type="checkbox"
                  id="bk-c-mark-reviewed"
                  aria-describedby="bk-c-mark-reviewed-help"
                  .checked=${live(this._markReviewed)}
                  @change=${(e: Event) => {
                    this._markReviewed = (e.target as HTMLInputElement).checked;
                  }}
                />
                <span>${t('editor.markReviewed')}</span>
              </label>
              <p class="hint" id="bk-c-mark-reviewed-help">${t('editor.markReviewedHint')}</p>
            </div>`
            : nothing
        }
        <p class="form-error" role="alert">${this._formError}</p>
        ${this.preview ? nothing : this.#renderActions()}
        <p class="visually-hidden" role="status">${this._announcement}</p>
      </form>
    `;
  }

  /** Save and Cancel, kept in view at the bottom of the window. */
  #renderActions() {
    const t = (key: MessageKey) => this.t(key);
    return html`<div class="actions sticky" part="action-bar">
      <button type="submit" class="button primary" part="submit" aria-disabled=${this._submitting ? 'true' : 'false'}>
        ${this._submitting ? t('library.saving') : t('library.save')}
      </button>
      <button type="button" class="button" @click=${() => this.dispatchEvent(new BkCancelEvent())}>${t('library.cancel')}</button>
      <p class="form-notice" role="status">${this._formNotice}</p>
    </div>`;
  }

  /** Links to the form's sections and the template's fields, for a long form. */
  #renderContents(template: CardTemplate) {
    const t = (key: MessageKey) => this.t(key);
    const entries = [
      { id: 'bk-section-about', label: t('library.aboutCard') },
      ...template.fields.map((def) => ({ id: fieldId(def.key), label: def.label })),
      { id: COMMON_IDS.note, label: t('library.field.note') },
    ];
    return html`<nav class="contents" part="contents" aria-label=${t('editor.contents')}>
      <ul>
        ${entries.map((e) => html`<li><a href="#${e.id}" @click=${(ev: Event) => this.#focusById(ev, e.id)}>${e.label}</a></li>`)}
      </ul>
    </nav>`;
  }

  #text(
    id: string,
    label: string,
    current: string,
    set: (value: string) => void,
    options: { required?: boolean; help?: string; maxLength?: number } = {},
  ) {
    return html`<div class="field">
      <label for=${id}>${label}${requiredMark((key, params) => this.t(key, params), options.required === true)}</label>
      ${options.help ? html`<p class="hint" id="${id}-help">${options.help}</p>` : nothing}
      <input
        id=${id}
        type="text"
        autocomplete="off"
        maxlength=${options.maxLength ?? nothing}
        aria-describedby=${options.help ? `${id}-help ${id}-error` : `${id}-error`}
        aria-invalid=${this._errors.has(id) ? 'true' : 'false'}
        .value=${live(current)}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
      <p class="field-error" id="${id}-error">${this._errors.get(id) ?? ''}</p>
    </div>`;
  }

  /** The unit the card is about, and who may read it, with a sentence saying who that is. */
  #renderAccess() {
    const c = this.#draft.common;
    const t = (key: MessageKey, params?: Record<string, string | number>) => this.t(key, params);
    const own = this.card?.unit;
    const units = own && !this._units.some((u) => u.key === own.key) ? [own, ...this._units] : this._units;
    const unitName = units.find((u) => u.key === c.unit)?.name ?? c.unit;
    const hint: Record<CardVisibility, string> = {
      everyone: t('library.visibilityHint.everyone'),
      unit: c.unit ? t('library.visibilityHint.unit', { unit: unitName }) : t('library.visibilityHint.noUnit'),
      private: t('library.visibilityHint.private'),
    };
    const ids = { unit: COMMON_IDS.unit, visibility: COMMON_IDS.visibility };
    return html`<div class="pair">
      <div class="field">
        <label for=${ids.unit}>${t('library.field.unit')}</label>
        <p class="hint" id="${ids.unit}-help">${t('library.unitHint')}</p>
        <select
          id=${ids.unit}
          aria-describedby="${ids.unit}-help ${ids.unit}-error"
          aria-invalid=${this._errors.has(ids.unit) ? 'true' : 'false'}
          @change=${(e: Event) => {
            c.unit = (e.target as HTMLSelectElement).value;
            // Until the person chooses, the visibility follows the unit as the template's default does.
            if (!c.visibilityChosen) c.visibility = defaultVisibility(this.template, c.unit);
            this.requestUpdate();
          }}
        >
          <option value="" ?selected=${c.unit === ''}>${t('library.unitNone')}</option>
          ${units.map((u) => html`<option value=${u.key} ?selected=${c.unit === u.key}>${u.name}</option>`)}
        </select>
        ${errorText({ errors: this._errors }, ids.unit)}
      </div>
      <div class="field">
        <label for=${ids.visibility}>${t('library.field.visibility')}</label>
        <select
          id=${ids.visibility}
          aria-describedby="${ids.visibility}-help ${ids.visibility}-error"
          aria-invalid=${this._errors.has(ids.visibility) ? 'true' : 'false'}
          @change=${(e: Event) => {
            c.visibility = (e.target as HTMLSelectElement).value as CardVisibility;
            c.visibilityChosen = true;
            this.requestUpdate();
          }}
        >
          ${CARD_VISIBILITIES.map(
            (v) => html`<option value=${v} ?selected=${c.visibility === v}>${t(`library.visibility.${v}` as MessageKey)}</option>`,
          )}
        </select>
        <p class="hint" id="${ids.visibility}-help" aria-live="polite">${hint[c.visibility]}</p>
        ${errorText({ errors: this._errors }, ids.visibility)}
      </div>
    </div>`;
  }

  #renderSummary() {
    if (this._summary.length === 0) return nothing;
    return html`<div class="error-summary" part="error-summary" role="alert">
      <h4>${this.t('library.problems', { count: this._summary.length })}</h4>
      <ul>
        ${this._summary.map((item) => html`<li><a href="#${item.id}" @click=${(e: Event) => this.#focusById(e, item.id)}>${item.text}</a></li>`)}
      </ul>
    </div>`;
  }

  #renderConflict() {
    const conflict = this._conflict;
    if (!conflict) return nothing;
    const { newer } = conflict;
    return html`<div class="conflict" part="conflict" role="alert" tabindex="-1">
      <p>
        <strong>${this.t('library.conflictHeading')}</strong>
        ${this.t('library.conflictDetail', { version: newer.version, by: this.personName(newer.updatedBy), when: relativeTime(this.locale, newer.updatedAt) })}
      </p>
      ${conflict.changed.length > 0 ? html`<p>${this.t('library.conflictChanged', { fields: formatList(this.locale, conflict.changed) })}</p>` : nothing}
      <p>${this.t('library.conflictKeep')}</p>
      <div class="actions">
        <button type="button" class="button" @click=${this.#reloadNewer}>${this.t('library.conflictReload')}</button>
        <button type="button" class="button primary" @click=${this.#keepEditing}>${this.t('library.conflictContinue')}</button>
      </div>
    </div>`;
  }
}

/** What a save sends that a version keeps, or who may read it (not the note), comparable as a string. */
function contentKey(c: Collected): string {
  const { title, summary, fields, maturityLevel, owner, reviewBy, unit, visibility } = c;
  return JSON.stringify([title, summary, fields, [...c.tags].sort(), maturityLevel, owner, reviewBy, unit, visibility]);
}
