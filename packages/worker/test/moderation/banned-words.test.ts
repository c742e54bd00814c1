import { describe, expect, it } from 'vitest';
import { bannedWords } from '../../src/moderation/phases/banned-words.ts';
import { input, said } from './input.ts';

describe('banned-words phase', () => {
  it('lets a comment without listed words through', () => {
    expect(said(bannedWords(input({ text: 'A classic idea.', settings: { bannedWords: ['class', 'spam'] } })))).toBeNull();
    expect(said(bannedWords(input({ text: 'spam spam spam' })))).toBeNull();
  });

  it('rejects and tells the author which word to remove', () => {
    expect(said(bannedWords(input({ text: 'This is SPAM.', settings: { bannedWords: ['eggs', 'spam'] } })))).toEqual({
      action: 'reject',
      phase: 'banned-words',
      reason: 'Your comment contains "spam", which this community does not allow. Remove it and post again.',
    });
  });

  it('names the listed word when the comment disguises it', () => {
    const verdict = bannedWords(input({ text: 'what the f.u.c.k', settings: { bannedWords: ['fuck'] } }));
    expect(said(verdict)?.reason).toBe('Your comment contains "fuck", which this community does not allow. Remove it and post again.');
  });

  it('names a phrase', () => {
    const verdict = bannedWords(input({ text: 'Win free\u200b money!', settings: { bannedWords: ['Free money'] } }));
    expect(said(verdict)?.reason).toBe(
      'Your comment contains "Free money", which this community does not allow. Remove it and post again.',
    );
  });

  it('checks edits too', () => {
    expect(said(bannedWords(input({ kind: 'edit', text: 'spam', settings: { bannedWords: ['spam'] } })))?.action).toBe('reject');
  });

  it("names the item and the field of an idea or a card, and points the refusal's path at it", () => {
    const parts = [
      { path: 'body.title', label: 'the title', text: 'Faster invoices' },
      { path: 'body.fields.risks', label: 'Major risks › 1 › Risk', text: 'A bribe could be asked for' },
    ];
    expect(said(bannedWords(input({ item: 'card', parts, settings: { bannedWords: ['bribe'] } })))).toEqual({
      action: 'reject',
      phase: 'banned-words',
      reason: 'Your card contains "bribe" (in Major risks › 1 › Risk), which this community does not allow. Remove it and save again.',
      path: 'body.fields.risks',
    });
    const idea = bannedWords(input({ item: 'idea', parts: parts.slice(1, 2), settings: { bannedWords: ['bribe'] } }));
    expect(said(idea)?.reason).toMatch(/^Your idea contains "bribe" .*Remove it and submit again\.$/);
  });

  it('does not consult the suspect list', () => {
    expect(said(bannedWords(input({ text: 'crypto tips', settings: { suspectWords: ['crypto'] } })))).toBeNull();
  });
});
