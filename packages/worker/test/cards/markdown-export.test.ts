import type { CardTemplate, FieldValue } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { deriveValues } from '../../src/cards/derive.ts';
import { cardToMarkdown, escapeText, formatMoney, type MarkdownCard } from '../../src/cards/markdown-export.ts';
import { EXAMPLE_CARDS } from '../../src/cards/templates/examples.ts';
import { BUILT_IN_TEMPLATES } from '../../src/cards/templates/index.ts';

const exampleCard = (template: CardTemplate): MarkdownCard => {
  const example = EXAMPLE_CARDS[template.id];
  if (!example) throw new Error(template.id);
  return {
    ...example,
    templateName: template.name,
    owner: { name: 'Mei Chen' },
    reviewBy: '2027-05-31',
    version: 3,
    updatedAt: '2026-11-20T10:00:00.000Z',
    derived: deriveValues(template, example.fields),
  };
};

/** The cells of a table row, split on pipes that are not escaped. */
const cells = (row: string) => row.slice(1, -1).split(/(?<!\\)\|/);

/** Every table in the document: consecutive lines starting with `|`. */
function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  return found;
}

describe('cardToMarkdown on the example cards', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('%s is a well-formed document', (_id, template) => {
    const card = exampleCard(template);
    const markdown = cardToMarkdown(card, template);
    const lines = markdown.split('\n');
    expect(lines[0]).toBe(`# ${card.title}`);
    expect(lines.filter((line) => line.startsWith('# '))).toHaveLength(1);
    expect(markdown).toContain(`- **Template:** ${template.name}`);
    expect(markdown).toContain('- **Owner:** Mei Chen');
    expect(markdown).toContain('- **Version:** 3, updated 2026-11-20T10:00:00.000Z');
    for (const def of template.fields) {
      if (card.fields[def.key] !== undefined) expect(lines).toContain(`## ${def.label}`);
    }
    for (const table of tables(markdown)) {
      const width = cells(table[0] ?? '').length;
      expect(table[1]).toBe(`| ${Array.from({ length: width }, () => '---').join(' | ')} |`);
      for (const row of table) expect(cells(row)).toHaveLength(width);
    }
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown).not.toMatch(/\n{3,}/);
  });

  it('shows a business case with a table of options, amounts, labels and Markdown as written', () => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === 'business-case') as CardTemplate;
    const markdown = cardToMarkdown(exampleCard(template), template);
    expect(markdown).toContain('| Kind | Description | Cost | Benefits | Risks |');
    expect(markdown).toContain('| Do something | Switch on the ERP matching module and clean supplier master data. | EUR 250,000.00 |');
    expect(markdown).toContain(
      '## Executive summary\n\nThree clerks spend most of each week matching invoices by hand. Automating three-way matching costs **EUR 250,000**',
    );
    expect(markdown).toContain('## Reasons\n\n- Late-payment fees rose 40 % last year\n- Suppliers');
    expect(markdown).toContain('## Timescale\n\n- **Start:** 2027-01-11\n- **End:** 2027-06-30');
    expect(markdown).toContain('- **Project cost:** EUR 250,000.00');
    expect(markdown).toContain('## Sponsor\n\nHelena Fischer');
    expect(markdown).toContain('## Strategic alignment\n\n- card:demo-card-business-partner-profile\n- idea:demo-idea-invoice');
    expect(markdown).toContain('## Decision\n\nApproved');
    expect(markdown).toContain('- **Practice areas:** Demand shaping, Value management and realization, Power skills');
    expect(markdown).toContain('- **Helps toward maturity level:** 3 · Service provider');
  });

  it('adds derived columns to tables and a section of calculated values', () => {
    const map = BUILT_IN_TEMPLATES.find((t) => t.id === 'stakeholder-map') as CardTemplate;
    const mapMarkdown = cardToMarkdown(exampleCard(map), map);
    expect(mapMarkdown).toContain(
      '| Name | Role | Organisational unit | Power | Interest | Stance | Relationship owner | Last interaction | Notes | Approach |',
    );
    expect(mapMarkdown).toMatch(
      /\| Helena Fischer \| Chief financial officer \| Finance \| 5 \| 5 \| Supporter \| Amara Okafor \| {2}\| {2}\| Manage closely \|/,
    );
    const health = BUILT_IN_TEMPLATES.find((t) => t.id === 'relationship-health-assessment') as CardTemplate;
    const healthMarkdown = cardToMarkdown(exampleCard(health), health);
    expect(healthMarkdown).toContain(
      '| Aspect | Business partner score | Business partner comment | IT score | IT comment | Gap (partner − IT) |',
    );
    expect(healthMarkdown).toContain('| Responsiveness | 2 | Small requests wait weeks. | 4 |  | -2 |');
    expect(healthMarkdown).toContain('## Calculated\n\n- **Average score of the business partner:** 2.86\n- **Average score of IT:** 3.57');
    expect(healthMarkdown).toContain('- **Estimated maturity:** Service provider');
  });
});

describe('cardToMarkdown escaping', () => {
  const template: CardTemplate = {
    id: 'escapes',
    name: 'Escapes',
    description: '',
    builtIn: false,
    version: 1,
    fields: [
      { key: 'note', label: 'Note', type: 'text', multiline: true },
      { key: 'body', label: 'Body', type: 'richtext' },
      {
        key: 'rows',
        label: 'Rows',
        type: 'list',
        of: {
          type: 'record',
          fields: [
            { key: 'a', label: 'A | B', type: 'text', multiline: true },
            { key: 'b', label: 'Link', type: 'link', to: ['card'] },
          ],
        },
      },
      {
        key: 'sections',
        label: 'Sections',
        type: 'list',
        of: {
          type: 'record',
          fields: [
            { key: 'title', label: 'Title', type: 'text' },
            { key: 'text', label: 'Text', type: 'richtext' },
          ],
        },
      },
    ],
  };
  const card = (fields: Record<string, FieldValue>, title = 'Plain'): MarkdownCard => ({
    title,
    summary: '',
    templateName: 'Escapes',
    tags: [],
    maturityLevel: null,
    owner: null,
    reviewBy: null,
    version: 1,
    updatedAt: '2026-11-28T00:00:00.000Z',
    fields,
    derived: {},
  });

  it('escapes a leading # in the title and in text, so neither becomes a heading', () => {
    const markdown = cardToMarkdown(card({ note: '# not a heading\n> not a quote\n1. not a list\n- nor this' }, '# Title'), template);
    expect(markdown.startsWith('# \\# Title\n')).toBe(true);
    expect(markdown).toContain('## Note\n\n\\# not a heading\\\n\\> not a quote\\\n1\\. not a list\\\n\\- nor this');
    expect(markdown.split('\n').filter((line) => /^#{1,6} /.test(line))).toEqual(['# \\# Title', '## Note']);
  });

  it('escapes pipes and line breaks in table cells, and emphasis, links and HTML in text', () => {
    const markdown = cardToMarkdown(card({ rows: [{ a: 'x | y\nz *w* [l](u) <b>', b: { kind: 'card', id: 'a_b' } }] }), template);
    const [header, , row] = tables(markdown)[0] ?? [];
    expect(header).toBe('| A \\| B | Link |');
    expect(row).toBe('| x \\| y<br>z \\*w\\* \\[l\\](u) \\<b\\> | card:a\\_b |');
    expect(cells(row ?? '')).toHaveLength(2);
  });

  it('inserts Markdown values as written, indented inside a list', () => {
    const markdown = cardToMarkdown(
      card({ body: '## Own heading\n\n*emphasis*', sections: [{ title: 'One', text: '- a\n- b' }] }),
      template,
    );
    expect(markdown).toContain('## Body\n\n## Own heading\n\n*emphasis*');
    expect(markdown).toContain('## Sections\n\n- **1**\n  - **Title:** One\n  - **Text:**\n\n    - a\n    - b');
  });

  it('formats money with thousands separators and two decimals', () => {
    expect(formatMoney({ amount: 250000, currency: 'EUR' })).toBe('EUR 250,000.00');
    expect(formatMoney({ amount: 1234567.5, currency: 'USD' })).toBe('USD 1,234,567.50');
    expect(formatMoney({ amount: 0, currency: 'GBP' })).toBe('GBP 0.00');
  });

  it('keeps paragraphs apart and entities literal', () => {
    expect(escapeText('a\n\nb &amp; c & d')).toBe('a\n\nb \\&amp; c & d');
  });
});
