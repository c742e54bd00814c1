/** Builds moderation inputs for the phase tests: a clean comment by an established author under the default settings. */
import type { ModerationSettings } from '@bridgekit/sdk';
import { fingerprintOf } from '../../src/moderation/phases/repeat-post.ts';
import { withDefaults } from '../../src/moderation/pipeline.ts';
import type { ModerationInput } from '../../src/moderation/types.ts';

export interface InputOptions {
  kind?: ModerationInput['kind'];
  text?: string;
  links?: readonly string[];
  /** Defaults to fingerprintOf(text). */
  fingerprint?: string;
  publishedComments?: number;
  recentFingerprints?: readonly string[];
  settings?: Partial<ModerationSettings>;
}

export function input(options: InputOptions = {}): ModerationInput {
  const text = options.text ?? 'Thanks, this is a useful idea.';
  return {
    kind: options.kind ?? 'create',
    body: text,
    text,
    links: options.links ?? [],
    fingerprint: options.fingerprint ?? fingerprintOf(text),
    author: {
      publishedComments: options.publishedComments ?? 25,
      recentFingerprints: options.recentFingerprints ?? [],
    },
    settings: withDefaults(options.settings),
  };
}

/** `n` distinct link targets. */
export const linksOf = (n: number) => Array.from({ length: n }, (_, i) => `https://example.com/${i}`);
