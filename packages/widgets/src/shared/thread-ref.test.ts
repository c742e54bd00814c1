/** The names `bk-comment-count` batches references under: the Worker's own rules, from the SDK. */
import { describe, expect, it } from 'vitest';
import { countKeyOf } from './thread-ref.ts';

describe('countKeyOf', () => {
  it('names a key by itself, trimmed, and a URL by its canonical form', () => {
    expect(countKeyOf({ key: '  practice-card:42 ' })).toBe('practice-card:42');
    expect(countKeyOf({ url: 'https://Intranet.contoso.com:443/sites/brm/story.aspx/?web=1#comments' })).toBe(
      'https://intranet.contoso.com/sites/brm/story.aspx',
    );
  });

  it('refuses what the Worker refuses: blank keys, over-long ones, and any the one-line text rule refuses', () => {
    for (const key of ['   ', 'x'.repeat(257), 'a\u0000b', 'a\u0085b', 'a\u009Bb', 'two\nlines', 'a\tb', 'a\u202Eb', 'a\u2067b\u2069']) {
      expect(countKeyOf({ key }), JSON.stringify(key)).toBeNull();
    }
    expect(countKeyOf({ url: 'javascript:alert(1)' })).toBeNull();
    expect(countKeyOf({ url: `https://x.example/${'a'.repeat(2048)}` })).toBeNull();
  });
});
