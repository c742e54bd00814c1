/**
 * The moderation pipeline's contract. Each phase is a small pure function in `phases/`: it
 * looks at one new or edited piece of user text — a comment, an idea or a practice card — and
 * either lets it through (`null`) or returns a verdict. The pipeline (pipeline.ts) runs them in
 * order; a `reject` anywhere wins over a `hold`. How each kind of item becomes an input is in
 * content.ts.
 */
import type { ModeratedKind, ModerationSettings, Reason, ReasonParams } from '@bridgekit/sdk';

export type PhaseName = 'banned-words' | 'repeat-post' | 'link-limit' | 'suspect-words' | 'pre-moderation';

/** One piece of text readers see: a comment's body, an idea's title, a card's field… */
export interface TextPart {
  /** Where it was sent, as in error details (`body.title`, `body.fields.risks`); null for a comment's only text. */
  path: string | null;
  /** What the author calls it ("the title", "Executive summary"), named in a refusal; null for a comment. */
  label: string | null;
  /** As readers see it, without markup (a Markdown field's rendered plain text). */
  text: string;
}

export interface ModerationInput {
  /** What is written, named in the reasons ("Your idea contains …"). */
  item: ModeratedKind;
  kind: 'create' | 'edit';
  /** Every piece of text readers will see. */
  parts: readonly TextPart[];
  /** Every link target in those texts (explicit links, bare URLs, `www.` and e-mail addresses). */
  links: readonly string[];
  /** fingerprintOf the whole text; `''` when the repeat check does not apply. */
  fingerprint: string;
  author: {
    /** What the author already has published in the tenant: comments, ideas and cards. */
    published: number;
    /** Fingerprints of the author's other items of this kind of the last `settings.repeatWindowMinutes`. */
    recentFingerprints: readonly string[];
  };
  settings: ModerationSettings;
}

/**
 * `reject`: the item is refused and `reason` is shown to its author, so it must say what to
 * change (`path` points at the part, when it is one of several): a `<kind>_rejected.*` reason.
 * `hold`: the item waits for a moderator and `reason` is shown in the queue and to its author:
 * a `held.*` reason. Either is a reason of the registry (the SDK's `REASONS`) with its params, so
 * that every reader sees it in their language.
 */
export interface Verdict {
  action: 'reject' | 'hold';
  phase: PhaseName;
  reason: Reason;
  params: ReasonParams;
  path?: string;
}

export type Phase = (input: ModerationInput) => Verdict | null;
