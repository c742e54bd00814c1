/**
 * The Markdown renderer's cost is linear in its input, shown structurally (no clocks): whatever
 * the input, the parser takes at most its step budget — a fixed allowance plus one step per
 * eight characters — nests no deeper than its limit, and writes output proportional to the
 * input; past the budget the rest stays literal text, so nothing is lost. `pnpm bench` measures
 * the same families in time against plain text.
 */
import type { CardTemplate, Comment, PracticeCard } from '@bridgekit/sdk';
import { LIMITS } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_LIMITS } from '../src/cards/template-definition.ts';
import { FIELD_LIMITS } from '../src/cards/validate.ts';
import { BLOCK_STEPS, MARKDOWN_MAX_LENGTH, MAX_BLOCK_DEPTH, stepBudget } from '../src/markdown/parser.ts';
import { markdownCost, renderMarkdown } from '../src/markdown/render.ts';
import { ADVERSARIAL_MARKDOWN, plainParagraph } from './fixtures/adversarial-markdown.ts';
import { WELL_FORMED_MARKDOWN } from './fixtures/hostile-markdown.ts';
import { admin, call, DEMO, json, token } from './helpers.ts';

const SIZES = [1_000, 10_000, MARKDOWN_MAX_LENGTH];

describe('the cost of rendering Markdown', () => {
  it('is one limit for fields, comments and the renderer', () => {
    expect(TEMPLATE_LIMITS.richtextMaxLength).toBe(MARKDOWN_MAX_LENGTH);
    expect(FIELD_LIMITS.richtext).toBeLessThanOrEqual(MARKDOWN_MAX_LENGTH);
    expect(LIMITS.commentBody.max).toBeLessThanOrEqual(MARKDOWN_MAX_LENGTH);
    expect(() => renderMarkdown('x'.repeat(MARKDOWN_MAX_LENGTH + 1))).toThrow(RangeError);
    expect(renderMarkdown('x'.repeat(MARKDOWN_MAX_LENGTH)).text).toHaveLength(MARKDOWN_MAX_LENGTH);
  });

  it('has a step budget linear in the length', () => {
    for (const n of [0, 1, 1_000, 10_000, MARKDOWN_MAX_LENGTH]) expect(stepBudget(n)).toBe(1_000 + Math.ceil(n / 8));
  });

  for (const [family, build] of Object.entries(ADVERSARIAL_MARKDOWN)) {
    it(`stays within its budget, depth and output size: ${family}`, () => {
      for (const n of SIZES) {
        const source = build(n);
        expect(source).toHaveLength(n);
        const cost = markdownCost(source);
        expect(cost.budget).toBe(stepBudget(n));
        // The step that finds the budget spent is the last one taken; a block step is the largest.
        expect(cost.steps, `${family} at ${n}`).toBeLessThanOrEqual(cost.budget + BLOCK_STEPS);
        expect(cost.depth, `${family} at ${n}`).toBeLessThanOrEqual(MAX_BLOCK_DEPTH);
        const rendered = renderMarkdown(source);
        // Escaping at most quadruples a character (`&amp;`), a delimiter run becomes its tags
        // (`**` a `<strong>` and a `</strong>`), and any other element costs a step.
        expect(rendered.html.length, `${family} at ${n}`).toBeLessThanOrEqual(5 * n + 40 * cost.steps);
        if (cost.exhausted) {
          // What was not parsed stays as text: the last line of the source is still there.
          const lastLine = source.trimEnd().split('\n').at(-1)?.trim() ?? '';
          expect(rendered.text.replace(/\s+/g, ' '), `${family} at ${n}`).toContain(lastLine.slice(-20).replace(/\s+/g, ' ').trim());
        }
      }
    });
  }

  it('spends few steps on plain text, and none of the budget runs out on real writing', () => {
    for (const n of SIZES) {
      const cost = markdownCost(plainParagraph(n));
      expect(cost.exhausted).toBe(false);
      expect(cost.steps).toBeLessThan(n / 40);
    }
    for (const entry of WELL_FORMED_MARKDOWN) expect(markdownCost(entry.source).exhausted, entry.name).toBe(false);
    // A long practice write-up: headings, lists, links, emphasis and code in every paragraph.
    const section = (i: number) =>
      `## Step ${i}: agree the value case\n\nAsk **the sponsor** what *success* means and write it down in [the plan](https://intranet.example/plan/${i}).\n\n- Owner: @mei.chen\n- Due: Q${(i % 4) + 1}\n- Cost: \`${i * 1000} EUR\`\n\n> Lesson: agree the measure before the work starts.\n\n`;
    let writeUp = '';
    for (let i = 1; writeUp.length < 10_000; i++) writeUp += section(i);
    expect(markdownCost(writeUp.slice(0, 10_000)).exhausted).toBe(false);
  });

  it('keeps every hostile family cheap through the API: a 10,000-character comment and a 50,000-character card field', async () => {
    const author = await token({ sub: 'storm-author', name: 'Storm Author' });
    const storm = ADVERSARIAL_MARKDOWN['setext storm (=)'] as (n: number) => string;
    const posted = await call(`${DEMO}/threads/comments`, {
      method: 'POST',
      token: author,
      body: JSON.stringify({ key: 'storm', body: storm(LIMITS.commentBody.max) }),
    });
    expect(posted.status, await posted.clone().text()).toBe(201);
    expect((await json<Comment>(posted)).html).toContain('<h1>a</h1>');

    const template = {
      id: 'long-notes',
      name: 'Long notes',
      fields: [{ key: 'notes', label: 'Notes', type: 'richtext', required: true, maxLength: MARKDOWN_MAX_LENGTH }],
    };
    expect((await json<CardTemplate>(await admin(`${DEMO}/templates/long-notes`, 'PUT', template))).id).toBe('long-notes');
    // Half line breaks: 75 KB of JSON, which a card save takes (a comment's limit is 64 KB).
    const saved = await call(`${DEMO}/cards`, {
      method: 'POST',
      token: author,
      body: JSON.stringify({ templateId: 'long-notes', title: 'A field of headings', fields: { notes: storm(MARKDOWN_MAX_LENGTH) } }),
    });
    expect(saved.status, await saved.clone().text()).toBe(201);
    const card = await json<PracticeCard>(saved);
    expect(card.rendered.notes?.length).toBeGreaterThan(MARKDOWN_MAX_LENGTH / 2);
    const tooBig = await call(`${DEMO}/cards`, {
      method: 'POST',
      token: author,
      body: JSON.stringify({ templateId: 'long-notes', title: 'Too big', fields: { notes: 'x'.repeat(300 * 1024) } }),
    });
    expect(tooBig.status).toBe(413);
  });
});
