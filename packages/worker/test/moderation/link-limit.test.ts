import { describe, expect, it } from 'vitest';
import { linkLimit } from '../../src/moderation/phases/link-limit.ts';
import { input, linksOf, said } from './input.ts';

describe('link-limit phase', () => {
  it('lets up to the limit through', () => {
    expect(said(linkLimit(input({ links: linksOf(2), settings: { maxLinks: 2 } })))).toBeNull();
    expect(said(linkLimit(input({ links: [], settings: { maxLinks: 0 } })))).toBeNull();
  });

  it('holds beyond the limit, saying how many and the limit', () => {
    expect(said(linkLimit(input({ links: linksOf(3), settings: { maxLinks: 2 } })))).toEqual({
      action: 'hold',
      phase: 'link-limit',
      reason: '3 links (the limit is 2)',
    });
  });

  it('holds any link when none are allowed', () => {
    expect(said(linkLimit(input({ links: linksOf(1), settings: { maxLinks: 0 } })))?.reason).toBe('1 link (the limit is 0)');
  });

  it('counts every link target as given', () => {
    const same = 'https://example.com/';
    expect(said(linkLimit(input({ links: [same, same], settings: { maxLinks: 1 } })))?.reason).toBe('2 links (the limit is 1)');
  });
});
