import type { ModerationSettings } from '@bridgekit/sdk';
import { describe, expect, it } from 'vitest';
import { bannedWords } from '../../src/moderation/phases/banned-words.ts';
import { linkLimit } from '../../src/moderation/phases/link-limit.ts';
import { preModeration } from '../../src/moderation/phases/pre-moderation.ts';
import { fingerprintOf, repeatPost } from '../../src/moderation/phases/repeat-post.ts';
import { suspectWords } from '../../src/moderation/phases/suspect-words.ts';
import { DEFAULT_MODERATION_SETTINGS, moderate, PHASES, withDefaults } from '../../src/moderation/pipeline.ts';
import type { Phase, PhaseName, Verdict } from '../../src/moderation/types.ts';
import { input, linksOf, said } from './input.ts';

const verdict =
  (action: Verdict['action'], phase: PhaseName): Phase =>
  () => ({ action, phase, reason: action === 'reject' ? 'comment_rejected.banned_word' : 'held.every_comment', params: { word: phase } });
const pass: Phase = () => null;

describe('moderate', () => {
  it('runs the phases in order: banned words, repeat post, link limit, suspect words, pre-moderation', () => {
    expect(PHASES).toEqual([bannedWords, repeatPost, linkLimit, suspectWords, preModeration]);
  });

  it('publishes a clean comment under the default settings', () => {
    expect(said(moderate(input()))).toBeNull();
    expect(said(moderate(input(), []))).toBeNull();
    expect(said(moderate(input(), [pass, pass]))).toBeNull();
  });

  it('lets a reject win over an earlier hold', () => {
    expect(moderate(input(), [verdict('hold', 'link-limit'), pass, verdict('reject', 'repeat-post')])).toEqual({
      action: 'reject',
      phase: 'repeat-post',
      reason: 'comment_rejected.banned_word',
      params: { word: 'repeat-post' },
    });
  });

  it('keeps the first reject and the first hold', () => {
    const phases = [verdict('hold', 'suspect-words'), verdict('reject', 'banned-words'), verdict('reject', 'repeat-post')];
    expect(said(moderate(input(), phases))?.phase).toBe('banned-words');
    expect(said(moderate(input(), [pass, verdict('hold', 'link-limit'), verdict('hold', 'pre-moderation')]))?.phase).toBe('link-limit');
  });

  it('with every phase triggered, refuses for the banned word', () => {
    const text = 'spam and crypto';
    const everything = input({
      text,
      links: linksOf(5),
      recentFingerprints: [fingerprintOf(text)],
      published: 0,
      settings: { bannedWords: ['spam'], suspectWords: ['crypto'], maxLinks: 1, preModeration: 'all' },
    });
    expect(said(moderate(everything))).toEqual({
      action: 'reject',
      phase: 'banned-words',
      reason: 'Your comment contains "spam", which this community does not allow. Remove it and post again.',
    });
  });

  it('refuses a repeat even when the comment would also be held', () => {
    const text = 'crypto tips';
    const repeat = input({ text, recentFingerprints: [fingerprintOf(text)], settings: { suspectWords: ['crypto'], preModeration: 'all' } });
    expect(said(moderate(repeat))?.phase).toBe('repeat-post');
  });

  it('reports the earliest hold: link limit, then suspect words, then pre-moderation', () => {
    const settings: Partial<ModerationSettings> = { suspectWords: ['crypto'], maxLinks: 1, preModeration: 'all' };
    expect(said(moderate(input({ text: 'crypto', links: linksOf(2), settings })))).toEqual({
      action: 'hold',
      phase: 'link-limit',
      reason: '2 links (the limit is 1)',
    });
    expect(said(moderate(input({ text: 'crypto', links: linksOf(1), settings })))?.phase).toBe('suspect-words');
    expect(said(moderate(input({ text: 'bitcoin', links: linksOf(1), settings })))?.phase).toBe('pre-moderation');
  });
});

describe('moderation settings', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_MODERATION_SETTINGS).toEqual({
      preModeration: 'off',
      newUserComments: 2,
      bannedWords: [],
      suspectWords: [],
      maxLinks: 3,
      repeatWindowMinutes: 10,
      flagThreshold: 3,
      maxDepth: 4,
    });
  });

  it('fills in missing settings', () => {
    expect(withDefaults(null)).toEqual(DEFAULT_MODERATION_SETTINGS);
    expect(withDefaults(undefined)).toEqual(DEFAULT_MODERATION_SETTINGS);
    expect(withDefaults({ maxLinks: 0, bannedWords: ['spam'], preModeration: 'all' })).toEqual({
      ...DEFAULT_MODERATION_SETTINGS,
      maxLinks: 0,
      bannedWords: ['spam'],
      preModeration: 'all',
    });
  });

  it('treats undefined and null values as missing and drops unknown fields', () => {
    const stored = { maxLinks: undefined, flagThreshold: null, surprise: true } as unknown as Partial<ModerationSettings>;
    expect(withDefaults(stored)).toEqual(DEFAULT_MODERATION_SETTINGS);
  });

  it('keeps zeros', () => {
    const settings = withDefaults({ maxLinks: 0, repeatWindowMinutes: 0, flagThreshold: 0 });
    expect([settings.maxLinks, settings.repeatWindowMinutes, settings.flagThreshold]).toEqual([0, 0, 0]);
  });

  it('never shares word lists with the defaults', () => {
    const settings = withDefaults({});
    settings.bannedWords.push('oops');
    settings.suspectWords.push('oops');
    expect(DEFAULT_MODERATION_SETTINGS.bannedWords).toEqual([]);
    expect(DEFAULT_MODERATION_SETTINGS.suspectWords).toEqual([]);
  });
});
