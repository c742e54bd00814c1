import { describe, expect, it } from 'vitest';
import { hiddenByFlags } from '../../src/moderation/flags.ts';
import { DEFAULT_MODERATION_SETTINGS } from '../../src/moderation/pipeline.ts';

describe('hiddenByFlags', () => {
  it('hides once the flags reach the threshold', () => {
    expect(hiddenByFlags(2, { flagThreshold: 3 })).toBe(false);
    expect(hiddenByFlags(3, { flagThreshold: 3 })).toBe(true);
    expect(hiddenByFlags(4, { flagThreshold: 3 })).toBe(true);
  });

  it('never hides with a threshold of 0', () => {
    expect(hiddenByFlags(0, { flagThreshold: 0 })).toBe(false);
    expect(hiddenByFlags(1000, { flagThreshold: 0 })).toBe(false);
  });

  it('does not hide an unflagged comment with a threshold of 1', () => {
    expect(hiddenByFlags(0, { flagThreshold: 1 })).toBe(false);
    expect(hiddenByFlags(1, { flagThreshold: 1 })).toBe(true);
  });

  it('takes full settings', () => {
    expect(hiddenByFlags(3, DEFAULT_MODERATION_SETTINGS)).toBe(true);
  });
});
