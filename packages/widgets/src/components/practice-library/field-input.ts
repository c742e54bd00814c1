/**
 * The inputs of a card form, one per template field type: native controls with labels,
 * "(required)" marks, help, and an error under each that the control is described by. People
 * and links are pickers (`bk-item-picker`: members through the @mention look-up, cards, ideas
 * and threads through the search). Lists are rows with "Add", and "Remove" at each row's end;
 * records are fieldsets.
 */
import type { FieldDef, FieldType, LinkKind, RelationshipSide } from '@bridgekit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BkItemPickEvent } from '../../events/item-pick.ts';
import type { Translate } from '../../shared/i18n.ts';
import type { BkItemPicker } from '../../shared/item-picker.ts';
import { linkKindLabel } from '../practice-card/card-format.ts';
import { type Draft, fieldId } from './form-draft.ts';

type ListDraft = Extract<Draft, { kind: 'list' }>;

export interface FieldFormContext {
  t: Translate;
  /** Input (or group) id → the error shown there. */
  errors: ReadonlyMap<string, string>;
  addRow(list: ListDraft, of: FieldType, path: string): void;
  removeRow(list: ListDraft, rowId: string, path: string): void;
  /** A choice changed what the form shows (a link's kind). */
  changed(): void;
  /** Why the person may not change a side-locked field of this side ("Only the business side…"), or null when they may. */
  lockedNote?(side: RelationshipSide): string | null;
}

interface Labelled {
  label: string;
  /** A list's name for one item ("Option" of "Options"): its rows are numbered with it. */
  itemLabel?: string | undefined;
  required: boolean;
  help?: string | undefined;
  /** A side-locked field the person may not change: shown read-only, with this note. */
  locked?: string | null | undefined;
}

export const requiredMark = (t: Translate, required: boolean) =>
  required ? html` <span class="required">${t('library.requiredMark')}</span>` : nothing;

/** The error paragraph under a control; empty (and hidden) when there is none. */
export const errorText = (ctx: Pick<FieldFormContext, 'errors'>, id: string) =>
  html`<p class="field-error" id="${id}-error">${ctx.errors.get(id) ?? ''}</p>`;

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ');
const invalid = (ctx: FieldFormContext, id: string) => (ctx.errors.has(id) ? 'true' : 'false');
const value = (e: Event) => (e.target as HTMLInputElement).value;
const badInput = (e: Event) => (e.target as HTMLInputElement).validity.badInput;

/** One field of the template (or a row of a list) at `path`. */
export function renderField(
  ctx: FieldFormContext,
  type: FieldDef | FieldType,
  draft: Draft,
  path: string,
  labelled: Labelled,
  /** Shown at the end of the field, inside its group: a row's Remove button. */
  trailing: unknown = nothing,
): TemplateResult {
  const side = (type as Partial<FieldDef>).side;
  const l = side ? { ...labelled, locked: ctx.lockedNote?.(side) ?? null } : labelled;
  switch (draft.kind) {
    case 'scalar':
      return renderScalar(ctx, type, draft, path, l, trailing);
    case 'person':
      return renderPerson(ctx, draft, path, l, trailing);
    case 'money':
      return renderMoney(ctx, draft, path, l, trailing);
    case 'link':
      return renderLink(ctx, type.type === 'link' ? type.to : [draft.to], draft, path, l, trailing);
    case 'record':
      return renderRecord(ctx, type.type === 'record' ? type.fields : [], draft, path, l, trailing);
    case 'list':
      return renderList(
        ctx,
        type.type === 'list' ? type.of : { type: 'text' },
        draft,
        path,
        { ...l, itemLabel: type.type === 'list' ? type.itemLabel : undefined },
        trailing,
      );
  }
}

function helpText(id: string, help: string | undefined) {
  return help ? html`<p class="hint" id="${id}-help">${help}</p>` : nothing;
}

function renderScalar(
  ctx: FieldFormContext,
  type: FieldDef | FieldType,
  d: Extract<Draft, { kind: 'scalar' }>,
  path: string,
  l: Labelled,
  trailing: unknown,
) {
  const id = fieldId(path);
  const markdown = type.type === 'richtext';
  const described = describedBy(l.help && `${id}-help`, l.locked && `${id}-locked`, markdown && `${id}-markdown`, `${id}-error`);
  // Read-only (a select cannot be: disabled) — the draft keeps the value, and the save sends it unchanged.
  const readOnly = Boolean(l.locked);
  const onInput = (e: Event) => {
    d.value = value(e);
    d.bad = badInput(e);
  };
  let control: TemplateResult;
  switch (type.type) {
    case 'richtext':
      control = html`<textarea id=${id} rows="4" ?readonly=${readOnly} maxlength=${type.maxLength ?? nothing} aria-describedby=${described} aria-invalid=${invalid(ctx, id)} .value=${live(d.value)} @input=${onInput}></textarea>`;
      break;
    case 'enum':
      control = html`<select id=${id} ?disabled=${readOnly} aria-describedby=${described} aria-invalid=${invalid(ctx, id)} @change=${onInput}>
        <option value="" ?selected=${d.value === ''}>${ctx.t('library.choose')}</option>
        ${type.options.map((o) => html`<option value=${o.value} ?selected=${d.value === o.value}>${o.label}</option>`)}
      </select>`;
      break;
    case 'date':
      control = html`<input id=${id} type="date" ?readonly=${readOnly} aria-describedby=${described} aria-invalid=${invalid(ctx, id)} .value=${live(d.value)} @input=${onInput} />`;
      break;
    case 'number':
      control = html`<input
        id=${id}
        type="number"
        ?readonly=${readOnly}
        min=${type.min ?? nothing}
        max=${type.max ?? nothing}
        step=${type.integer ? '1' : 'any'}
        aria-describedby=${described}
        aria-invalid=${invalid(ctx, id)}
        .value=${live(d.value)}
        @input=${onInput}
      />`;
      break;
    default: {
      const max = type.type === 'text' ? type.maxLength : undefined;
      control =
        type.type === 'text' && type.multiline
          ? html`<textarea id=${id} rows="3" ?readonly=${readOnly} maxlength=${max ?? nothing} aria-describedby=${described} aria-invalid=${invalid(ctx, id)} .value=${live(d.value)} @input=${onInput}></textarea>`
          : html`<input id=${id} type="text" ?readonly=${readOnly} maxlength=${max ?? nothing} aria-describedby=${described} aria-invalid=${invalid(ctx, id)} .value=${live(d.value)} @input=${onInput} />`;
    }
  }
  return html`<div class="field" data-path=${path}>
    <label for=${id}>${l.label}${requiredMark(ctx.t, l.required)}</label>
    ${helpText(id, l.help)} ${lockedText(id, l.locked)}
    ${markdown ? html`<p class="hint" id="${id}-markdown">${ctx.t('library.markdownHint')}</p>` : nothing} ${control} ${errorText(ctx, id)}
    ${trailing}
  </div>`;
}

const lockedText = (id: string, note: string | null | undefined) =>
  note ? html`<p class="hint locked" id="${id}-locked">${note}</p>` : nothing;

/** A fieldset whose legend names the field, around its parts. */
function group(ctx: FieldFormContext, id: string, path: string, l: Labelled, body: unknown, className: string, trailing: unknown) {
  // A side-locked group: disabled as a whole, so none of its controls (nor Add or Remove) changes it.
  return html`<fieldset
    class=${className}
    id=${id}
    data-path=${path}
    ?disabled=${Boolean(l.locked)}
    aria-describedby=${describedBy(l.help && `${id}-help`, l.locked && `${id}-locked`, `${id}-error`)}
  >
    <legend>${l.label}${requiredMark(ctx.t, l.required)}</legend>
    ${helpText(id, l.help)} ${lockedText(id, l.locked)} ${errorText(ctx, id)} ${body} ${trailing}
  </fieldset>`;
}

interface Part {
  /** The input's id; its error is `${id}-error`. */
  id: string;
  label: string;
  value: string;
  onInput: (e: Event) => void;
  /** `number`: an amount; `code`: a handle, code or id, not spell-checked; otherwise a name. */
  kind?: 'number' | 'code';
  maxLength?: number;
  className?: string;
}

/** One labelled input among the parts of a person, an amount or a link, with its own error. */
function renderPart(ctx: FieldFormContext, p: Part) {
  const number = p.kind === 'number';
  return html`<div class=${p.className ? `field ${p.className}` : 'field'}>
    <label for=${p.id}>${p.label}</label>
    <input
      id=${p.id}
      type=${number ? 'number' : 'text'}
      step=${number ? 'any' : nothing}
      maxlength=${p.maxLength ?? nothing}
      autocomplete=${number ? nothing : 'off'}
      spellcheck=${p.kind === 'code' ? 'false' : nothing}
      aria-describedby="${p.id}-error"
      aria-invalid=${invalid(ctx, p.id)}
      .value=${live(p.value)}
      @input=${p.onInput}
    />
    ${errorText(ctx, p.id)}
  </div>`;
}

/** A member picked by name (their handle kept), or the name of someone who is not one. */
function renderPerson(ctx: FieldFormContext, d: Extract<Draft, { kind: 'person' }>, path: string, l: Labelled, trailing: unknown) {
  const id = fieldId(path);
  return group(
    ctx,
    id,
    path,
    l,
    html`<bk-item-picker
      id="${id}-name"
      kind="person"
      label=${ctx.t('library.personName')}
      hint=${ctx.t('editor.personHint')}
      error=${ctx.errors.get(`${id}-name`) ?? ''}
      ?disabled=${Boolean(l.locked)}
      .value=${d.handle ? { id: d.handle, title: d.name } : null}
      .text=${d.name}
      @input=${(e: Event) => {
        d.name = (e.currentTarget as BkItemPicker).text;
      }}
      @bk-item-pick=${(e: BkItemPickEvent) => {
        d.handle = e.item?.id ?? '';
        if (e.item) d.name = e.item.title;
        // Someone outside the members has no e-mail from the look-up either.
        delete d.email;
      }}
    ></bk-item-picker>`,
    'group person',
    trailing,
  );
}

function renderMoney(ctx: FieldFormContext, d: Extract<Draft, { kind: 'money' }>, path: string, l: Labelled, trailing: unknown) {
  const id = fieldId(path);
  const onAmount = (e: Event) => {
    d.amount = value(e);
    d.bad = badInput(e);
  };
  return group(
    ctx,
    id,
    path,
    l,
    html`<div class="parts">
      ${renderPart(ctx, { id: `${id}-amount`, label: ctx.t('library.amount'), value: d.amount, onInput: onAmount, kind: 'number' })}
      ${renderPart(ctx, {
        id: `${id}-currency`,
        label: ctx.t('library.currency'),
        value: d.currency,
        onInput: (e) => (d.currency = value(e)),
        kind: 'code',
        maxLength: 3,
        className: 'currency',
      })}
    </div>`,
    'group money',
    trailing,
  );
}

/** The kind (when the field allows several) and the item, picked by its title through the search. */
function renderLink(
  ctx: FieldFormContext,
  kinds: readonly LinkKind[],
  d: Extract<Draft, { kind: 'link' }>,
  path: string,
  l: Labelled,
  trailing: unknown,
) {
  const id = fieldId(path);
  return group(
    ctx,
    id,
    path,
    l,
    html`<div class="parts">
      ${
        kinds.length === 1
          ? nothing
          : html`<div class="field">
            <label for="${id}-kind">${ctx.t('library.linkKind')}</label>
            <select
              id="${id}-kind"
              aria-describedby="${id}-kind-error"
              aria-invalid=${invalid(ctx, `${id}-kind`)}
              @change=${(e: Event) => {
                d.to = value(e) as LinkKind;
                // An id of one kind means nothing as another.
                d.id = '';
                delete d.title;
                ctx.changed();
              }}
            >
              ${kinds.map((k) => html`<option value=${k} ?selected=${d.to === k}>${linkKindLabel(ctx.t, k)}</option>`)}
            </select>
            ${errorText(ctx, `${id}-kind`)}
          </div>`
      }
      <bk-item-picker
        id="${id}-id"
        class="wide"
        kind=${d.to}
        label=${ctx.t('editor.linkTo', { kind: linkKindLabel(ctx.t, d.to) })}
        hint=${ctx.t('editor.linkHint')}
        error=${ctx.errors.get(`${id}-id`) ?? ''}
        ?disabled=${Boolean(l.locked)}
        .value=${d.id ? { id: d.id, title: d.title ?? d.id } : null}
        @bk-item-pick=${(e: BkItemPickEvent) => {
          d.id = e.item?.id ?? '';
          if (e.item) d.title = e.item.title;
          else delete d.title;
        }}
      ></bk-item-picker>
    </div>`,
    'group link',
    trailing,
  );
}

function renderRecord(
  ctx: FieldFormContext,
  fields: readonly FieldDef[],
  d: Extract<Draft, { kind: 'record' }>,
  path: string,
  l: Labelled,
  trailing: unknown,
) {
  return group(
    ctx,
    fieldId(path),
    path,
    l,
    html`<div class="record-fields">
      ${fields.map((f) => {
        const child = d.fields[f.key];
        return child
          ? renderField(ctx, f, child, `${path}.${f.key}`, { label: f.label, required: f.required === true, help: f.help })
          : nothing;
      })}
    </div>`,
    'group record',
    trailing,
  );
}

function renderList(ctx: FieldFormContext, of: FieldType, d: ListDraft, path: string, l: Labelled, trailing: unknown) {
  const id = fieldId(path);
  return group(
    ctx,
    id,
    path,
    l,
    html`${
      d.rows.length > 0
        ? html`<ol class="rows">
          ${repeat(
            d.rows,
            (row) => row.id,
            (row, i) => {
              const rowPath = `${path}.${row.id}`;
              const rowLabel = ctx.t('library.rowLabel', { label: l.itemLabel ?? l.label, number: i + 1 });
              const remove = html`<button
                type="button"
                class="button subtle remove"
                data-remove=${rowPath}
                aria-label=${ctx.t('library.removeRowNamed', { row: rowLabel })}
                @click=${() => ctx.removeRow(d, row.id, path)}
              >
                ${ctx.t('library.removeRow')}
              </button>`;
              return html`<li class="row" data-row=${row.id}>
                ${renderField(ctx, of, row.draft, rowPath, { label: rowLabel, required: false }, remove)}
              </li>`;
            },
          )}
        </ol>`
        : nothing
    }
      <button type="button" class="button add" data-add=${path} @click=${() => ctx.addRow(d, of, path)}>
        ${ctx.t('library.addRow', { label: l.label })}
      </button>`,
    'group list',
    trailing,
  );
}
