/**
 * The Worker's markdown-it has no HTML renderer nor the rules its parser leaves off
 * (scripts/markdown-it-trim.ts; the Worker's tests run the same module as its bundle): what
 * the parser uses works (markdown.test.ts), and a left-out part, enabled later, fails loudly.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';

const LEFT_OUT = /not in the Worker \(scripts\/markdown-it-trim\.ts\)/;
/** As src/markdown/parser.ts configures it. */
const parser = () => new MarkdownIt('commonmark', { html: false }).disable(['image', 'html_block', 'html_inline']);

describe("the Worker's markdown-it", () => {
  it('parses CommonMark with the rules the parser keeps', () => {
    const tokens = parser().parse('# Title\n\n*a* [b](https://x.org) `c`\n', {});
    expect(tokens.map((t) => t.type)).toEqual(['heading_open', 'inline', 'heading_close', 'paragraph_open', 'inline', 'paragraph_close']);
  });

  it('throws, rather than quietly doing nothing, when a left-out part is used', () => {
    expect(() => parser().render('a')).toThrow(LEFT_OUT);
    expect(() => parser().enable('table').parse('| a |\n| - |\n| b |\n', {})).toThrow(LEFT_OUT);
    expect(() => parser().enable('strikethrough').parse('~~a~~', {})).toThrow(LEFT_OUT);
    expect(() => parser().enable('html_block').parse('<div>\n', {})).toThrow(LEFT_OUT);
    expect(() => parser().enable('image').parse('![a](b.png)', {})).toThrow(LEFT_OUT);
    expect(() => parser().enable('replacements').parse('a -- b', {})).toThrow(LEFT_OUT);
  });
});
