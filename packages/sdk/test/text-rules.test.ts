/** The text rules and the page-URL canonical form: pure functions the Worker and the widgets share. */
import { describe, expect, it } from 'vitest';
import { normalizePageUrl } from '../src/page-url.ts';
import { bareHandle, cleanLine, cleanText, handleKey, isBlank, isCleanText, textPattern, textReason } from '../src/text-rules.ts';

describe('handles as people type them', () => {
  it('lose the space around them and one leading @; matching ignores case', () => {
    expect(bareHandle('  @Amara.Okafor ')).toBe('Amara.Okafor');
    expect(bareHandle('amara.okafor')).toBe('amara.okafor');
    expect(bareHandle('@@twice')).toBe('@twice');
    expect(handleKey(' @Amara.Okafor')).toBe('amara.okafor');
    expect(handleKey('')).toBe('');
  });
});

describe('the text rules', () => {
  it('refuse C0 and C1 controls (U+0085 and U+009B too) and DEL in every kind of text', () => {
    for (const kind of ['line', 'text'] as const) {
      for (const c of ['\u0000', '\u001B', '\u007F', '\u0080', '\u0085', '\u009B', '\u009F']) {
        expect(textReason(`a${c}b`, kind), JSON.stringify(c)).toBe('field.control_characters');
        expect(new RegExp(textPattern(kind, false), 'u').test(`a${c}b`), JSON.stringify(c)).toBe(false);
      }
      expect(isCleanText('Ünïcödé — ok 👍🏽 עברית', kind)).toBe(true);
    }
    expect(textReason('two\nlines', 'line')).toBe('field.line_break');
    expect(textReason('two\nlines\tand tabs', 'text')).toBeNull();
  });

  it('call white space alone blank, as the patterns of required text do', () => {
    for (const value of ['', ' ', '\t\n', '\u00A0\u2003', '\uFEFF']) {
      expect(isBlank(value), JSON.stringify(value)).toBe(true);
      expect(new RegExp(textPattern('text', true), 'u').test(value), JSON.stringify(value)).toBe(false);
    }
    expect(isBlank(' a ')).toBe(false);
  });

  it('clean text and lines rather than refuse them', () => {
    expect(cleanText('a\u0000b\u202Ec\uD800\n\td')).toBe('abc\uFFFD\n\td');
    expect(cleanLine(' Q3\tplan\u2067\u0085review \n')).toBe('Q3 plan  review');
    expect(isCleanText(cleanLine('a\u0000\u009B\u2028b\uDC00'), 'line')).toBe(true);
  });
});

describe('the canonical form of a page URL', () => {
  it('keeps scheme, host and path; drops port 443, credentials, query, fragment and trailing slashes', () => {
    expect(normalizePageUrl(' https://me:pw@Intranet.Contoso.com:443/sites/brm/story.aspx/?web=1#comments ')).toBe(
      'https://intranet.contoso.com/sites/brm/story.aspx',
    );
    expect(normalizePageUrl('http://intranet.contoso.com:8080/')).toBe('http://intranet.contoso.com:8080');
    expect(normalizePageUrl('https://intranet.contoso.com')).toBe('https://intranet.contoso.com');
  });

  it('is null for what is not an absolute http(s) URL', () => {
    for (const input of ['/sites/brm', 'mailto:a@b.c', 'javascript:alert(1)', 'ftp://x.y/z', 'not a url', '']) {
      expect(normalizePageUrl(input), input).toBeNull();
    }
  });
});
