/**
 * Changing an idea in its own view: the compact edit form (title, description, business case),
 * what an edit sends, where the server's field errors go, and the idea's earlier texts. The
 * intake form's fields are not reused: importing it would pull the whole form (suggestions,
 * lanes, events) into the view's chunk.
 */
import type { BusinessCase, BusinessCaseEdit, EffortSize, Idea, IdeaEdit, IdeaRevision, IntakeField, ValueType } from '@bridgekit/sdk';
import { isBridgekitError } from '@bridgekit/sdk/errors';
import { LIMITS } from '@bridgekit/sdk/types';
import { html, nothing } from 'lit';
import { loadErrorTexts } from '../../shared/bridgekit-element.ts';
import { type MessageKey, type Translate as T, translator } from '../../shared/i18n.ts';
import { shownName } from '../../shared/person-name.ts';

export type EditField = 'title' | 'description' | IntakeField;
export type EditErrors = Partial<Record<EditField | 'form', string>>;

const VALUE_TYPES: ValueType[] = ['revenue', 'cost', 'risk', 'compliance', 'experience'];
const EFFORTS: EffortSize[] = ['XS', 'S', 'M', 'L', 'XL'];
const FIELDS: EditField[] = ['title', 'description', 'problem', 'beneficiary', 'valueType', 'effort', 'objective'];
const CASE_FIELDS: IntakeField[] = ['problem', 'beneficiary', 'valueType', 'effort', 'objective'];

/** The changes the form holds against the idea: fields left as they were are left out; an emptied business case field is cleared. */
export function readEdit(form: HTMLFormElement, idea: Idea): IdeaEdit {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const edit: IdeaEdit = {};
  if (text('title') !== idea.title) edit.title = text('title');
  if (text('description') !== idea.description) edit.description = text('description');
  const bc: BusinessCaseEdit = {};
  for (const field of CASE_FIELDS) {
    const value = text(field) || null;
    if (value !== idea.businessCase[field]) Object.assign(bc, { [field]: value });
  }
  if (Object.keys(bc).length > 0) edit.businessCase = bc;
  return edit;
}

/** What the browser can tell before sending: the title's length and the board's required fields. */
export function checkEdit(form: HTMLFormElement, required: readonly IntakeField[], t: T): EditErrors {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const errors: EditErrors = {};
  const title = text('title');
  if (title.length < LIMITS.ideaTitle.min || title.length > LIMITS.ideaTitle.max) errors.title = t('form.titleHint');
  for (const field of required) if (!text(field)) errors[field] = t('form.requiredField');
  return errors;
}

/** The server's refusal at the fields it concerns; anything else as `form`. */
export async function editErrors(err: unknown, locale: string, describe: (err: unknown) => Promise<string>): Promise<EditErrors> {
  const errors: EditErrors = {};
  if (isBridgekitError(err) && (err.code === 'validation_failed' || err.code === 'idea_rejected')) {
    const issues =
      (await loadErrorTexts(locale))?.issueTexts(translator(locale), locale, err) ??
      err.details.map((d) => ({ path: d.path, text: d.message }));
    for (const issue of issues) {
      const field = issue.path.replace(/^body\.(businessCase\.)?/, '') as EditField;
      if (FIELDS.includes(field)) errors[field] = issue.text;
    }
  }
  if (Object.keys(errors).length === 0) errors.form = await describe(err);
  return errors;
}

interface EditFormOptions {
  idea: Idea;
  required: readonly IntakeField[];
  errors: EditErrors;
  saving: boolean;
  t: T;
  onSubmit: (event: SubmitEvent) => void;
  onCancel: () => void;
}

/** The edit form, in place of the idea's text. */
export function renderEditForm({ idea, required, errors, saving, t, onSubmit, onCancel }: EditFormOptions) {
  const bc = idea.businessCase;
  const invalid = (name: EditField) => (errors[name] ? 'true' : 'false');
  const field = (name: EditField, label: MessageKey, control: unknown) => {
    const need = name === 'title' || required.includes(name as IntakeField);
    return html`<div class="field">
      <label for="bk-edit-${name}">${t(label)}${need ? html` <span class="subtle">${t('form.required')}</span>` : nothing}</label>
      ${control}
      <p class="field-error" id="bk-edit-${name}-error">${errors[name] ?? ''}</p>
    </div>`;
  };
  const input = (name: EditField, value: string | null, max: number) =>
    html`<input id="bk-edit-${name}" name=${name} .value=${value ?? ''} maxlength=${max} ?required=${name === 'title' || required.includes(name as IntakeField)}
      aria-describedby="bk-edit-${name}-error" aria-invalid=${invalid(name)} autocomplete="off" />`;
  const textarea = (name: EditField, value: string | null, max: number) =>
    html`<textarea id="bk-edit-${name}" name=${name} .value=${value ?? ''} maxlength=${max} ?required=${required.includes(name as IntakeField)}
      aria-describedby="bk-edit-${name}-error" aria-invalid=${invalid(name)}></textarea>`;
  const select = (name: 'valueType' | 'effort', options: string[], prefix: string) =>
    html`<select id="bk-edit-${name}" name=${name} ?required=${required.includes(name)} aria-describedby="bk-edit-${name}-error" aria-invalid=${invalid(name)}>
      <option value="">${t('form.choose')}</option>
      ${options.map((v) => html`<option value=${v} ?selected=${bc[name] === v}>${t(`${prefix}.${v}` as MessageKey)}</option>`)}
    </select>`;
  return html`<form class="edit" part="edit-form" novalidate aria-labelledby="bk-idea-edit-heading" @submit=${onSubmit}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onCancel();
      }
    }}>
    <h3 id="bk-idea-edit-heading">${t('idea.editHeading')}</h3>
    ${field('title', 'form.titleLabel', input('title', idea.title, LIMITS.ideaTitle.max))}
    ${field('description', 'idea.description', textarea('description', idea.description, LIMITS.ideaDescription.max))}
    <fieldset>
      <legend>${t('form.businessCase')}</legend>
      ${field('problem', 'form.problem', textarea('problem', bc.problem, 2000))}
      ${field('beneficiary', 'form.beneficiary', input('beneficiary', bc.beneficiary, 100))}
      ${field('valueType', 'form.valueType', select('valueType', VALUE_TYPES, 'valueType'))}
      ${field('effort', 'form.effort', select('effort', EFFORTS, 'effort'))}
      ${field('objective', 'form.objective', input('objective', bc.objective, 200))}
    </fieldset>
    <p class="field-error" role="alert">${errors.form ?? ''}</p>
    <div class="actions">
      <button type="submit" class="button primary" aria-disabled=${saving ? 'true' : 'false'}>${t(saving ? 'idea.saving' : 'idea.save')}</button>
      <button type="button" class="button" @click=${onCancel}>${t('form.cancel')}</button>
    </div>
  </form>`;
}

/** What the idea said before each edit, newest first. */
export function renderRevisionList(revisions: IdeaRevision[] | null, failed: boolean, locale: string, t: T) {
  if (failed) return html`<p class="field-error" role="alert">${t('idea.revisionsFailed')}</p>`;
  if (!revisions) return html`<p class="subtle" role="status">${t('idea.revisionsLoading')}</p>`;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const caseRows = (bc: BusinessCase): [MessageKey, string][] =>
    (
      [
        ['form.problem', bc.problem],
        ['form.beneficiary', bc.beneficiary],
        ['form.valueType', bc.valueType ? t(`valueType.${bc.valueType}`) : null],
        ['form.effort', bc.effort ? t(`effort.${bc.effort}`) : null],
        ['form.objective', bc.objective],
      ] as [MessageKey, string | null][]
    ).filter((row): row is [MessageKey, string] => Boolean(row[1]));
  return html`<ol class="revisions">
    ${revisions.map(
      (r) => html`<li>
        <p class="subtle">${t('idea.revisionBy', { by: shownName(t, r.by), date: day.format(new Date(r.replacedAt)) })}
          ${r.afterScoring ? html`<span class="badge outdated">${t('idea.revisionAfterScoring')}</span>` : nothing}</p>
        <dl>
          <dt>${t('form.titleLabel')}</dt><dd>${r.title}</dd>
          <dt>${t('idea.description')}</dt><dd>${r.description || t('idea.noDescription')}</dd>
          ${caseRows(r.businessCase).map(([label, value]) => html`<dt>${t(label)}</dt><dd>${value}</dd>`)}
        </dl>
      </li>`,
    )}
  </ol>`;
}
