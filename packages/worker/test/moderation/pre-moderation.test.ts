import { describe, expect, it } from 'vitest';
import { preModeration } from '../../src/moderation/phases/pre-moderation.ts';
import { input } from './input.ts';

describe('pre-moderation phase', () => {
  it('off: lets everyone through, newcomers included', () => {
    expect(preModeration(input({ publishedComments: 0, settings: { preModeration: 'off' } }))).toBeNull();
  });

  it('all: holds every new and edited comment, however established the author', () => {
    const held = { action: 'hold', phase: 'pre-moderation', reason: 'Pre-moderation: every comment is reviewed' };
    expect(preModeration(input({ publishedComments: 500, settings: { preModeration: 'all' } }))).toEqual(held);
    expect(preModeration(input({ kind: 'edit', publishedComments: 500, settings: { preModeration: 'all' } }))).toEqual(held);
  });

  it('new_users: holds while the author has fewer published comments than the setting', () => {
    const settings = { preModeration: 'new_users', newUserComments: 3 } as const;
    const held = { action: 'hold', phase: 'pre-moderation', reason: "Pre-moderation: the author's first 3 comments are reviewed" };
    expect(preModeration(input({ publishedComments: 0, settings }))).toEqual(held);
    expect(preModeration(input({ publishedComments: 2, settings }))).toEqual(held);
    expect(preModeration(input({ kind: 'edit', publishedComments: 2, settings }))).toEqual(held);
    expect(preModeration(input({ publishedComments: 3, settings }))).toBeNull();
  });

  it('new_users: says "first comment" when only one is reviewed', () => {
    const verdict = preModeration(input({ publishedComments: 0, settings: { preModeration: 'new_users', newUserComments: 1 } }));
    expect(verdict?.reason).toBe("Pre-moderation: the author's first comment is reviewed");
  });
});
