import { describe, expect, it } from 'vitest';
import { findListedWord, foldText } from '../../src/moderation/words.ts';

describe('foldText', () => {
  it('folds compatibility forms, case, accents and invisible characters', () => {
    expect(foldText('Ｆück\u200Bing')).toBe('fucking');
    expect(foldText('𝐁𝐎𝐋𝐃 Ⓒircled')).toBe('bold circled');
    expect(foldText('Straße ΟΔΟΣ')).toBe('strasse οδοσ');
    expect(foldText('don’t')).toBe("don't");
  });
});

describe('findListedWord: whole words', () => {
  it('finds a listed word in any case', () => {
    expect(findListedWord('Class, dismissed.', ['class'])).toBe('class');
    expect(findListedWord('WORST CLASS EVER', ['class'])).toBe('class');
  });

  it('does not find a word inside a longer one', () => {
    expect(findListedWord('a classic subclass of classes', ['class'])).toBeNull();
    expect(findListedWord('Scunthorpe', ['cunt'])).toBeNull();
    expect(findListedWord('assessment of the bass', ['ass'])).toBeNull();
  });

  it('counts digits as part of a word', () => {
    expect(findListedWord('spam2 and 2spam', ['spam'])).toBeNull();
    expect(findListedWord('spam, 2 times', ['spam'])).toBe('spam');
  });

  it('finds a phrase across runs of spaces, hyphens and underscores', () => {
    expect(findListedWord('Get FREE   money!', ['free money'])).toBe('free money');
    expect(findListedWord('free-money here', ['free money'])).toBe('free money');
    expect(findListedWord('free\nmoney', ['free money'])).toBe('free money');
    expect(findListedWord('free_money', ['free money'])).toBe('free money');
  });

  it('does not find a phrase broken by punctuation or run together', () => {
    expect(findListedWord('It was free. Money came later.', ['free money'])).toBeNull();
    expect(findListedWord('freemoney', ['free money'])).toBeNull();
    expect(findListedWord('free moneybags', ['free money'])).toBeNull();
    expect(findListedWord('free and money', ['free money'])).toBeNull();
  });

  it('treats hyphens and underscores in a listed entry like spaces', () => {
    expect(findListedWord('send an e mail', ['e-mail'])).toBe('e-mail');
    expect(findListedWord('send an email', ['e-mail'])).toBeNull();
  });

  it('reports the entry as listed, trimmed', () => {
    expect(findListedWord('get free money', ['  Free Money '])).toBe('Free Money');
  });

  it('reports the first entry in the text, and the longer of two that start together', () => {
    expect(findListedWord('alpha then zeta', ['zeta', 'alpha'])).toBe('alpha');
    expect(findListedWord('free money maker', ['free', 'free money', 'free money maker'])).toBe('free money maker');
    expect(findListedWord('free money makers', ['free', 'free money maker', 'free money'])).toBe('free money');
    expect(findListedWord('free free money', ['free money'])).toBe('free money');
  });

  it('matches entries with punctuation as whole words', () => {
    expect(findListedWord('I write C++ daily', ['c++'])).toBe('c++');
    expect(findListedWord('I write abc++ daily', ['c++'])).toBeNull();
    expect(findListedWord('Don’t do that', ["don't"])).toBe("don't");
    expect(findListedWord('win $$$ now', ['$$$'])).toBe('$$$');
    expect(findListedWord('$$$ then spam', ['spam', '$$$'])).toBe('$$$');
  });

  it('finds nothing in an empty or blank list', () => {
    expect(findListedWord('anything', [])).toBeNull();
    expect(findListedWord('anything', ['  ', ''])).toBeNull();
    expect(findListedWord('', ['word'])).toBeNull();
  });
});

describe('findListedWord: evasions', () => {
  it('sees through fullwidth and styled letters', () => {
    expect(findListedWord('ｆｕｃｋ this', ['fuck'])).toBe('fuck');
    expect(findListedWord('𝐟𝐮𝐜𝐤 this', ['fuck'])).toBe('fuck');
  });

  it('ignores accents in the text and in the list', () => {
    expect(findListedWord('oh fück', ['fuck'])).toBe('fuck');
    expect(findListedWord('f\u0338\u0322u\u0337c\u0335k', ['fuck'])).toBe('fuck');
    expect(findListedWord('Meet at the CAFE', ['café'])).toBe('café');
  });

  it('ignores invisible characters inside a word', () => {
    for (const hidden of ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\u2063', '\ufeff', '\u00ad']) {
      expect(findListedWord(`fu${hidden}ck`, ['fuck']), `U+${hidden.codePointAt(0)?.toString(16)}`).toBe('fuck');
    }
  });

  it('finds words spelled out with one separator between every letter', () => {
    expect(findListedWord('what the f.u.c.k', ['fuck'])).toBe('fuck');
    expect(findListedWord('f u c k you', ['fuck'])).toBe('fuck');
    expect(findListedWord('F-U-C-K!', ['fuck'])).toBe('fuck');
    expect(findListedWord('f_u_c_k', ['fuck'])).toBe('fuck');
    expect(findListedWord('U.S.A. rocks', ['usa'])).toBe('usa');
    expect(findListedWord('f r e e money', ['free money'])).toBe('free money');
  });

  it('does not join ordinary words or parts of a spelled-out run', () => {
    expect(findListedWord('I saw an Al Pacino film', ['anal'])).toBeNull();
    expect(findListedWord('c l a s s', ['ass'])).toBeNull();
    expect(findListedWord('a.b.c.d', ['abc'])).toBeNull();
    expect(findListedWord('f.u c-k', ['fuck'])).toBeNull();
    expect(findListedWord('f..u..c..k', ['fuck'])).toBeNull();
    expect(findListedWord('version 2.0.2.4', ['2024'])).toBeNull();
  });
});

describe('findListedWord: large lists', () => {
  it('finds any of a thousand entries in a 10,000-character comment', () => {
    const words = Array.from({ length: 1000 }, (_, i) => (i % 10 ? `word${i}` : `some phrase ${i}`));
    const filler = 'lorem ipsum dolor sit amet '.repeat(370);
    expect(findListedWord(`${filler} word999`, words)).toBe('word999');
    expect(findListedWord(`${filler} some  phrase 990.`, words)).toBe('some phrase 990');
    expect(findListedWord(`${filler} some phrase 991`, words)).toBeNull();
  });
});
