/** Builds moderation inputs for the phase tests: a clean comment by an established author under the default settings. */
import type { ModeratedKind, ModerationSettings } from '@bridgekit/sdk';
import { formatReason } from '@bridgekit/sdk/reasons';
import { fingerprintOf } from '../../src/moderation/phases/repeat-post.ts';
import { withDefaults } from '../../src/moderation/pipeline.ts';
import type { ModerationInput, TextPart, Verdict } from '../../src/moderation/types.ts';

export interface InputOptions {
  item?: ModeratedKind;
  kind?: ModerationInput['kind'];
  text?: string;
  /** Several labelled parts instead of one `text` (an idea's or a card's fields). */
  parts?: TextPart[];
  links?: readonly string[];
  /** Defaults to fingerprintOf(text). */
  fingerprint?: string;
  published?: number;
  recentFingerprints?: readonly string[];
  settings?: Partial<ModerationSettings>;
}

export function input(options: InputOptions = {}): ModerationInput {
  const text = options.text ?? 'Thanks, this is a useful idea.';
  return {
    item: options.item ?? 'comment',
    kind: options.kind ?? 'create',
    parts: options.parts ?? [{ path: null, label: null, text }],
    links: options.links ?? [],
    fingerprint: options.fingerprint ?? fingerprintOf(text),
    author: {
      published: options.published ?? 25,
      recentFingerprints: options.recentFingerprints ?? [],
    },
    settings: withDefaults(options.settings),
  };
}

/** `n` distinct link targets. */
export const linksOf = (n: number) => Array.from({ length: n }, (_, i) => `https://example.com/${i}`);

/** A verdict with its reason as the English text people read (params folded in), for comparing with what it says. */
export function said(verdict: Verdict | null | undefined) {
  if (!verdict) return verdict;
  const { params, ...rest } = verdict;
  return { ...rest, reason: formatReason(verdict.reason, params) };
}
