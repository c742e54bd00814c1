/** The word comparison of the card history: what it marks, and its bound on long texts. */
import { describe, expect, it } from 'vitest';
import { changedWords, type DiffCues, diffHtml, diffText, MAX_CELLS } from './word-diff.ts';

const CUES: DiffCues = { deletedStart: '[-', deletedEnd: '-]', insertedStart: '[+', insertedEnd: '+]' };
const words = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('word diff', () => {
  it('marks only the words that differ, with one cue pair per run', () => {
    const { before, after } = diffText('saves about EUR 180,000 a year', 'saves EUR 190,000 each year', CUES);
    expect(before.textContent).toBe('saves [- about -] EUR [- 180,000 a -] year');
    expect(after.textContent).toBe('saves EUR [+ 190,000 each +] year');
    expect([...before.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['[- about -]', '[- 180,000 a -]']);
  });

  it('keeps the rendered structure, and counts a change of formatting as a change', () => {
    const { before, after } = diffHtml('<p>costs <strong>EUR 250,000</strong></p>', '<p>costs EUR <em>250,000</em></p>', CUES);
    expect(before.querySelector('p > strong > del')?.textContent).toBe('[- EUR 250,000 -]');
    expect(after.querySelectorAll('p > ins, p > em > ins')).toHaveLength(2);
    // One run across two text nodes: opened once, closed once.
    expect(after.textContent).toBe('costs [+ EUR 250,000 +]');
  });

  it('compares only what lies between the common beginning and end', () => {
    const a = [...words(20_000, 'same'), 'old', ...words(20_000, 'tail')];
    const b = [...words(20_000, 'same'), 'new', ...words(20_000, 'tail')];
    const [deleted, inserted] = changedWords(a, b);
    expect(deleted.filter(Boolean)).toHaveLength(1);
    expect(inserted.indexOf(true)).toBe(20_000);
  });

  it('marks two long unrelated texts as replaced whole, past MAX_CELLS pairs', () => {
    const size = Math.ceil(Math.sqrt(MAX_CELLS)) + 1;
    const a = words(size, 'a');
    const b = [...words(size - 1, 'b'), 'a0'];
    const [deleted, inserted] = changedWords(a, b);
    // Within the bound "a0" would be kept; beyond it nothing is compared word by word.
    expect(deleted.every(Boolean)).toBe(true);
    expect(inserted.every(Boolean)).toBe(true);
    expect(changedWords(a.slice(0, 10), b.slice(-10))[0].filter(Boolean)).toHaveLength(9);
  });
});
