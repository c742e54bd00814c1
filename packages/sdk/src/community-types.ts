/**
 * The types of the community loop: an idea's own view, one search across ideas, comments and
 * cards, related content, and a war story promoted to a practice card.
 */
import type { Freshness, PracticeArea } from './card-types.ts';
import type { Translations } from './translations.ts';
import type { Idea, IdeaStatus, Role, StatusCategory, StatusChange } from './types.ts';
import type { UnitRef } from './unit-types.ts';

/** Enough of an item of another kind to name it and open its view. */
export interface ItemRef {
  id: string;
  title: string;
}

/** Where a war story lives: the thread (with its page) and the comment chosen, if one was. */
export interface StorySource {
  thread: { id: string; key: string; title: string | null; url: string | null };
  /** The comment promoted, or `null` when the whole thread was. */
  comment: string | null;
}

/** The evaluators' averages per criterion: for those who may score ideas. */
export interface EvaluationSummary {
  evaluators: number;
  criteria: { key: string; label: string; translations?: Translations<'label'>; average: number | null }[];
}

/** Everything an idea's own page shows, in one answer. */
export interface IdeaView {
  idea: Idea;
  board: { slug: string; name: string; translations?: Translations<'name' | 'description'> };
  /** Every status change, oldest first, each with its reason and the card that answered. */
  history: StatusChange[];
  /** The practice card that answered the request (a deflection, or what delivered it). */
  answeredBy: ItemRef | null;
  /** The card it was proposed from. */
  sourceCard: ItemRef | null;
  /** The idea it was merged into, as a duplicate; and the duplicates merged into it. */
  mergedInto: ItemRef | null;
  duplicates: ItemRef[];
  /**
   * Supporters per demand-side business unit, most first; people without a unit under `unit: null`.
   * Supporters of supply-side units (IT) are counted apart, in `providerSupporters`.
   */
  supportByUnit: { unit: UnitRef | null; supporters: number }[];
  /** Supporters from supply-side units (IT and other providers): support, but not demand. */
  providerSupporters: number;
  /** Published cards whose link fields point at the idea. */
  citedBy: ItemRef[];
  /** Its own discussion: the thread key for `<bk-thread thread-key>`, and its published comments. */
  discussion: { key: string; comments: number };
  /** `null` unless the caller may score ideas (evaluators, moderators and admins). */
  evaluation: EvaluationSummary | null;
  /** How many earlier texts the idea has (its edits); read them with `ideas.revisions(id)`. */
  revisions: number;
}

/** What one search looks through. */
export type SearchKind = 'idea' | 'comment' | 'card';

export interface SearchQuery {
  /** The words; 2–200 characters. */
  q: string;
  /** Default: all three. */
  kinds?: SearchKind[];
  /** Ideas of this board only (other kinds are unaffected). */
  board?: string;
  /** Cards tagged with this practice area only. */
  area?: PracticeArea;
  /** Ideas in this status category only. */
  status?: StatusCategory;
  /** Changed on or after this day (`YYYY-MM-DD`). */
  since?: string;
  /** 1–50, default 20. */
  limit?: number;
}

/** A part of the item's text around the words found: `marks` are `[start, end)` offsets in `text`. */
export interface Snippet {
  text: string;
  marks: [number, number][];
}

interface HitBase {
  id: string;
  title: string;
  snippet: Snippet;
  /** ISO 8601: when it last changed. */
  at: string;
}

export type SearchHit =
  | (HitBase & { kind: 'idea'; board: string; status: Pick<IdeaStatus, 'key' | 'label' | 'translations' | 'category'>; supporters: number })
  | (HitBase & { kind: 'card'; templateName: string; tags: PracticeArea[]; freshness: Freshness })
  | (HitBase & {
      kind: 'comment';
      /** `title` is the thread's title (or the idea's, for an idea's discussion). */
      thread: { id: string; key: string; title: string | null; url: string | null };
      author: string;
    });

export interface SearchResults {
  /** Best first, all kinds together. */
  hits: SearchHit[];
  /** How many of each kind matched (up to 100 each), before `limit`. */
  counts: Record<SearchKind, number>;
}

/** How an item relates to the one being viewed. */
export type Relation =
  /** An idea answered by the card, or the card that answered the idea. */
  | 'answers'
  | 'answered-by'
  /** An idea proposed from the card, or the card it came from. */
  | 'sparked'
  | 'proposed-from'
  /** A card promoted from the war story, or the story a card came from. */
  | 'promoted-to'
  | 'promoted-from'
  /** A card's link field names it, or it names the item. */
  | 'cites'
  | 'cited-by'
  /** Found by the likeness of the text, not by a link. */
  | 'similar';

export type RelatedKind = 'idea' | 'card' | 'thread';

export interface RelatedItem {
  kind: RelatedKind;
  id: string;
  title: string;
  relation: Relation;
  /** Threads: where to open them. */
  thread?: { key: string; url: string | null };
}

export interface RelatedQuery {
  kind: RelatedKind;
  id: string;
  /** 1–20, default 8: explicit links first, then the most similar of the other kinds. */
  limit?: number;
}

/** An idea on a person's view: what it is called, where it stands, when it was shared. */
export interface PersonIdea extends ItemRef {
  board: string;
  status: Pick<IdeaStatus, 'key' | 'label' | 'translations' | 'category'>;
  /** ISO 8601: when it was shared. */
  at: string;
}

/** A practice card on its owner's view. */
export interface PersonCard extends ItemRef {
  /** ISO 8601: when it last changed. */
  at: string;
}

/** A comment on its author's view: the start of its text, and the discussion it is in. */
export interface PersonComment extends ItemRef {
  /** `title` is the thread's title (or the idea's or card's, for an item's own discussion), else its page or key. */
  thread: { id: string; key: string; title: string | null; url: string | null };
  /** The comment's opening words as plain text (its Markdown rendered, cut at about 200 characters). */
  snippet: string;
  /** ISO 8601: when it was written. */
  at: string;
}

/**
 * A person's own view, as any reader of the community sees it: who they are and what they
 * contributed. Only what every reader may see is counted and listed — published ideas (not
 * merged duplicates), published comments of discussions others are shown, published cards they
 * own — never an e-mail address or sign-in subject.
 */
export interface PersonView {
  /** What others type to @mention them. */
  handle: string;
  name: string;
  businessUnit: string | null;
  /** The tenant's business unit their claim names, or `null`. */
  unit: UnitRef | null;
  /** The higher of the role granted to them and the one their last sign-in's claims gave. */
  role: Role;
  /** ISO 8601: when they first took part. */
  joinedAt: string;
  counts: { ideas: number; comments: number; cards: number };
  /** Up to 10 each, newest first. */
  ideas: PersonIdea[];
  /** Cards they own, most recently changed first. */
  cards: PersonCard[];
  comments: PersonComment[];
}

/** Turning a war story into a practice card. */
export interface PromoteStory {
  /** The card template, e.g. `practice`. */
  template: string;
  /** Promote this comment of the thread, rather than the thread's first comment. */
  comment?: string;
}

/** A promotion: the new card, or the one the story already became (`created: false`). */
export interface Promotion {
  card: import('./card-types.ts').PracticeCard;
  created: boolean;
}
