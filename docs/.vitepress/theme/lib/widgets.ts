/**
 * The widgets the configurator and the live demos offer: each element, and the one attribute
 * that says what it shows (a board, an idea, a thread, a card), when it has one.
 */
export type WidgetTag =
  | 'bk-idea-board'
  | 'bk-idea-vote'
  | 'bk-idea-form'
  | 'bk-idea-triage'
  | 'bk-idea-roadmap'
  | 'bk-thread'
  | 'bk-comment-count'
  | 'bk-moderation'
  | 'bk-practice-card'
  | 'bk-practice-library';

/** What a widget's target is; decides the picker. */
export type TargetKind = 'board' | 'idea' | 'thread' | 'card';

export interface WidgetTarget {
  kind: TargetKind;
  /** The element's attribute (and the iframe route's query parameter). */
  attribute: string;
  /** Without it the element shows nothing useful; threads fall back to the page's address. */
  required: boolean;
}

export interface WidgetInfo {
  tag: WidgetTag;
  /** Plain name, as in the web part's widget choice. */
  name: string;
  summary: string;
  target?: WidgetTarget;
}

const board: WidgetTarget = { kind: 'board', attribute: 'board', required: true };
const threadKey: WidgetTarget = { kind: 'thread', attribute: 'key', required: false };

export const WIDGETS: readonly WidgetInfo[] = [
  { tag: 'bk-idea-board', name: 'Idea board', summary: "A board's ideas, with votes, sorting and the intake form.", target: board },
  {
    tag: 'bk-idea-vote',
    name: 'Vote button',
    summary: 'The "back this idea" toggle for one idea, inline on any page.',
    target: { kind: 'idea', attribute: 'idea', required: true },
  },
  { tag: 'bk-idea-form', name: 'Idea form', summary: 'The intake form of a board on its own.', target: board },
  { tag: 'bk-idea-triage', name: 'Triage', summary: "Evaluators' queue, scoring and value-versus-effort matrix.", target: board },
  { tag: 'bk-idea-roadmap', name: 'Roadmap', summary: "A board's ideas under review, planned, in progress and done.", target: board },
  { tag: 'bk-thread', name: 'Discussion thread', summary: 'Comments and replies under a page, with live updates.', target: threadKey },
  { tag: 'bk-comment-count', name: 'Comment count', summary: '"12 comments" for a page, next to a link.', target: threadKey },
  { tag: 'bk-moderation', name: 'Moderation queue', summary: "Moderators' queue of held and flagged comments." },
  {
    tag: 'bk-practice-card',
    name: 'Practice card',
    summary: 'One practice card, inline on any page.',
    target: { kind: 'card', attribute: 'card', required: true },
  },
  { tag: 'bk-practice-library', name: 'Practice library', summary: 'The whole library: search, filters, editing and review.' },
];

export function widgetInfo(tag: string): WidgetInfo | undefined {
  return WIDGETS.find((w) => w.tag === tag);
}

/** `bk-idea-board` → `idea-board`: the iframe route's path segment. */
export function routeName(tag: WidgetTag): string {
  return tag.replace(/^bk-/, '');
}

/** The label of a target, for form fields and the web part settings. */
export const TARGET_LABELS: Record<TargetKind, string> = {
  board: 'Board',
  idea: 'Idea',
  thread: 'Thread key',
  card: 'Card',
};

/** One choice of a picker filled from the API. */
export interface PickerOption {
  value: string;
  label: string;
}
