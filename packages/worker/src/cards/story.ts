/**
 * A war story as the content of a new card: the title, a summary (the story's first sentence)
 * and the story's Markdown in the fields the template receives it in (templates/story-fields.ts).
 * Pure: the store checks who may promote what and saves the card as any new card is saved.
 */
import type { CardTemplate } from '@bridgekit/sdk';
import { ApiError, fieldIssue } from '../errors.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { CARD_SUMMARY_MAX, CARD_TITLE } from '../schemas/cards.ts';
import { cleanLine } from '../schemas/text.ts';
import { storyFieldsOf } from './templates/story-fields.ts';

export interface Story {
  /** The thread's title, for a thread promoted whole; null for a comment (its first line is the title). */
  title: string | null;
  /** The story's Markdown: the thread's first comment, or the comment promoted. */
  body: string;
}

/** What a promotion saves besides the template: a card's title, summary and fields. */
export interface StoryCard {
  title: string;
  summary: string;
  fields: Record<string, string>;
}

/** When neither the title nor the first line gives a title of the minimum length. */
const FALLBACK_TITLE = 'A practice from a war story';

/**
 * The card a story becomes on `template`; a 400 when the template needs fields a story cannot
 * fill (any required top-level field it does not receive the story in).
 *
 * @example
 * cardFromStory(practice, { title: 'War stories: deflecting demand', body: 'Finance asked…\n\nWe ran…' });
 * // { title: 'War stories: deflecting demand', summary: 'Finance asked…', fields: { problem: 'Finance asked…', approach: 'We ran…' } }
 */
export function cardFromStory(template: CardTemplate, story: Story): StoryCard {
  const target = storyFieldsOf(template);
  const receiving = new Set([target?.lead, target?.body]);
  const unfilled = template.fields.filter((f) => f.required && !receiving.has(f.key));
  if (!target || unfilled.length > 0) {
    const needs = unfilled.length > 0 ? unfilled.map((f) => f.label).join(', ') : 'a richtext field';
    throw new ApiError(
      400,
      'validation_failed.story_template',
      { template: template.name, fields: needs },
      { details: [fieldIssue('body.template', 'field.invalid')] },
    );
  }
  const body = story.body.trim();
  const paragraphs = body.split(/\n[ \t]*\n/).filter((p) => p.trim() !== '');
  const summary = firstSentence(plainText(body));
  const fields: Record<string, string> = {};
  if (target.lead && paragraphs.length > 1) {
    fields[target.lead] = (paragraphs[0] as string).trim();
    fields[target.body] = paragraphs.slice(1).join('\n\n').trim();
  } else {
    if (target.lead) fields[target.lead] = summary;
    fields[target.body] = body;
  }
  return { title: titleOf(story), summary: cut(summary, CARD_SUMMARY_MAX), fields };
}

function titleOf(story: Story): string {
  const given = cleanLine(story.title ?? '');
  if (given.length >= CARD_TITLE.min) return cut(given, CARD_TITLE.max);
  const firstLine = story.body.split('\n').find((l) => l.trim() !== '') ?? '';
  const line = cleanLine(plainText(firstLine));
  // A long first line is a paragraph: its first sentence makes the better title, when it fits.
  const sentence = firstSentence(line);
  const title = line.length <= CARD_TITLE.max ? line : sentence.length <= CARD_TITLE.max ? sentence : cut(line, CARD_TITLE.max);
  return title.length >= CARD_TITLE.min ? title : FALLBACK_TITLE;
}

/** The text a reader sees, without Markdown. */
const plainText = (markdown: string) => renderMarkdown(markdown).text.trim();

function firstSentence(text: string): string {
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)) {
    if (segment.trim() !== '') return segment.trim();
  }
  return text;
}

/** At most `max` characters, cut between graphemes (never through an emoji) and, where one is near, at a space, with "…". */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) {
    if (kept.length + segment.length > max - 1) break;
    kept += segment;
  }
  const space = kept.lastIndexOf(' ');
  return `${(space > max / 2 ? kept.slice(0, space) : kept).trimEnd()}…`;
}
