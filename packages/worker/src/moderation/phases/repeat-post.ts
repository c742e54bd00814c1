/** Refuses the same text posted again by one person within the repeat window. */
import type { Phase } from '../types.ts';
import { foldText } from '../words.ts';

const PUNCTUATION_AND_SPACE = /[\p{P}\p{Z}\s]+/gu;
const FNV_PRIME_LOW = 0x1b3;
const utf8 = new TextEncoder();

/**
 * A stable hash (64-bit FNV-1a over UTF-8, 16 hex digits) of the text folded for comparison:
 * `foldText` (compatibility forms, case, accents, invisible characters), then punctuation and
 * whitespace collapsed to single spaces and trimmed — so "Buy now!!" and "buy   NOW" collide.
 * Text with nothing left after folding (no words, symbols or emoji) has no fingerprint: `''`.
 *
 * @example
 * fingerprintOf('Great idea!'); // same as fingerprintOf('great   idea')
 * fingerprintOf(' … '); // ''
 */
export function fingerprintOf(text: string): string {
  const folded = foldText(text).replace(PUNCTUATION_AND_SPACE, ' ').trim();
  if (folded === '') return '';
  // The 64-bit state in four 16-bit limbs; the prime is 2^40 + 0x1b3.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of utf8.encode(folded)) {
    h0 ^= byte;
    const t0 = h0 * FNV_PRIME_LOW;
    const t1 = h1 * FNV_PRIME_LOW + (t0 >>> 16);
    const t2 = h2 * FNV_PRIME_LOW + h0 * 0x100 + (t1 >>> 16);
    const t3 = h3 * FNV_PRIME_LOW + h1 * 0x100 + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

/**
 * Rejects when the item's fingerprint is among the author's recent ones (of the same kind) and
 * the window (`settings.repeatWindowMinutes`) is on. Items without a fingerprint are never repeats.
 *
 * @example
 * repeatPost(input); // { action: 'reject', phase: 'repeat-post', reason: 'comment_rejected.repeat', params: { count: 10 } }
 */
export const repeatPost: Phase = ({ item, fingerprint, author, settings }) => {
  const span = settings.repeatWindowMinutes;
  if (span <= 0 || fingerprint === '' || !author.recentFingerprints.includes(fingerprint)) return null;
  return { action: 'reject', phase: 'repeat-post', reason: `${item}_rejected.repeat`, params: { count: span } };
};
