/**
 * The one list of Bridgekit's elements. Plain data, no Lit: the widgets' build, the docs site's
 * configurator, the SPFx example and the tests read it. What can be derived from it is (the
 * build entries and the loader's chunk map, the Custom Elements Manifest, the configurator's
 * widget list); every list that must stay written out elsewhere (package exports, demo pages,
 * guides, the Worker's iframe route, the web part) is checked against it by
 * scripts/registry.test.ts. `pnpm new widget <name>` (scripts/new.ts) adds an entry here.
 */

/** A message catalog besides `core` (what every element shares) that an element registers. */
export type Feature =
  | 'ideas'
  | 'comment-count'
  | 'idea-form'
  | 'threads'
  | 'moderation'
  | 'cards'
  | 'search'
  | 'idea'
  | 'notify'
  | 'follow'
  | 'person'
  | 'health'
  | 'insights'
  | 'triage'
  | 'value'
  | 'roadmap';

/** What a widget's target is (a board, an idea, a thread, a card); decides the configurator's picker. */
export type TargetKind = 'board' | 'idea' | 'thread' | 'card';

export interface WidgetTarget {
  kind: TargetKind;
  /** The element's attribute (and the iframe route's query parameter). */
  attribute: string;
  /** Without it the element shows nothing useful; threads fall back to the page's address. */
  required: boolean;
}

/** The SharePoint web part's properties that name what a widget shows. */
export type WebPartProperty = 'board' | 'threadKey' | 'card' | 'practiceArea';

export interface WebPartEntry {
  /** Its name in the web part's "Widget" choice (loc/en-us.js). */
  name: string;
  target: { property: WebPartProperty; attribute: string; required: boolean } | null;
}

export interface WidgetEntry {
  /** `bk-<name>`: the folder, registration module and package export are named `<name>`. */
  tag: `bk-${string}`;
  /** The element class, exported by `@bridgekit/widgets`. */
  className: `Bk${string}`;
  /** Catalogs its component registers (`registerFeature`), besides `core`. */
  features: readonly Feature[];
  /** Whether the iframe route hosts it at `/embed/<name>` (the Worker's FRAME_WIDGETS). */
  framed: boolean;
  /** Plain name and one-line summary, for the configurator and the live demos. */
  title: string;
  summary: string;
  /** The attribute that says what it shows, when it has one (the configurator asks for it). */
  target: WidgetTarget | null;
  /** How the SharePoint web part offers it; `null` when it does not. */
  webPart: WebPartEntry | null;
  /** The page of the Worker's demo (packages/worker/static/demo/) that shows it, if any. */
  demoPage: string | null;
}

const board: WidgetTarget = { kind: 'board', attribute: 'board', required: true };
const threadKey: WidgetTarget = { kind: 'thread', attribute: 'key', required: false };
const webPartBoard = { property: 'board', attribute: 'board', required: true } as const;
const webPartThread = { property: 'threadKey', attribute: 'key', required: false } as const;

export const WIDGETS = [
  {
    tag: 'bk-idea-board',
    className: 'BkIdeaBoard',
    features: ['ideas'],
    framed: true,
    title: 'Idea board',
    summary: "A board's ideas, with votes, sorting and the intake form.",
    target: board,
    webPart: { name: 'Idea board', target: webPartBoard },
    demoPage: 'index.html',
  },
  {
    tag: 'bk-idea-vote',
    className: 'BkIdeaVote',
    features: ['ideas'],
    framed: true,
    title: 'Vote button',
    summary: 'The "back this idea" toggle for one idea, inline on any page.',
    target: { kind: 'idea', attribute: 'idea', required: true },
    webPart: null,
    demoPage: 'index.html',
  },
  {
    tag: 'bk-idea-form',
    className: 'BkIdeaForm',
    features: ['ideas', 'idea-form'],
    framed: true,
    title: 'Idea form',
    summary: 'The intake form of a board on its own.',
    target: board,
    webPart: null,
    // The idea board opens it on the demo's home page.
    demoPage: null,
  },
  {
    tag: 'bk-idea-triage',
    className: 'BkIdeaTriage',
    features: ['triage', 'ideas', 'idea-form'],
    framed: true,
    title: 'Triage',
    summary: "Evaluators' queue, scoring and value-versus-effort matrix.",
    target: board,
    webPart: { name: 'Idea triage (evaluators)', target: webPartBoard },
    demoPage: 'triage.html',
  },
  {
    tag: 'bk-idea-roadmap',
    className: 'BkIdeaRoadmap',
    features: ['ideas', 'roadmap'],
    framed: true,
    title: 'Roadmap',
    summary: "A board's ideas under review, planned, in progress and done.",
    target: board,
    webPart: { name: 'Idea roadmap', target: webPartBoard },
    demoPage: 'index.html',
  },
  {
    tag: 'bk-thread',
    className: 'BkThread',
    features: ['threads'],
    framed: true,
    title: 'Discussion thread',
    summary: 'Comments and replies under a page, with live updates.',
    target: threadKey,
    webPart: { name: 'Discussion thread', target: webPartThread },
    demoPage: 'index.html',
  },
  {
    tag: 'bk-comment-count',
    className: 'BkCommentCount',
    features: ['comment-count'],
    framed: true,
    title: 'Comment count',
    summary: '"12 comments" for a page, next to a link.',
    target: threadKey,
    webPart: { name: 'Comment count', target: webPartThread },
    demoPage: 'index.html',
  },
  {
    tag: 'bk-moderation',
    className: 'BkModeration',
    features: ['moderation'],
    framed: true,
    title: 'Moderation queue',
    summary: "Moderators' queue of held and flagged comments.",
    target: null,
    webPart: { name: 'Moderation queue (moderators)', target: null },
    demoPage: 'moderation.html',
  },
  {
    tag: 'bk-practice-card',
    className: 'BkPracticeCard',
    features: ['cards'],
    framed: true,
    title: 'Practice card',
    summary: 'One practice card, inline on any page.',
    target: { kind: 'card', attribute: 'card', required: true },
    webPart: { name: 'Practice card', target: { property: 'card', attribute: 'card', required: true } },
    demoPage: 'index.html',
  },
  {
    tag: 'bk-practice-library',
    className: 'BkPracticeLibrary',
    features: ['cards'],
    framed: true,
    title: 'Practice library',
    summary: 'The whole library: search, filters, editing and review.',
    target: null,
    // Empty: every practice area.
    webPart: { name: 'Practice library', target: { property: 'practiceArea', attribute: 'tag', required: false } },
    demoPage: 'practices.html',
  },
  {
    tag: 'bk-search',
    className: 'BkSearch',
    features: ['search', 'cards'],
    framed: false,
    title: 'Search',
    summary: 'One search across ideas, discussions and practice cards.',
    target: null,
    webPart: null,
    demoPage: 'index.html',
  },
  {
    tag: 'bk-related',
    className: 'BkRelated',
    features: ['search'],
    framed: false,
    title: 'Related content',
    summary: 'What an idea, card or discussion is linked to: answers, sources, citations and similar items.',
    // `kind` (default `idea`) says whether the id is an idea's, a card's or a thread's.
    target: { kind: 'idea', attribute: 'item-id', required: true },
    webPart: null,
    demoPage: 'index.html',
  },
  {
    tag: 'bk-idea',
    className: 'BkIdea',
    features: ['idea', 'ideas', 'idea-form'],
    framed: false,
    title: 'Idea',
    summary: 'One idea on its own: its description, business case, status history, support and discussion.',
    // Without `idea`, the idea the page's address opens (`#bk-idea=<id>`, or the tenant's idea page).
    target: { kind: 'idea', attribute: 'idea', required: false },
    webPart: null,
    demoPage: 'index.html',
  },
  {
    tag: 'bk-inbox',
    className: 'BkInbox',
    features: ['notify'],
    framed: false,
    title: 'Notifications',
    summary: "A bell with the unread count that opens a person's notifications and e-mail settings.",
    target: null,
    webPart: null,
    // In the header of every signed-in demo page.
    demoPage: 'index.html',
  },
  {
    tag: 'bk-follow',
    className: 'BkFollow',
    features: ['follow'],
    framed: false,
    title: 'Follow button',
    summary: 'Follow an idea, board, discussion, card, practice area or tag to be notified of what happens.',
    // `target` (default `idea`) says whether the id is an idea's, a board's, a thread's, a card's, a practice area's or a tag's.
    target: { kind: 'idea', attribute: 'item-id', required: true },
    webPart: null,
    demoPage: 'index.html',
  },
  {
    tag: 'bk-person',
    className: 'BkPerson',
    features: ['person'],
    framed: false,
    title: 'Person',
    summary: "A person's own view: who they are, and their latest ideas, comments and practice cards.",
    // Without `handle`, the person the page's address opens (`#bk-person=<handle>`, where @mentions lead).
    target: null,
    webPart: null,
    demoPage: 'index.html',
  },
  {
    tag: 'bk-health',
    className: 'BkHealth',
    features: ['health'],
    framed: false,
    title: 'Relationship health',
    summary: "A unit's two-sided health round: answer it when invited; its results, gaps and trend for the unit's relationship team.",
    target: null,
    webPart: null,
    demoPage: 'index.html',
  },
  {
    tag: 'bk-insights',
    className: 'BkInsights',
    features: ['insights'],
    framed: false,
    title: 'Insights cockpit',
    summary:
      "A business unit's cockpit over time (participation, demand, intake, value, relationship and content health), or the overview of every unit the reader reads.",
    target: null,
    webPart: null,
    demoPage: 'index.html',
  },
  {
    tag: 'bk-value-plan',
    className: 'BkValuePlan',
    features: ['value'],
    framed: false,
    title: 'Value plan',
    summary: "A value-realisation plan's benefits: planned, measured and delivered, per measure.",
    target: { kind: 'card', attribute: 'card-id', required: true },
    webPart: null,
    demoPage: 'index.html',
  },
  // pnpm new widget <name> adds its entry above this line.
] as const satisfies readonly WidgetEntry[];

export type WidgetTag = (typeof WIDGETS)[number]['tag'];

/** `bk-idea-board` → `idea-board`: the folder, module and package export name, and the iframe route's path segment. */
export function widgetName(tag: string): string {
  return tag.replace(/^bk-/, '');
}

/** The module that registers the element, relative to the package root. */
export function registrationModule(tag: string): string {
  const name = widgetName(tag);
  return `src/components/${name}/${name}.ts`;
}

/** The module of the element class, relative to the package root. */
export function componentModule(tag: string): string {
  const name = widgetName(tag);
  return `src/components/${name}/${name}.component.ts`;
}

export function widgetEntry(tag: string): WidgetEntry | undefined {
  return WIDGETS.find((w) => w.tag === tag);
}
