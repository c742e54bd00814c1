/**
 * Sorting an idea for the intake (docs/intake.md): its demand class, the sponsoring unit's
 * objectives it serves and its business sponsor. Loaded by `bk-idea-form` after its first paint,
 * with its texts, so neither the form's nor the board's page pays for it up front.
 */
import type { BridgekitMemberClient, DemandClassDefinition, MentionableUser, NewBusinessCase, Objective } from '@bridgekit/sdk';
import { OBJECTIVES_PER_ITEM_MAX } from '@bridgekit/sdk/intake-types';
import { bareHandle } from '@bridgekit/sdk/text-rules';
import { localize } from '@bridgekit/sdk/translations';
import { html, type LitElement, nothing } from 'lit';
import { registerFeature, type Translate } from '../../shared/i18n.ts';
import { ideaFormMessages } from '../../shared/messages/idea-form.ts';
import { viewer } from '../../shared/viewer.ts';

registerFeature(ideaFormMessages);

export type SortingField = 'demandClass' | 'objectives' | 'sponsor';
type SortingErrors = Partial<Record<SortingField | 'objective', string>>;

/** What `NewIdea` takes of the sorting. */
export interface Sorting {
  sponsor?: string;
  demandClass?: string;
  objectives?: string[];
}

/** The API's limit on the objectives an idea serves. */
export const MAX_OBJECTIVES = OBJECTIVES_PER_ITEM_MAX;
/** `businessCase.objective`'s limit: the checked titles are cut to it. */
const OBJECTIVE_TEXT_MAX = 200;
/** How long typing in the sponsor field must pause before people are looked up. */
const LOOKUP_DELAY_MS = 250;
const DEFAULT_CLASSES = 'grow run transform';

/**
 * The sorting's state (classes, the picked unit's objectives and which are ticked, the people
 * the sponsor field suggests) and its fields, for one form and client. It follows the form's
 * unit select (`#bk-beneficiary`) and its reset.
 *
 * @example
 * this.#sorting = new IdeaSorting(this, this.client);
 * html`<div class="pair">${this.#sorting.renderClass(t, this.locale, errors)}</div>`;
 */
export class IdeaSorting {
  #host: LitElement;
  #client: BridgekitMemberClient;
  #classes: DemandClassDefinition[] = [];
  #objectives: Objective[] = [];
  #unitName = '';
  #checked = new Set<string>();
  #people: MentionableUser[] = [];
  #pick: AbortController | null = null;
  #lookup: AbortController | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #gone = false;

  constructor(host: LitElement, client: BridgekitMemberClient) {
    this.#host = host;
    this.#client = client;
    host.renderRoot.addEventListener('change', this.#onChange);
    host.renderRoot.addEventListener('reset', this.#onReset);
    void this.#load();
    // A unit picked before this part came shows its objectives too.
    this.#onChange({ target: host.renderRoot.querySelector('#bk-beneficiary') });
  }

  /** The tenant's demand classes, from who reads the page (`GET /me`, read once per page). */
  async #load(): Promise<void> {
    const me = await viewer(this.#client).catch(() => null);
    if (this.#gone) return;
    this.#classes = me?.demandClasses ?? [];
    this.#host.requestUpdate();
  }

  /** The unit select changed (the beneficiary's text field, when the tenant has no units, has no objectives to show). */
  #onChange = ({ target }: { target: EventTarget | null }) => {
    if (target instanceof HTMLSelectElement && target.id === 'bk-beneficiary')
      void this.#pickUnit(target.value, target.selectedOptions[0]?.textContent?.trim() ?? '');
  };

  /** The form starts over after a submission: no unit, so no objectives. */
  #onReset = () => {
    this.#people = [];
    void this.#pickUnit('', '');
  };

  disconnect(): void {
    this.#gone = true;
    this.#host.renderRoot.removeEventListener('change', this.#onChange);
    this.#host.renderRoot.removeEventListener('reset', this.#onReset);
    clearTimeout(this.#timer);
    this.#pick?.abort();
    this.#lookup?.abort();
  }

  /** Whether the picked unit's objectives stand in for the free-text objective. */
  get objectivesShown(): boolean {
    return this.#objectives.length > 0;
  }

  /** A unit picked, or none (`''`): its current objectives load; the answer for an earlier pick is dropped. */
  async #pickUnit(key: string, name: string): Promise<void> {
    this.#pick?.abort();
    this.#objectives = [];
    this.#checked.clear();
    this.#unitName = name;
    this.#host.requestUpdate();
    if (!key) return;
    const pick = new AbortController();
    this.#pick = pick;
    try {
      const { items } = await this.#client.objectives.list(key, undefined, { signal: pick.signal });
      if (pick.signal.aborted) return;
      this.#objectives = items.filter((o) => !o.archivedAt);
      this.#host.requestUpdate();
    } catch {
      // Without its objectives, the free-text objective stays: the idea can still say what it serves.
    }
  }

  #toggle(id: string, on: boolean): void {
    if (on) this.#checked.add(id);
    else this.#checked.delete(id);
    this.#host.requestUpdate();
  }

  /** Suggests people for the sponsor field once typing pauses. */
  #onSponsorInput(text: string): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#lookUp(bareHandle(text)), LOOKUP_DELAY_MS);
  }

  async #lookUp(q: string): Promise<void> {
    this.#lookup?.abort();
    if (!q) {
      this.#people = [];
      this.#host.requestUpdate();
      return;
    }
    const lookup = new AbortController();
    this.#lookup = lookup;
    try {
      const people = await this.#client.users.mentionable(q.slice(0, 60), { limit: 8, signal: lookup.signal });
      if (lookup.signal.aborted) return;
      this.#people = people.filter((p) => p.handle);
      this.#host.requestUpdate();
    } catch {
      // Suggestions are a help: a handle typed in full still works.
    }
  }

  /** The sorting the form holds; with objectives shown, their titles become `businessCase.objective`. */
  read(data: FormData, businessCase: NewBusinessCase): Sorting {
    const sorting: Sorting = {};
    const typed = bareHandle(String(data.get('sponsor') ?? ''));
    // A name typed in full, as suggested, stands for that person's handle.
    if (typed) sorting.sponsor = this.#people.find((p) => p.name.toLowerCase() === typed.toLowerCase())?.handle ?? typed;
    const demandClass = String(data.get('demandClass') ?? '');
    if (demandClass) sorting.demandClass = demandClass;
    if (this.objectivesShown) {
      const picked = this.#objectives.filter((o) => this.#checked.has(o.id));
      delete businessCase.objective;
      if (picked.length > 0) {
        sorting.objectives = picked.map((o) => o.id);
        const titles = picked.map((o) => o.title).join('; ');
        businessCase.objective = titles.length > OBJECTIVE_TEXT_MAX ? `${titles.slice(0, OBJECTIVE_TEXT_MAX - 1)}…` : titles;
      }
    }
    return sorting;
  }

  /** "Kind of demand": the tenant's classes in `locale`'s words; nothing until they are known. */
  renderClass(t: Translate, locale: string, errors: SortingErrors) {
    if (this.#classes.length === 0) return nothing;
    const classes = localize(this.#classes, locale);
    const defaults =
      classes
        .map((c) => c.key)
        .sort()
        .join(' ') === DEFAULT_CLASSES;
    const error = errors.demandClass;
    return html`<div class="field">
      <label for="bk-demandClass">${t('form.demandClass')}</label>
      <p class="hint" id="bk-demandClass-hint">${t(defaults ? 'form.demandClassHint' : 'form.demandClassOwnHint')}</p>
      <select id="bk-demandClass" name="demandClass" aria-describedby="bk-demandClass-hint bk-demandClass-error" aria-invalid=${error ? 'true' : 'false'}>
        <option value="">${t('form.choose')}</option>
        ${classes.map((c) => html`<option value=${c.key}>${c.label}</option>`)}
      </select>
      <p class="field-error" id="bk-demandClass-error">${error ?? ''}</p>
    </div>`;
  }

  /** The picked unit's objectives as checkboxes, at most five ticked; nothing without any. */
  renderObjectives(t: Translate, errors: SortingErrors, required: boolean) {
    if (!this.objectivesShown) return nothing;
    const full = this.#checked.size >= MAX_OBJECTIVES;
    const error = errors.objectives ?? errors.objective;
    return html`<fieldset class="objectives" aria-describedby="bk-objectives-hint bk-objectives-error">
      <legend>
        ${t('form.objectives', { unit: this.#unitName })}${required ? html` <span class="required">${t('form.required')}</span>` : nothing}
      </legend>
      <p class="hint" id="bk-objectives-hint" role="status">
        ${t(full ? 'form.objectivesFull' : 'form.objectivesHint', { count: MAX_OBJECTIVES })}
      </p>
      ${this.#objectives.map((o) => {
        const checked = this.#checked.has(o.id);
        return html`<label class="check"
          ><input
            type="checkbox"
            name="objectives"
            value=${o.id}
            .checked=${checked}
            ?disabled=${full && !checked}
            aria-invalid=${error ? 'true' : 'false'}
            @change=${(e: Event) => this.#toggle(o.id, (e.target as HTMLInputElement).checked)}
          />
          ${o.title}</label
        >`;
      })}
      <p class="field-error" id="bk-objectives-error">${error ?? ''}</p>
    </fieldset>`;
  }

  /** "Business sponsor": a native input whose list fills with people as the name is typed. */
  renderSponsor(t: Translate, errors: SortingErrors) {
    const error = errors.sponsor;
    return html`<div class="field">
      <label for="bk-sponsor">${t('form.sponsor')}</label>
      <p class="hint" id="bk-sponsor-hint">${t('form.sponsorHint')}</p>
      <input
        id="bk-sponsor"
        name="sponsor"
        list="bk-sponsor-people"
        autocomplete="off"
        maxlength="100"
        aria-describedby="bk-sponsor-hint bk-sponsor-error"
        aria-invalid=${error ? 'true' : 'false'}
        @input=${(e: InputEvent) => this.#onSponsorInput((e.target as HTMLInputElement).value)}
      />
      <datalist id="bk-sponsor-people">
        ${this.#people.map((p) => html`<option value=${p.handle}>${p.name} (@${p.handle})</option>`)}
      </datalist>
      <p class="field-error" id="bk-sponsor-error">${error ?? ''}</p>
    </div>`;
  }
}
