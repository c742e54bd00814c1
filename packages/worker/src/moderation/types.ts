/**
 * The moderation pipeline's contract. Each phase is a small pure function in `phases/`: it
 * looks at one new or edited comment and either lets it through (`null`) or returns a verdict.
 * The pipeline (pipeline.ts) runs them in order; a `reject` anywhere wins over a `hold`.
 */
import type { ModerationSettings } from '@bridgekit/sdk';

export type PhaseName = 'banned-words' | 'repeat-post' | 'link-limit' | 'suspect-words' | 'pre-moderation';

export interface ModerationInput {
  kind: 'create' | 'edit';
  /** The Markdown source as submitted. */
  body: string;
  /** The rendered comment as plain text (no markup), for word matching. */
  text: string;
  /** Every link target in the rendered comment (explicit links and autolinked URLs). */
  links: readonly string[];
  /** fingerprintOf(text) of this comment. */
  fingerprint: string;
  author: {
    /** Published comments the author already has in the tenant. */
    publishedComments: number;
    /** Fingerprints of the author's other comments of the last `settings.repeatWindowMinutes`. */
    recentFingerprints: readonly string[];
  };
  settings: ModerationSettings;
}

/**
 * `reject`: the comment is refused and `reason` is shown to its author, so it must say what to
 * change. `hold`: the comment waits for a moderator and `reason` is shown in the queue.
 */
export interface Verdict {
  action: 'reject' | 'hold';
  phase: PhaseName;
  reason: string;
}

export type Phase = (input: ModerationInput) => Verdict | null;
