/**
 * The words of a card's fields for the full-text index: text and Markdown as written, the labels
 * of chosen options and the names of people, nested lists and groups included, in template order.
 * Dates, numbers, amounts and links are left out: nobody finds a card by them in a search box.
 * The template's name comes first.
 */
import type { CardTemplate, FieldDef, FieldType, FieldValue } from '@bridgekit/sdk';
import { isFieldRecord, ownValue } from './values.ts';

export function searchableText(template: CardTemplate, fields: Record<string, FieldValue>): string {
  // The template's name first, so "stakeholder map" finds every stakeholder map.
  const words: string[] = [template.name];
  collectRecord(template.fields, fields, words);
  return words.join(' ').replace(/\s+/g, ' ').trim();
}

function collectRecord(defs: readonly FieldDef[], record: Record<string, FieldValue>, words: string[]): void {
  for (const def of defs) {
    const value = ownValue(record, def.key);
    if (value !== undefined) collect(def, value, words);
  }
}

function collect(type: FieldType, value: FieldValue, words: string[]): void {
  switch (type.type) {
    case 'text':
    case 'richtext':
      if (typeof value === 'string') words.push(value);
      return;
    case 'enum':
      words.push(type.options.find((option) => option.value === value)?.label ?? String(value));
      return;
    case 'person':
      if (isFieldRecord(value) && typeof value.name === 'string') words.push(value.name);
      return;
    case 'list':
      if (Array.isArray(value)) for (const item of value) collect(type.of, item, words);
      return;
    case 'record':
      if (isFieldRecord(value)) collectRecord(type.fields, value, words);
      return;
    case 'date':
    case 'number':
    case 'money':
    case 'link':
      return;
  }
}
