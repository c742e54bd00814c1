import { describe, expect, it } from 'vitest';
import { preModeration } from '../../src/moderation/phases/pre-moderation.ts';
import { input, said } from './input.ts';

describe('pre-moderation phase', () => {
  it('off: lets everyone through, newcomers included', () => {
    expect(said(preModeration(input({ published: 0, settings: { preModeration: 'off' } })))).toBeNull();
  });

  it('all: holds every new and edited comment, however established the author', () => {
    const held = { action: 'hold', phase: 'pre-moderation', reason: 'Pre-moderation: every comment is reviewed' };
    expect(said(preModeration(input({ published: 500, settings: { preModeration: 'all' } })))).toEqual(held);
    expect(said(preModeration(input({ kind: 'edit', published: 500, settings: { preModeration: 'all' } })))).toEqual(held);
  });

  it('all: names what is reviewed — an idea, a new card, a card edit', () => {
    const all = { preModeration: 'all' } as const;
    expect(said(preModeration(input({ item: 'idea', settings: all })))?.reason).toBe('Pre-moderation: every idea is reviewed');
    expect(said(preModeration(input({ item: 'card', settings: all })))?.reason).toBe('Pre-moderation: every card is reviewed');
    expect(said(preModeration(input({ item: 'card', kind: 'edit', settings: all })))?.reason).toBe(
      'Pre-moderation: every card edit is reviewed',
    );
  });

  it('new_users: holds while the author has fewer published contributions than the setting', () => {
    const settings = { preModeration: 'new_users', newUserComments: 3 } as const;
    const held = { action: 'hold', phase: 'pre-moderation', reason: "Pre-moderation: the author's first 3 contributions are reviewed" };
    expect(said(preModeration(input({ published: 0, settings })))).toEqual(held);
    expect(said(preModeration(input({ published: 2, settings })))).toEqual(held);
    expect(said(preModeration(input({ kind: 'edit', published: 2, settings })))).toEqual(held);
    expect(said(preModeration(input({ published: 3, settings })))).toBeNull();
  });

  it('new_users: counts whatever the author published, for ideas and cards too', () => {
    const settings = { preModeration: 'new_users', newUserComments: 2 } as const;
    expect(said(preModeration(input({ item: 'idea', published: 1, settings })))?.action).toBe('hold');
    expect(said(preModeration(input({ item: 'card', published: 2, settings })))).toBeNull();
  });

  it('new_users: says "first contribution" when only one is reviewed', () => {
    const verdict = preModeration(input({ published: 0, settings: { preModeration: 'new_users', newUserComments: 1 } }));
    expect(said(verdict)?.reason).toBe("Pre-moderation: the author's first contribution is reviewed");
  });
});
