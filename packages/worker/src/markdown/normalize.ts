/**
 * Source text cleaning before Markdown parsing: what is stored as a comment's or field's source
 * and what the parser reads are the same clean text. Which characters go is the text rules'
 * decision (schemas/text.ts); Markdown sources have them removed rather than refused.
 */
import { cleanText } from '../schemas/text.ts';

/**
 * Line endings to `\n`; what the text rules refuse removed (C0/C1 controls other than tab and
 * line feed, bidirectional overrides) and lone surrogates replaced by U+FFFD; NFC. Nothing else
 * changes, so leading and trailing whitespace survives.
 *
 * @example
 * normalizeSource('a\r\nb\u0000c'); // 'a\nbc'
 */
export function normalizeSource(source: string): string {
  return cleanText(source.replace(/\r\n?/g, '\n')).normalize('NFC');
}
