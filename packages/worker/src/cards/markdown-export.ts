/**
 * A card as a Markdown document, for export: the title, summary and a list of facts, then one
 * section per filled-in field in the template's order, then what the server calculated.
 * Markdown values are inserted as written; every other text is escaped so it reads as text
 * (a `|` cannot break a table, a leading `#` cannot become a heading).
 */
import type { CardTemplate, FieldDef, FieldType, FieldValue, MaturityLevel, MoneyValue, PracticeArea } from '@bridgekit/sdk';
import { DERIVED_LABELS } from './derive.ts';
import { isFieldRecord, ownValue } from './values.ts';
import { MATURITY_LABELS, PRACTICE_AREA_LABELS } from './vocabulary.ts';

export interface MarkdownCard {
  title: string;
  summary: string;
  templateName: string;
  tags: readonly PracticeArea[];
  maturityLevel: MaturityLevel | null;
  owner: { name: string } | null;
  reviewBy: string | null;
  version: number;
  updatedAt: string;
  fields: Record<string, FieldValue>;
  derived: Record<string, FieldValue>;
}

export function cardToMarkdown(card: MarkdownCard, template: CardTemplate): string {
  const derived = new DerivedValues(card.derived);
  const blocks: string[] = [`# ${escapeLine(card.title)}`];
  if (card.summary.trim() !== '') blocks.push(escapeText(card.summary));
  blocks.push(facts(card).join('\n'));
  for (const def of template.fields) {
    const value = ownValue(card.fields, def.key);
    if (value === undefined) continue;
    blocks.push(`## ${escapeLine(def.label)}`, block(def, value, def.key, derived).join('\n'));
  }
  const rest = derived.remaining();
  if (rest.length > 0) {
    blocks.push(
      '## Calculated',
      rest.map(([path, value]) => `- **${escapeLine(derivedLabel(path))}:** ${inline(undefined, value)}`).join('\n'),
    );
  }
  return `${blocks.join('\n\n')}\n`;
}

function facts(card: MarkdownCard): string[] {
  const lines = [`- **Template:** ${escapeLine(card.templateName)}`];
  if (card.tags.length > 0)
    lines.push(`- **Practice areas:** ${card.tags.map((tag) => escapeLine(PRACTICE_AREA_LABELS[tag] ?? tag)).join(', ')}`);
  if (card.maturityLevel !== null) {
    lines.push(`- **Helps toward maturity level:** ${card.maturityLevel} · ${MATURITY_LABELS[card.maturityLevel]}`);
  }
  if (card.owner) lines.push(`- **Owner:** ${escapeLine(card.owner.name)}`);
  if (card.reviewBy) lines.push(`- **Review by:** ${card.reviewBy}`);
  lines.push(`- **Version:** ${card.version}, updated ${escapeLine(card.updatedAt)}`);
  return lines;
}

/** The body of a field's section, as lines. */
function block(type: FieldType, value: FieldValue, path: string, derived: DerivedValues, indent = ''): string[] {
  if (type.type === 'richtext' && typeof value === 'string') return indentLines(value.trimEnd(), indent);
  if (type.type === 'text' && typeof value === 'string') return indentLines(escapeText(value), indent);
  if (type.type === 'record' && isFieldRecord(value)) return recordLines(type.fields, value, path, derived, indent);
  if (type.type === 'list' && Array.isArray(value)) {
    const of = type.of;
    if (of.type === 'record' && indent === '' && of.fields.every(isScalar)) return table(of.fields, value, path, derived);
    return value.flatMap((item, index) => {
      const itemPath = `${path}.${index}`;
      if (of.type === 'record' && isFieldRecord(item)) {
        return [`${indent}- **${index + 1}**`, ...recordLines(of.fields, item, itemPath, derived, `${indent}  `)];
      }
      if (isScalar(of)) return [`${indent}- ${inline(of, item)}`];
      return [`${indent}- **${index + 1}**`, ...block(of, item, itemPath, derived, `${indent}  `)];
    });
  }
  return [`${indent}${inline(type, value)}`];
}

/** A group's fields as a list of "**Label:** value", with the values derived for it. */
function recordLines(
  defs: readonly FieldDef[],
  record: Record<string, FieldValue>,
  path: string,
  derived: DerivedValues,
  indent: string,
): string[] {
  const lines: string[] = [];
  for (const def of defs) {
    const value = ownValue(record, def.key);
    if (value === undefined) continue;
    const label = `${indent}- **${escapeLine(def.label)}:**`;
    if (isScalar(def) && !(typeof value === 'string' && value.includes('\n'))) {
      lines.push(`${label} ${inline(def, value)}`);
    } else {
      lines.push(label, '', ...block(def, value, `${path}.${def.key}`, derived, `${indent}  `), '');
    }
  }
  for (const [key, value] of derived.take(path, defs))
    lines.push(`${indent}- **${escapeLine(derivedLabel(key))}:** ${inline(undefined, value)}`);
  return lines;
}

function table(defs: readonly FieldDef[], rows: readonly FieldValue[], path: string, derived: DerivedValues): string[] {
  const extraKeys = derived.columns(path, defs);
  const header = [...defs.map((def) => escapeCell(def.label)), ...extraKeys.map((key) => escapeCell(derivedLabel(key)))];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  rows.forEach((row, index) => {
    const record = isFieldRecord(row) ? row : {};
    const rowPath = `${path}.${index}`;
    const extras = new Map(derived.take(rowPath, defs));
    const cells = [
      ...defs.map((def) => {
        const value = ownValue(record, def.key);
        return value === undefined ? '' : cell(def, value);
      }),
      ...extraKeys.map((key) => {
        const value = extras.get(key);
        return value === undefined ? '' : cell(undefined, value);
      }),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  });
  return lines;
}

/** Types shown on one line: everything but Markdown, lists and groups. */
const isScalar = (type: FieldType) => type.type !== 'richtext' && type.type !== 'list' && type.type !== 'record';

/** A value on one line of running text (a list item, a fact). */
function inline(type: FieldType | undefined, value: FieldValue): string {
  if (type?.type === 'enum' && typeof value === 'string') return escapeLine(type.options.find((o) => o.value === value)?.label ?? value);
  if (typeof value === 'string') return escapeText(value).replace(/\n/g, ' ');
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((item) => inline(type?.type === 'list' ? type.of : undefined, item)).join(', ');
  if (!isFieldRecord(value)) return '';
  if (isMoney(value)) return formatMoney(value);
  if (typeof value.kind === 'string' && typeof value.id === 'string') return escapeLine(`${value.kind}:${value.id}`);
  if (typeof value.name === 'string') return escapeLine(value.name);
  return Object.entries(value)
    .map(([key, item]) => `${escapeLine(key)}: ${inline(undefined, item)}`)
    .join('; ');
}

/** A table cell: one line, pipes escaped, line breaks as `<br>`. */
function cell(type: FieldType | undefined, value: FieldValue): string {
  if (typeof value === 'string' && type?.type !== 'enum') return escapeCell(value);
  return inline(type, value);
}

const isMoney = (value: FieldValue): value is MoneyValue =>
  isFieldRecord(value) && typeof value.amount === 'number' && typeof value.currency === 'string' && Object.keys(value).length === 2;

/** `EUR 250,000.00`. */
export function formatMoney({ amount, currency }: MoneyValue): string {
  const [whole = '0', cents = '00'] = amount.toFixed(2).split('.');
  return `${currency} ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/**
 * Escapes what Markdown would read as syntax, so the text shows as written. Line breaks stay
 * (as hard breaks; a blank line still separates paragraphs); indentation does not, since four
 * spaces would start a code block.
 */
export function escapeText(text: string): string {
  return text
    .trim()
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .trimStart()
        .replace(/[\\`*_[\]<>|~]/g, '\\$&')
        .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
        .replace(/^([#>+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\\\n')
    .replace(/(\\\n){2,}/g, '\n\n');
}

/** Escaped text on a single line (headings, labels, list items). */
const escapeLine = (text: string) => escapeText(text.replace(/\s*[\r\n]+\s*/g, ' '));

const escapeCell = (text: string) =>
  text
    .split(/\r\n?|\n/)
    .map((line) => escapeLine(line))
    .join('<br>');

function indentLines(text: string, indent: string): string[] {
  return text.split('\n').map((line) => (line === '' ? '' : `${indent}${line}`));
}

const derivedLabel = (path: string) => {
  const key = path.split('.').at(-1) ?? path;
  return DERIVED_LABELS[key] ?? key;
};

/** The derived values, handed out once each: in the table or group they belong to, the rest at the end. */
class DerivedValues {
  private readonly left: Map<string, FieldValue>;

  constructor(derived: Record<string, FieldValue>) {
    this.left = new Map(Object.entries(derived));
  }

  /** Derived values of the row or group at `path` (`stakeholders.0.approach`), by their key. */
  take(path: string, defs: readonly FieldDef[]): [string, FieldValue][] {
    const taken: [string, FieldValue][] = [];
    for (const [key, value] of this.left) {
      const sub = this.childKey(path, key, defs);
      if (sub === undefined) continue;
      taken.push([sub, value]);
      this.left.delete(key);
    }
    return taken;
  }

  /** The derived keys of any row of the list at `path`, as extra table columns. */
  columns(path: string, defs: readonly FieldDef[]): string[] {
    const keys = new Set<string>();
    for (const key of this.left.keys()) {
      const match = key.startsWith(`${path}.`) ? /^(\d+)\.([A-Za-z][A-Za-z0-9]*)$/.exec(key.slice(path.length + 1)) : null;
      if (match?.[2] && !defs.some((def) => def.key === match[2])) keys.add(match[2]);
    }
    return [...keys];
  }

  remaining(): [string, FieldValue][] {
    return [...this.left];
  }

  private childKey(path: string, key: string, defs: readonly FieldDef[]): string | undefined {
    if (!key.startsWith(`${path}.`)) return undefined;
    const sub = key.slice(path.length + 1);
    return /^[A-Za-z][A-Za-z0-9]*$/.test(sub) && !defs.some((def) => def.key === sub) ? sub : undefined;
  }
}
