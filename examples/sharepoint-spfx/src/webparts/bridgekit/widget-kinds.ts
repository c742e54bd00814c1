/**
 * The widgets the web part can show: their tag, the property that says which board, thread or
 * card (and the attribute it becomes), and the module that registers the element. Each module is
 * its own webpack chunk inside the package, loaded only by the web parts that show that widget.
 * They are the widgets with a `webPart` in the widgets' registry (packages/widgets/src/registry.ts),
 * written out for webpack's literal imports; scripts/registry.test.ts checks that they agree.
 */

export type WidgetKind =
  | 'idea-board'
  | 'idea-roadmap'
  | 'idea-triage'
  | 'thread'
  | 'comment-count'
  | 'practice-card'
  | 'practice-library'
  | 'moderation';

/** The web part properties that name what a widget shows. */
export type TargetProperty = 'board' | 'threadKey' | 'card' | 'practiceArea';

export interface WidgetTarget {
  property: TargetProperty;
  attribute: string;
  /** Without it the widget has nothing to show; optional targets have a sensible default. */
  required: boolean;
}

export interface WidgetKindSpec {
  tag: string;
  target: WidgetTarget | null;
  load: () => Promise<unknown>;
}

const board: WidgetTarget = { property: 'board', attribute: 'board', required: true };

export const WIDGET_KINDS: Record<WidgetKind, WidgetKindSpec> = {
  'idea-board': {
    tag: 'bk-idea-board',
    target: board,
    load: () => import(/* webpackChunkName: 'bk-idea-board' */ '@bridgekit/widgets/idea-board.js'),
  },
  'idea-roadmap': {
    tag: 'bk-idea-roadmap',
    target: board,
    load: () => import(/* webpackChunkName: 'bk-idea-roadmap' */ '@bridgekit/widgets/idea-roadmap.js'),
  },
  'idea-triage': {
    tag: 'bk-idea-triage',
    target: board,
    load: () => import(/* webpackChunkName: 'bk-idea-triage' */ '@bridgekit/widgets/idea-triage.js'),
  },
  thread: {
    tag: 'bk-thread',
    // Empty: the thread of the page the web part is on.
    target: { property: 'threadKey', attribute: 'key', required: false },
    load: () => import(/* webpackChunkName: 'bk-thread' */ '@bridgekit/widgets/thread.js'),
  },
  'comment-count': {
    tag: 'bk-comment-count',
    target: { property: 'threadKey', attribute: 'key', required: false },
    load: () => import(/* webpackChunkName: 'bk-comment-count' */ '@bridgekit/widgets/comment-count.js'),
  },
  'practice-card': {
    tag: 'bk-practice-card',
    target: { property: 'card', attribute: 'card', required: true },
    load: () => import(/* webpackChunkName: 'bk-practice-card' */ '@bridgekit/widgets/practice-card.js'),
  },
  'practice-library': {
    tag: 'bk-practice-library',
    // Empty: every practice area.
    target: { property: 'practiceArea', attribute: 'tag', required: false },
    load: () => import(/* webpackChunkName: 'bk-practice-library' */ '@bridgekit/widgets/practice-library.js'),
  },
  moderation: {
    tag: 'bk-moderation',
    target: null,
    load: () => import(/* webpackChunkName: 'bk-moderation' */ '@bridgekit/widgets/moderation.js'),
  },
};

/** The practice card shows its discussion through `<bk-thread>`, which a bundle must register itself. */
export const loadThread = (): Promise<unknown> => WIDGET_KINDS.thread.load();

export function isWidgetKind(value: unknown): value is WidgetKind {
  return typeof value === 'string' && Object.hasOwn(WIDGET_KINDS, value);
}
