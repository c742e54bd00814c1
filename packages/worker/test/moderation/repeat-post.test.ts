import { describe, expect, it } from 'vitest';
import { fingerprintOf, repeatPost } from '../../src/moderation/phases/repeat-post.ts';
import { input, said } from './input.ts';

describe('fingerprintOf', () => {
  it('is 64-bit FNV-1a of the folded text, as 16 hex digits', () => {
    expect(fingerprintOf('a')).toBe('af63dc4c8601ec8c');
    expect(fingerprintOf('foobar')).toBe('85944171f73967e8');
    expect(fingerprintOf('Great idea!')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is the same for trivially altered copies', () => {
    const original = fingerprintOf('Great idea, count me in!');
    for (const copy of [
      'great idea count me in',
      'GREAT   IDEA... count me in!!!',
      '  Great idea,\ncount me in. ',
      'Ｇｒｅａｔ idea, count me in!',
      'Gréat idéa, count me in!',
      'Great\u200b idea, co\u00adunt me in!',
    ]) {
      expect(fingerprintOf(copy), copy).toBe(original);
    }
  });

  it('differs when the words differ', () => {
    const original = fingerprintOf('Great idea, count me in!');
    expect(fingerprintOf('Great idea, count me out!')).not.toBe(original);
    expect(fingerprintOf('count me in, great idea!')).not.toBe(original);
    expect(fingerprintOf('Greatidea, count me in!')).not.toBe(original);
    expect(fingerprintOf('👍')).not.toBe(fingerprintOf('👎'));
  });

  it('is empty for text with nothing but punctuation and space', () => {
    expect(fingerprintOf('')).toBe('');
    expect(fingerprintOf(' … !? \u200b')).toBe('');
  });
});

describe('repeat-post phase', () => {
  const text = 'Great idea, count me in!';
  const recent = [fingerprintOf('something else'), fingerprintOf(text)];

  it('rejects the same text again within the window, saying how long to wait', () => {
    expect(said(repeatPost(input({ text: 'great idea count me in', recentFingerprints: recent })))).toEqual({
      action: 'reject',
      phase: 'repeat-post',
      reason: 'You posted the same text a moment ago. Change what you write, or wait 10 minutes before posting it again.',
    });
  });

  it('says "1 minute" for a one-minute window', () => {
    const verdict = repeatPost(input({ text, recentFingerprints: recent, settings: { repeatWindowMinutes: 1 } }));
    expect(said(verdict)?.reason).toBe(
      'You posted the same text a moment ago. Change what you write, or wait 1 minute before posting it again.',
    );
  });

  it('speaks of submitting for ideas', () => {
    const verdict = repeatPost(input({ item: 'idea', text, recentFingerprints: recent }));
    expect(said(verdict)?.reason).toBe(
      'You submitted the same text a moment ago. Change what you write, or wait 10 minutes before submitting it again.',
    );
  });

  it('lets new text through', () => {
    expect(said(repeatPost(input({ text: 'A different thought', recentFingerprints: recent })))).toBeNull();
    expect(said(repeatPost(input({ text })))).toBeNull();
  });

  it('is off with a window of 0 minutes', () => {
    expect(said(repeatPost(input({ text, recentFingerprints: recent, settings: { repeatWindowMinutes: 0 } })))).toBeNull();
  });

  it('never treats comments without a fingerprint as repeats', () => {
    expect(said(repeatPost(input({ text: '…', recentFingerprints: [''] })))).toBeNull();
  });
});
