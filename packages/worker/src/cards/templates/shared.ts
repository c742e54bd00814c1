/** Pieces several built-in templates share. */
import type { CardTemplate, FieldDef, FieldType } from '@bridgekit/sdk';

/** A score from 1 (poor) to 5 (excellent). */
export const SCORE: Extract<FieldType, { type: 'number' }> = { type: 'number', min: 1, max: 5, integer: true };

export const LOW_TO_HIGH = [
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
];

/** Where a person stands toward the relationship or an initiative. */
export const STANCE_OPTIONS = [
  { value: 'champion', label: 'Champion' },
  { value: 'supporter', label: 'Supporter' },
  { value: 'neutral', label: 'Neutral' },
  { value: 'skeptic', label: 'Skeptic' },
  { value: 'blocker', label: 'Blocker' },
];

/** Progress of an initiative or a piece of work. */
export const PROGRESS_OPTIONS = [
  { value: 'planned', label: 'Planned' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'on-hold', label: 'On hold' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
];

/** The German labels of the shared choices, by value. */
export const LOW_TO_HIGH_DE = { low: 'Niedrig', medium: 'Mittel', high: 'Hoch' };
export const STANCE_DE = {
  champion: 'Fürsprecher',
  supporter: 'Unterstützer',
  neutral: 'Neutral',
  skeptic: 'Skeptiker',
  blocker: 'Blockierer',
};
export const MATURITY_DE = {
  1: '1 · Ad hoc',
  2: '2 · Auftragsempfänger',
  3: '3 · Dienstleister',
  4: '4 · Vertrauter Berater',
  5: '5 · Strategischer Partner',
};
export const PROGRESS_DE = {
  planned: 'Geplant',
  'in-progress': 'In Arbeit',
  'on-hold': 'Pausiert',
  done: 'Erledigt',
  dropped: 'Verworfen',
};

/** A list of short texts, one per line in forms; `itemLabel` names one ("Step" of "Steps"). */
export const textList = (key: string, label: string, help: string, itemLabel: string): FieldDef => ({
  key,
  label,
  help,
  type: 'list',
  of: { type: 'text' },
  itemLabel,
});

/** A list of records with the given sub-fields; `itemLabel` names one ("Option" of "Options"). */
export function recordList(
  key: string,
  label: string,
  help: string,
  fields: FieldDef[],
  options: { itemLabel: string; required?: boolean; maxItems?: number },
): FieldDef {
  const def: Extract<FieldDef, { type: 'list' }> = {
    key,
    label,
    help,
    type: 'list',
    of: { type: 'record', fields },
    itemLabel: options.itemLabel,
  };
  if (options.required) {
    def.required = true;
    def.minItems = 1;
  }
  if (options.maxItems !== undefined) def.maxItems = options.maxItems;
  return def;
}

/** A built-in template's texts in one language (see `translated`). */
export interface TemplateTexts {
  name: string;
  description: string;
  /** Each field's label, help and (of a list) item label, by path: keys joined with dots, into groups and lists of groups (`options.kind`). */
  fields: Record<string, { label: string; help?: string; itemLabel?: string }>;
  /** Each choice's label, by value (a value means the same throughout one template). */
  options: Record<string, string>;
}

/**
 * The template with its texts in other languages put in as `translations` — of the template,
 * of every field and of every choice — so that the widgets show them in the reader's language
 * (test/cards/templates.test.ts checks that nothing is left out). Shared option lists are copied,
 * not changed.
 *
 * @example
 * export const stakeholderMap = translated({ id: 'stakeholder-map', … }, { de: { name: 'Stakeholder-Landkarte', … } });
 */
export function translated(template: CardTemplate, languages: { de: TemplateTexts }): CardTemplate {
  const { de } = languages;
  const type = (t: FieldType, path: string): FieldType => {
    switch (t.type) {
      case 'enum':
        return {
          ...t,
          options: t.options.map((o) =>
            de.options[o.value] ? { ...o, translations: { de: { label: de.options[o.value] as string } } } : o,
          ),
        };
      case 'list':
        return { ...t, of: type(t.of, path) };
      case 'record':
        return { ...t, fields: fields(t.fields, path) };
      default:
        return t;
    }
  };
  const fields = (defs: readonly FieldDef[], prefix: string): FieldDef[] =>
    defs.map((def) => {
      const path = prefix ? `${prefix}.${def.key}` : def.key;
      const texts = de.fields[path];
      return { ...(type(def, path) as FieldDef), ...(texts ? { translations: { de: texts } } : {}) };
    });
  return {
    ...template,
    translations: { de: { name: de.name, description: de.description } },
    fields: fields(template.fields, ''),
  };
}
