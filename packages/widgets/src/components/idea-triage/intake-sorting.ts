/**
 * The "Sorting" part of triage's intake decision (docs/intake.md): the idea's demand class, its
 * sponsor (a native input whose list offers people as one types) and the objectives of its unit,
 * filled in from the idea. Only what the evaluator changed is sent with the decision. Loaded with
 * the intake form.
 */
import type {
  BridgekitMemberClient,
  DemandClassDefinition,
  Idea,
  IntakeDecisionInput,
  IntakeStep,
  MentionableUser,
  ObjectiveRef,
} from '@bridgekit/sdk';
import { OBJECTIVES_PER_ITEM_MAX } from '@bridgekit/sdk/intake-types';
import { bareHandle } from '@bridgekit/sdk/text-rules';
import { localize } from '@bridgekit/sdk/translations';
import { html, nothing } from 'lit';
import { registerFeature } from '../../shared/i18n.ts';
import { intakeMessages } from '../../shared/messages/intake.ts';
import { viewer } from '../../shared/viewer.ts';
import type { BkIdeaTriage } from './idea-triage.component.ts';

registerFeature(intakeMessages);

/** The steps that keep the idea in play: the forum sorts it as it decides them. */
export const SORTING_STEPS: readonly IntakeStep[] = ['needs_information', 'qualified', 'approved'];
/** The most objectives an idea serves (the server refuses more). */
const MAX_OBJECTIVES = OBJECTIVES_PER_ITEM_MAX;
/** How long typing pauses before people are looked up. */
const LOOKUP_DELAY_MS = 250;

type Choice = Pick<ObjectiveRef, 'id' | 'title' | 'unit'>;
export type SortingFields = Pick<IntakeDecisionInput, 'sponsor' | 'demandClass' | 'objectives'>;

/** What one element's sorting has read, for the client it read it with. */
interface Sorting {
  client: BridgekitMemberClient;
  /** The tenant's demand classes (`/me`); `null` while they load. */
  classes: DemandClassDefinition[] | null;
  /** Each unit's current objectives by its key; `null` while they load. */
  objectives: Map<string, Choice[] | null>;
  /** People offered for the sponsor: the last look-up's answer. */
  people: MentionableUser[];
  timer?: ReturnType<typeof setTimeout>;
  lookup?: AbortController;
  /** The idea the fields were last shown for. */
  shown?: string;
}

const sortings = new WeakMap<BkIdeaTriage, Sorting>();

function sortingOf(host: BkIdeaTriage, client: BridgekitMemberClient): Sorting {
  const known = sortings.get(host);
  if (known?.client === client) return known;
  known?.lookup?.abort();
  clearTimeout(known?.timer);
  const sorting: Sorting = { client, classes: null, objectives: new Map(), people: [] };
  sortings.set(host, sorting);
  void viewer(client)
    .then(
      (me) => me.demandClasses,
      () => [],
    )
    .then((classes) => {
      sorting.classes = classes;
      host.requestUpdate();
    });
  return sorting;
}

function objectivesOf(host: BkIdeaTriage, sorting: Sorting, unit: string): Choice[] | null {
  if (!sorting.objectives.has(unit)) {
    sorting.objectives.set(unit, null);
    void sorting.client.objectives
      .list(unit)
      .then(
        ({ items }) => items,
        // Objectives the reader may not list are not offered; the idea's own still show.
        () => [],
      )
      .then((items) => {
        sorting.objectives.set(unit, items);
        host.requestUpdate();
      });
  }
  return sorting.objectives.get(unit) ?? null;
}

/** Puts each control back to its default, which is what the idea says. */
function restore(fieldset: HTMLFieldSetElement): void {
  for (const control of fieldset.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
    if (control instanceof HTMLSelectElement) for (const option of control.options) option.selected = option.defaultSelected;
    else if (control.type === 'checkbox') control.checked = control.defaultChecked;
    else control.value = control.defaultValue;
  }
}

/** Looks people up for the sponsor's list once typing pauses; a newer look-up replaces an older one. */
function lookUp(host: BkIdeaTriage, sorting: Sorting, text: string): void {
  clearTimeout(sorting.timer);
  sorting.lookup?.abort();
  const q = bareHandle(text);
  if (!q || q.length > 60) return;
  sorting.timer = setTimeout(() => {
    const lookup = new AbortController();
    sorting.lookup = lookup;
    sorting.client.users.mentionable(q, { limit: 8, signal: lookup.signal }).then(
      (people) => {
        if (lookup.signal.aborted) return;
        sorting.people = people;
        host.requestUpdate();
      },
      // No suggestions: the handle can still be typed.
      () => undefined,
    );
  }, LOOKUP_DELAY_MS);
}

/** The sorting the form holds against the idea: a field left as it was is left out, an emptied one is cleared (`null`). */
export function readSorting(idea: Idea, data: FormData): SortingFields {
  const sponsor = bareHandle(String(data.get('sponsor') ?? ''));
  const demandClass = String(data.get('demandClass') ?? '');
  const objectives = data.getAll('objectives').map(String);
  const before = new Set(idea.objectives.map((o) => o.id));
  return {
    ...(sponsor !== (idea.sponsor?.handle ?? '') ? { sponsor: sponsor || null } : {}),
    ...(demandClass !== (idea.demandClass?.key ?? '') ? { demandClass: demandClass || null } : {}),
    ...(objectives.length !== before.size || objectives.some((id) => !before.has(id)) ? { objectives } : {}),
  };
}

/** What the browser can tell before sending: the number of objectives. */
export function checkSorting(data: FormData, t: BkIdeaTriage['_api']['t']): Record<string, string> {
  return data.getAll('objectives').length > MAX_OBJECTIVES
    ? { 'intake.objectives': t('intake.tooManyObjectives', { max: MAX_OBJECTIVES }) }
    : {};
}

/** The sorting fieldset, hidden (and not sent) for the steps that close the idea. */
export function renderSorting(host: BkIdeaTriage, idea: Idea, shown: boolean) {
  const { client, t, locale } = host._api;
  if (!client) return nothing;
  const sorting = sortingOf(host, client);
  const errors = host._errors;
  const invalid = (name: string) => (errors[`intake.${name}`] ? 'true' : 'false');
  const error = (name: string) => html`<p class="field-error" id="bk-intake-${name}-error">${errors[`intake.${name}`] ?? ''}</p>`;
  const classes = localize(sorting.classes ?? [], locale);
  // The idea's class stays on offer even before the tenant's classes are read (or if it left them).
  const current = idea.demandClass;
  const offered = current && !classes.some((c) => c.key === current.key) ? [...classes, current] : classes;
  const unitObjectives = idea.unit ? objectivesOf(host, sorting, idea.unit.key) : [];
  const chosen = new Set(idea.objectives.map((o) => o.id));
  const choices =
    unitObjectives === null ? null : [...unitObjectives, ...idea.objectives.filter((o) => !unitObjectives.some((u) => u.id === o.id))];
  if (sorting.shown !== idea.id) {
    // Another idea: nothing chosen for the last one carries over (its values are now the defaults).
    if (sorting.shown !== undefined) {
      void host.updateComplete.then(() => {
        const fieldset = host.renderRoot.querySelector<HTMLFieldSetElement>('fieldset.sorting');
        if (fieldset) restore(fieldset);
      });
    }
    sorting.shown = idea.id;
    sorting.people = [];
  }
  return html`<fieldset class="sorting" ?hidden=${!shown} aria-describedby="bk-intake-sorting-hint">
      <legend>${t('intake.sorting')}</legend>
      <p class="subtle" id="bk-intake-sorting-hint">${t('intake.sortingHint')}</p>
      <div>
        <label for="bk-intake-demandClass">${t('intake.demandClass')}</label>
        <select id="bk-intake-demandClass" name="demandClass" aria-invalid=${invalid('demandClass')} aria-describedby="bk-intake-demandClass-error">
          <option value="" ?selected=${!current}>${t('intake.noDemandClass')}</option>
          ${offered.map((c) => html`<option value=${c.key} ?selected=${c.key === current?.key}>${c.label}</option>`)}
        </select>
        ${error('demandClass')}
      </div>
      <div>
        <label for="bk-intake-sponsor">${t('intake.sponsor')}</label>
        <input type="text" id="bk-intake-sponsor" name="sponsor" maxlength="40" autocomplete="off" list="bk-intake-sponsor-people"
          value=${idea.sponsor?.handle ?? ''} aria-invalid=${invalid('sponsor')} aria-describedby="bk-intake-sponsor-error"
          @input=${(e: InputEvent) => lookUp(host, sorting, (e.target as HTMLInputElement).value)} />
        <datalist id="bk-intake-sponsor-people">
          ${sorting.people.map((p) => html`<option value=${p.handle}>${p.name}${p.businessUnit ? ` (${p.businessUnit})` : ''}</option>`)}
        </datalist>
        ${error('sponsor')}
      </div>
      <fieldset class="objectives">
        <legend>${t('intake.objectives', { max: MAX_OBJECTIVES })}</legend>
        ${
          choices === null
            ? html`<p class="subtle">${t('intake.objectivesLoading')}</p>`
            : choices.length === 0
              ? html`<p class="subtle">${idea.unit ? t('intake.noObjectives', { unit: idea.unit.name }) : t('intake.noUnit')}</p>`
              : html`<div class="choices">
                ${choices.map(
                  (o) => html`<label>
                    <input type="checkbox" name="objectives" value=${o.id} ?checked=${chosen.has(o.id)}
                      aria-invalid=${invalid('objectives')} aria-describedby="bk-intake-objectives-error" />
                    ${o.title}${o.unit.key === idea.unit?.key ? nothing : html` <span class="subtle">(${o.unit.name})</span>`}
                  </label>`,
                )}
              </div>`
        }
        ${error('objectives')}
      </fieldset>
    </fieldset>`;
}
