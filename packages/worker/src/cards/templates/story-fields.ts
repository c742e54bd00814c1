/**
 * Where a war story's text goes when it is promoted to a card: per built-in template, the
 * richtext fields that receive it. A template not listed here (the other built-in ones, tenants'
 * own) receives the whole story in its first top-level richtext field.
 */
import type { CardTemplate } from '@bridgekit/sdk';

/** The fields a story fills: `lead` its opening paragraph, `body` the rest (the whole story when it has no `lead`). */
export interface StoryFields {
  lead?: string;
  body: string;
}

export const STORY_FIELDS: Readonly<Record<string, StoryFields>> = {
  practice: { lead: 'problem', body: 'approach' },
};

/**
 * The fields of `template` that receive a story, or null when it has no richtext field at its
 * top level to carry one.
 *
 * @example
 * storyFieldsOf(findBuiltInTemplate('practice')); // { lead: 'problem', body: 'approach' }
 */
export function storyFieldsOf(template: CardTemplate): StoryFields | null {
  const declared = STORY_FIELDS[template.id];
  if (declared) return declared;
  const first = template.fields.find((f) => f.type === 'richtext');
  return first ? { body: first.key } : null;
}
