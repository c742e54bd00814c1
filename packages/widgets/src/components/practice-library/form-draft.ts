/**
 * The editable state of a card form, generated from a template's field definitions: a draft
 * per field (text as typed, list rows with stable ids), turned into field values for the API
 * with the client-side checks, and a map from the API's error paths
 * (`body.fields.options.1.cost.amount`) to the input that shows the error.
 */
import type {
  CardTemplate,
  CardVisibility,
  FieldDef,
  FieldType,
  FieldValue,
  LinkKind,
  MaturityLevel,
  PracticeArea,
  PracticeCard,
} from '@bridgekit/sdk';
import { bareHandle } from '@bridgekit/sdk/text-rules';
import type { Translate } from '../../shared/i18n.ts';
import { isLink, isMoney, isObject, isPerson } from '../practice-card/card-format.ts';

export type Draft =
  | { kind: 'scalar'; value: string /** The browser could not read what was typed (a number input). */; bad?: boolean }
  | { kind: 'person'; name: string; handle: string; email?: string }
  | { kind: 'money'; amount: string; currency: string; bad?: boolean }
  | { kind: 'link'; to: LinkKind; id: string /** The item's title, once known: what the picker shows. */; title?: string }
  | { kind: 'record'; fields: Record<string, Draft> }
  | { kind: 'list'; rows: Row[] };

export interface Row {
  /** Stable across additions and removals: inputs keep their text and ids. */
  id: string;
  draft: Draft;
}

/** The fields every card has, whatever its template. */
export interface CommonDraft {
  title: string;
  summary: string;
  tags: Set<PracticeArea>;
  maturityLevel: string;
  /** The owner's handle; `ownerName` is what their picker shows. */
  owner: string;
  ownerName: string;
  reviewBy: string;
  /** The unit's key, or empty for none. */
  unit: string;
  visibility: CardVisibility;
  /** Whether the person chose the visibility (else it follows the unit, as the template's default does). */
  visibilityChosen: boolean;
  note: string;
}

export interface FormDraft {
  common: CommonDraft;
  fields: Record<string, Draft>;
}

let rowCounter = 0;
export const newRowId = (): string => `n${++rowCounter}`;

/** Ids of the inputs of the common fields; template fields are `bk-f-` plus their path. */
export const COMMON_IDS = {
  title: 'bk-c-title',
  summary: 'bk-c-summary',
  tags: 'bk-c-tags',
  maturityLevel: 'bk-c-maturity',
  owner: 'bk-c-owner',
  reviewBy: 'bk-c-review-by',
  unit: 'bk-c-unit',
  visibility: 'bk-c-visibility',
  note: 'bk-c-note',
} as const;

/**
 * Who reads a new card unless its author chooses: the template's default, `private` instead of
 * `unit` while it has no unit (as the API decides).
 */
export function defaultVisibility(template: Pick<CardTemplate, 'visibility'> | null, unit: string): CardVisibility {
  const visibility = template?.visibility ?? 'everyone';
  return visibility === 'unit' && !unit ? 'private' : visibility;
}

export const fieldId = (path: string): string => `bk-f-${path.replaceAll('.', '-')}`;

export function emptyDraft(type: FieldType, currency: string): Draft {
  switch (type.type) {
    case 'person':
      return { kind: 'person', name: '', handle: '' };
    case 'money':
      return { kind: 'money', amount: '', currency };
    case 'link':
      return { kind: 'link', to: type.to[0] ?? 'card', id: '' };
    case 'record':
      return { kind: 'record', fields: Object.fromEntries(type.fields.map((f) => [f.key, emptyDraft(f, currency)])) };
    case 'list':
      return { kind: 'list', rows: [] };
    default:
      return { kind: 'scalar', value: '' };
  }
}

/** The draft of a stored value (editing a card). */
export function draftOf(type: FieldType, value: FieldValue | undefined, currency: string): Draft {
  if (value === undefined) return emptyDraft(type, currency);
  switch (type.type) {
    case 'person':
      return isPerson(value)
        ? { kind: 'person', name: value.name, handle: value.handle ?? '', ...(value.email ? { email: value.email } : {}) }
        : { kind: 'person', name: String(value), handle: '' };
    case 'money':
      return isMoney(value) ? { kind: 'money', amount: String(value.amount), currency: value.currency } : emptyDraft(type, currency);
    case 'link':
      return isLink(value) ? { kind: 'link', to: value.kind, id: value.id } : emptyDraft(type, currency);
    case 'record': {
      const record = isObject(value) ? (value as Record<string, FieldValue>) : {};
      return { kind: 'record', fields: Object.fromEntries(type.fields.map((f) => [f.key, draftOf(f, record[f.key], currency)])) };
    }
    case 'list':
      return {
        kind: 'list',
        rows: Array.isArray(value) ? value.map((item) => ({ id: newRowId(), draft: draftOf(type.of, item, currency) })) : [],
      };
    default:
      return { kind: 'scalar', value: typeof value === 'object' ? '' : String(value) };
  }
}

export function newFormDraft(
  fields: readonly FieldDef[],
  currency: string,
  card?: PracticeCard,
  template: Pick<CardTemplate, 'visibility'> | null = null,
): FormDraft {
  return {
    common: {
      title: card?.title ?? '',
      summary: card?.summary ?? '',
      tags: new Set(card?.tags ?? []),
      maturityLevel: card?.maturityLevel ? String(card.maturityLevel) : '',
      owner: card?.owner?.handle ?? '',
      ownerName: card?.owner?.name ?? '',
      reviewBy: card?.reviewBy ?? '',
      unit: card?.unit?.key ?? '',
      visibility: card?.visibility ?? defaultVisibility(template, ''),
      visibilityChosen: card !== undefined,
      note: '',
    },
    fields: Object.fromEntries(fields.map((f) => [f.key, card ? draftOf(f, card.fields[f.key], currency) : emptyDraft(f, currency)])),
  };
}

/** Puts the linked items' titles (`kind:id` → title) into the link drafts, so their pickers show them. */
export function nameLinks(drafts: Iterable<Draft>, titles: ReadonlyMap<string, string>): void {
  for (const d of drafts) {
    if (d.kind === 'link') {
      const title = titles.get(`${d.to}:${d.id}`);
      if (title && d.title === undefined) d.title = title;
    } else if (d.kind === 'record') nameLinks(Object.values(d.fields), titles);
    else if (d.kind === 'list')
      nameLinks(
        d.rows.map((r) => r.draft),
        titles,
      );
  }
}

export function isDraftEmpty(draft: Draft): boolean {
  switch (draft.kind) {
    case 'scalar':
      return draft.value.trim() === '' && !draft.bad;
    case 'person':
      return draft.name.trim() === '' && draft.handle.trim() === '';
    case 'money':
      return draft.amount.trim() === '' && !draft.bad;
    case 'link':
      return draft.id.trim() === '';
    case 'record':
      return Object.values(draft.fields).every(isDraftEmpty);
    case 'list':
      return draft.rows.every((r) => isDraftEmpty(r.draft));
  }
}

/** What the form sends, and what it found wrong before sending. */
export interface Collected {
  fields: Record<string, FieldValue>;
  title: string;
  summary: string;
  tags: PracticeArea[];
  maturityLevel: MaturityLevel | null;
  owner: string | null;
  reviewBy: string | null;
  unit: string | null;
  visibility: CardVisibility;
  note: string;
  /** Client-side problems: input (or group) id → message. */
  errors: Map<string, string>;
  /** API error path, relative to `fields` → the id of the input (or group) that shows it. */
  anchors: Map<string, string>;
  /** Input (or group) id → the field's label, for the error summary. */
  labels: Map<string, string>;
}

interface Place {
  /** Path as the API sees it: list indexes count only the rows sent. */
  server: string;
  /** Path of the draft: list rows by their stable id. */
  draft: string;
  label: string;
}

const CURRENCY = /^[A-Z]{3}$/;

/** Turns the draft into the values to send, checking what can be checked before sending. */
export function collect(t: Translate, defs: readonly FieldDef[], draft: FormDraft): Collected {
  const out: Collected = {
    fields: {},
    title: draft.common.title.trim(),
    summary: draft.common.summary.trim(),
    tags: [...draft.common.tags],
    maturityLevel: draft.common.maturityLevel ? (Number(draft.common.maturityLevel) as MaturityLevel) : null,
    owner: bareHandle(draft.common.owner) || null,
    reviewBy: draft.common.reviewBy || null,
    unit: draft.common.unit || null,
    visibility: draft.common.visibility,
    note: draft.common.note.trim(),
    errors: new Map(),
    anchors: new Map(),
    labels: new Map(),
  };
  out.labels.set(COMMON_IDS.title, t('library.field.title'));
  if (!out.title) out.errors.set(COMMON_IDS.title, t('library.required'));

  const error = (id: string, message: string) => {
    if (!out.errors.has(id)) out.errors.set(id, message);
  };
  const anchor = (server: string, id: string, label: string) => {
    out.anchors.set(server, id);
    if (!out.labels.has(id)) out.labels.set(id, label);
  };

  const visit = (type: FieldDef | FieldType, d: Draft, at: Place, required: boolean): FieldValue | undefined => {
    const id = fieldId(at.draft);
    switch (d.kind) {
      case 'scalar': {
        anchor(at.server, id, at.label);
        const value = d.value.trim();
        if (d.bad) {
          error(id, t('library.notANumber'));
          return undefined;
        }
        if (!value) {
          if (required) error(id, t('library.required'));
          return undefined;
        }
        if (type.type === 'number') {
          const n = Number(value);
          if (!Number.isFinite(n) || (type.integer && !Number.isInteger(n))) {
            error(id, type.integer ? t('library.notAWholeNumber') : t('library.notANumber'));
            return undefined;
          }
          if ((type.min !== undefined && n < type.min) || (type.max !== undefined && n > type.max)) {
            error(id, t('library.outOfRange', { min: type.min ?? '−∞', max: type.max ?? '∞' }));
          }
          return n;
        }
        if ((type.type === 'text' || type.type === 'richtext') && type.maxLength !== undefined && value.length > type.maxLength) {
          error(id, t('library.tooLong', { max: type.maxLength }));
        }
        return value;
      }
      case 'person': {
        anchor(at.server, `${id}-name`, at.label);
        anchor(`${at.server}.name`, `${id}-name`, at.label);
        anchor(`${at.server}.email`, `${id}-name`, at.label);
        anchor(`${at.server}.handle`, `${id}-name`, at.label);
        const name = d.name.trim();
        const handle = bareHandle(d.handle);
        if (!name && !handle) {
          if (required) error(`${id}-name`, t('library.required'));
          return undefined;
        }
        if (!name) {
          error(`${id}-name`, t('library.personNameMissing'));
          return undefined;
        }
        return { name, ...(handle ? { handle } : {}), ...(d.email ? { email: d.email } : {}) };
      }
      case 'money': {
        anchor(at.server, `${id}-amount`, at.label);
        anchor(`${at.server}.amount`, `${id}-amount`, at.label);
        anchor(`${at.server}.currency`, `${id}-currency`, at.label);
        const amount = d.amount.trim();
        const currency = d.currency.trim().toUpperCase();
        if (d.bad) {
          error(`${id}-amount`, t('library.notANumber'));
          return undefined;
        }
        if (!amount) {
          if (required) error(`${id}-amount`, t('library.required'));
          return undefined;
        }
        const n = Number(amount);
        if (!Number.isFinite(n)) {
          error(`${id}-amount`, t('library.notANumber'));
          return undefined;
        }
        if (!CURRENCY.test(currency)) error(`${id}-currency`, t('library.currencyCode'));
        return { amount: n, currency };
      }
      case 'link': {
        const kinds = type.type === 'link' ? type.to : [];
        const idInput = `${id}-id`;
        anchor(at.server, idInput, at.label);
        anchor(`${at.server}.id`, idInput, at.label);
        anchor(`${at.server}.kind`, kinds.length > 1 ? `${id}-kind` : idInput, at.label);
        const target = d.id.trim();
        if (!target) {
          if (required) error(idInput, t('library.required'));
          return undefined;
        }
        return { kind: d.to, id: target };
      }
      case 'record': {
        anchor(at.server, id, at.label);
        const defs = type.type === 'record' ? type.fields : [];
        const active = required || !isDraftEmpty(d);
        const value: Record<string, FieldValue> = {};
        for (const def of defs) {
          const child = d.fields[def.key];
          if (!child) continue;
          const v = visit(
            def,
            child,
            { server: `${at.server}.${def.key}`, draft: `${at.draft}.${def.key}`, label: `${at.label} › ${def.label}` },
            active && def.required === true,
          );
          if (v !== undefined) value[def.key] = v;
        }
        if (Object.keys(value).length === 0) {
          if (required && ![...out.errors.keys()].some((k) => k.startsWith(`${id}-`))) error(id, t('library.required'));
          return undefined;
        }
        return value;
      }
      case 'list': {
        anchor(at.server, id, at.label);
        const of = type.type === 'list' ? type.of : ({ type: 'text' } as FieldType);
        const values: FieldValue[] = [];
        d.rows.forEach((row, position) => {
          if (isDraftEmpty(row.draft)) return;
          const v = visit(
            of,
            row.draft,
            {
              server: `${at.server}.${values.length}`,
              draft: `${at.draft}.${row.id}`,
              label: t('library.rowLabel', {
                label: (type.type === 'list' ? type.itemLabel : undefined) ?? at.label,
                number: position + 1,
              }),
            },
            true,
          );
          values.push(v ?? '');
        });
        const min = type.type === 'list' ? (type.minItems ?? 0) : 0;
        const max = type.type === 'list' ? type.maxItems : undefined;
        if (values.length === 0 && required) error(id, t('library.addOne'));
        else if (values.length < min) error(id, t('library.addAtLeast', { count: min }));
        else if (max !== undefined && values.length > max) error(id, t('library.atMost', { count: max }));
        return values.length > 0 ? values : undefined;
      }
    }
  };

  for (const def of defs) {
    const d = draft.fields[def.key];
    if (!d) continue;
    const value = visit(def, d, { server: def.key, draft: def.key, label: def.label }, def.required === true);
    if (value !== undefined) out.fields[def.key] = value;
  }
  return out;
}

const COMMON_PATHS: Record<string, string> = {
  title: COMMON_IDS.title,
  summary: COMMON_IDS.summary,
  tags: COMMON_IDS.tags,
  maturityLevel: COMMON_IDS.maturityLevel,
  owner: COMMON_IDS.owner,
  reviewBy: COMMON_IDS.reviewBy,
  unit: COMMON_IDS.unit,
  visibility: COMMON_IDS.visibility,
  note: COMMON_IDS.note,
};

/**
 * The input that shows an API error at `path` (`body.fields.options.1.cost.amount`): the
 * deepest known place on the path. `null` when the error belongs to the form as a whole.
 */
export function anchorOf(path: string, anchors: ReadonlyMap<string, string>): string | null {
  const parts = path.replace(/^body\./, '').split('.');
  if (parts[0] !== 'fields') return COMMON_PATHS[parts[0] ?? ''] ?? null;
  for (let end = parts.length; end > 1; end--) {
    const found = anchors.get(parts.slice(1, end).join('.'));
    if (found) return found;
  }
  return null;
}
