/**
 * Plain-text formatting of card values for people: dates, money, people, links and any value
 * a diff or the server's derived values may hold. Shared by `bk-practice-card` and
 * `bk-practice-library`.
 */
import type { FieldDef, FieldType, FieldValue, LinkKind, LinkValue, MoneyValue, PersonValue } from '@bridgekit/sdk';
import type { MessageKey, Translate } from '../../shared/i18n.ts';
import { shownName } from '../../shared/person-name.ts';

export interface FormatContext {
  t: Translate;
  locale: string;
  /** Titles of linked cards, ideas and threads by `kind:id`, when known. */
  linkTitles?: ReadonlyMap<string, string>;
}

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** `2026-03-01` as the reader's locale writes it. Dates carry no time zone: read them as UTC. */
export function formatDate(locale: string, ymd: string): string {
  if (!YMD.test(ymd)) return ymd;
  const date = new Date(`${ymd}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return ymd;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An instant (ISO 8601) as date and time. */
export function formatInstant(locale: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatMoney(locale: string, money: MoneyValue): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(money.amount);
  } catch {
    // An unknown currency code: still show what was stored.
    return `${new Intl.NumberFormat(locale).format(money.amount)} ${money.currency}`;
  }
}

export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export const linkKindLabel = (t: Translate, kind: LinkKind | string): string =>
  kind === 'card' || kind === 'idea' || kind === 'thread' ? t(`card.link.${kind}` as MessageKey) : kind;

/** "Idea: Automate invoice matching" when the title is known, else "Idea k3v9q0m2". */
export function formatLink(ctx: FormatContext, link: LinkValue): string {
  const title = ctx.linkTitles?.get(`${link.kind}:${link.id}`);
  const kind = linkKindLabel(ctx.t, link.kind);
  return title ? ctx.t('card.linkTitled', { kind, title }) : ctx.t('card.linkId', { kind, id: link.id });
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isMoney = (v: unknown): v is MoneyValue => isObject(v) && typeof v.amount === 'number' && typeof v.currency === 'string';
export const isPerson = (v: unknown): v is PersonValue => isObject(v) && typeof v.name === 'string' && !('amount' in v);
export const isLink = (v: unknown): v is LinkValue => isObject(v) && typeof v.kind === 'string' && typeof v.id === 'string';

/** Whether a stored value is absent for reading purposes: empty text, list or record. */
export function isEmptyValue(value: FieldValue | null | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every((v) => isEmptyValue(v));
  return false;
}

/** One value as text, knowing its field type (enum labels, scales). */
export function formatTyped(ctx: FormatContext, type: FieldType, value: FieldValue): string {
  switch (type.type) {
    case 'enum':
      return type.options.find((o) => o.value === value)?.label ?? String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(ctx.locale, value) : formatAny(ctx, value);
    case 'number':
      if (typeof value !== 'number') return formatAny(ctx, value);
      // A 1–5 score reads better as "4 of 5".
      return type.max !== undefined && type.min !== undefined && type.max <= 10
        ? ctx.t('card.scale', { value: formatNumber(ctx.locale, value), max: formatNumber(ctx.locale, type.max) })
        : formatNumber(ctx.locale, value);
    default:
      return formatAny(ctx, value);
  }
}

/** Any value as text, without its type: for diffs and derived values. */
export function formatAny(ctx: FormatContext, value: FieldValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(ctx.locale, value);
  if (typeof value === 'string') return YMD.test(value) ? formatDate(ctx.locale, value) : value;
  if (Array.isArray(value)) return value.map((v) => formatAny(ctx, v)).join('; ');
  if (isMoney(value)) return formatMoney(ctx.locale, value);
  if (isLink(value)) return formatLink(ctx, value);
  if (isPerson(value)) return shownName(ctx.t, value.name);
  return Object.entries(value)
    .filter(([, v]) => !isEmptyValue(v))
    .map(([k, v]) => `${humanize(k)}: ${formatAny(ctx, v)}`)
    .join(', ');
}

/** `estimatedMaturity` → "Estimated maturity": the last resort for a key no template labels. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The type of the field at a dotted path (`options.1.cost`): list indexes step into the item type. */
export function typeAt(fields: readonly FieldDef[], path: string): FieldType | undefined {
  let current: FieldType | undefined;
  let defs: readonly FieldDef[] | undefined = fields;
  for (const part of path.split('.')) {
    if (current?.type === 'list' && /^\d+$/.test(part)) {
      current = current.of;
    } else {
      const def: FieldDef | undefined = defs?.find((d) => d.key === part);
      if (!def) return undefined;
      current = def;
    }
    defs = current.type === 'record' ? current.fields : undefined;
  }
  return current;
}

/**
 * A field's label path in the template's labels (`Options › 2 › Cost`), list items counted
 * from 1: with a localized template, in the reader's language. `undefined` where the template
 * has no such field (it changed since), so the caller falls back to the server's English label.
 */
export function labelAt(fields: readonly FieldDef[], path: string): string | undefined {
  const labels: string[] = [];
  let current: FieldType | undefined;
  let defs: readonly FieldDef[] | undefined = fields;
  for (const part of path.split('.')) {
    if (current?.type === 'list' && /^\d+$/.test(part)) {
      current = current.of;
      labels.push(String(Number(part) + 1));
    } else {
      const def: FieldDef | undefined = defs?.find((d) => d.key === part);
      if (!def) return undefined;
      current = def;
      labels.push(def.label);
    }
    defs = current.type === 'record' ? current.fields : undefined;
  }
  return labels.join(' › ');
}

/** A value as text with its type when known: enum labels, and a record's parts by their labels. */
export function formatWithType(ctx: FormatContext, type: FieldType | undefined, value: FieldValue): string {
  if (type?.type === 'record' && isObject(value)) {
    const record = value as Record<string, FieldValue>;
    return type.fields
      .filter((f) => !isEmptyValue(record[f.key]))
      .map((f) => `${f.label}: ${formatWithType(ctx, f, record[f.key] as FieldValue)}`)
      .join(', ');
  }
  if (type?.type === 'list' && Array.isArray(value)) return value.map((v) => formatWithType(ctx, type.of, v)).join('; ');
  return type ? formatTyped(ctx, type, value) : formatAny(ctx, value);
}
