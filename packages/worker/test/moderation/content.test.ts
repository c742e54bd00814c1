import type { CardTemplate } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { findBuiltInTemplate } from '../../src/cards/templates/index.ts';
import type { ApiError } from '../../src/errors.ts';
import { MARKDOWN_MAX_LENGTH, renderMarkdown } from '../../src/markdown/render.ts';
import { cardText, commentText, ideaText, screen } from '../../src/moderation/content.ts';
import { withDefaults } from '../../src/moderation/pipeline.ts';
import { said } from './input.ts';

const settings = withDefaults({ bannedWords: ['bribe'], suspectWords: ['crypto'], maxLinks: 3 });
const author = { published: 10, recentFingerprints: [] };

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('Expected a refusal');
}

describe('what the pipeline reads of each item', () => {
  it('an idea: its title, description and business case, with every link of the plain text counted', () => {
    const description = Array.from({ length: 20 }, (_, i) => `see https://spam${i}.example`).join(' ');
    const text = ideaText({ title: 'Cheap watches', description, businessCase: { problem: 'Mail me at a@b.example' } });
    expect(text.parts.map((p) => p.path)).toEqual(['body.title', 'body.description', 'body.businessCase.problem']);
    expect(text.links).toHaveLength(21);
    expect(said(screen({ item: 'idea', kind: 'create', text, author, settings, role: 'member' }))).toEqual({
      action: 'hold',
      phase: 'link-limit',
      reason: '21 links (the limit is 3)',
    });
  });

  it('a card: title, summary, text and Markdown fields as readers see them, lists and free-typed names included', () => {
    const template = findBuiltInTemplate('business-case');
    if (!template) throw new Error('no template');
    const fields = {
      executiveSummary: 'Pay **cry**pto? [no](https://x.example/bribe)',
      reasons: 'Reports arrive too late.',
      options: [{ kind: 'do-nothing', description: 'Keep the monthly pack.' }],
      sponsor: { name: 'Helena Fischer' },
    };
    const rendered = new Map([['executiveSummary', renderMarkdown(fields.executiveSummary)]]);
    const text = cardText(template, { title: 'Self-service reporting', summary: 'Dashboards', fields }, rendered);
    expect(text.parts.map((p) => [p.path, p.label, p.text])).toEqual([
      ['body.title', 'the title', 'Self-service reporting'],
      ['body.summary', 'the summary', 'Dashboards'],
      ['body.fields.executiveSummary', 'Executive summary', 'Pay crypto? no'],
      ['body.fields.reasons', 'Reasons', 'Reports arrive too late.'],
      ['body.fields.options.0.description', 'Options › 1 › Description', 'Keep the monthly pack.'],
      ['body.fields.sponsor.name', 'Sponsor', 'Helena Fischer'],
    ]);
    // A word in a link's target is not text anyone reads; the link counts.
    expect(text.links).toEqual(['https://x.example/bribe']);
    expect(said(screen({ item: 'card', kind: 'create', text, author, settings, role: null }))?.reason).toBe(
      'Contains the suspect word "crypto" (in Executive summary)',
    );
  });

  it("finds the links of a card's plain text however much of it there is, within the renderer's length limit", () => {
    const template: CardTemplate = {
      id: 'notes',
      name: 'Notes',
      description: '',
      builtIn: false,
      version: 1,
      fields: [{ key: 'notes', label: 'Notes', type: 'list', of: { type: 'text', multiline: true } }],
    };
    const note = (i: number) => `${'word '.repeat(1_800)}see https://n${i}.example`;
    const fields = { notes: Array.from({ length: 12 }, (_, i) => note(i)) };
    expect(JSON.stringify(fields).length).toBeGreaterThan(MARKDOWN_MAX_LENGTH);
    const text = cardText(template, { title: 'Many notes', fields }, new Map());
    expect(text.links).toEqual(Array.from({ length: 12 }, (_, i) => `https://n${i}.example`));
    expect(text.parts.at(-1)).toMatchObject({ path: 'body.fields.notes.11', label: 'Notes › 12' });
  });

  it('refuses with 422 <kind>_rejected, pointing at the field', () => {
    const text = ideaText({ title: 'A small bribe', description: '', businessCase: {} });
    const error = refusal(() => screen({ item: 'idea', kind: 'create', text, author, settings, role: 'evaluator' }));
    const params = { word: 'bribe', field: 'the title' };
    expect([error.status, error.code, error.reason, error.params, error.details]).toEqual([
      422,
      'idea_rejected',
      'idea_rejected.banned_word_in',
      params,
      [
        {
          path: 'body.title',
          message: 'Your idea contains "bribe" (in the title), which this community does not allow. Remove it and submit again.',
          reason: 'idea_rejected.banned_word_in',
          params,
        },
      ],
    ]);
    const comment = refusal(() =>
      screen({ item: 'comment', kind: 'create', text: commentText(renderMarkdown('a bribe')), author, settings, role: null }),
    );
    expect([comment.code, comment.details]).toEqual(['comment_rejected', undefined]);
  });

  it('trusts moderators and admins: their items skip the pipeline', () => {
    const text = ideaText({ title: 'A small bribe', description: '', businessCase: {} });
    expect(screen({ item: 'idea', kind: 'create', text, author, settings, role: 'moderator' })).toBeNull();
    expect(screen({ item: 'idea', kind: 'create', text, author, settings, role: 'admin' })).toBeNull();
  });
});
