/**
 * English texts: the source catalog. Every string a person sees or hears comes from here.
 * `{name}` is a placeholder; an object picks a plural form by `count` (Intl.PluralRules
 * categories: zero, one, two, few, many, other), with `#` for the formatted count. Each
 * catalog has a German twin (de.ts, de-threads.ts, …) typed as its `Translation`, loaded on
 * demand (threads.ts, moderation.ts and cards.ts say from where).
 */
import type { enCardAccess } from './en-card-access.ts';
import type { enCardEditor } from './en-card-editor.ts';
import type { enCardHistory } from './en-card-history.ts';
import type { enCards } from './en-cards.ts';
import type { ErrorKey } from './en-errors.ts';
import type { enFollow } from './en-follow.ts';
import type { enFrame } from './en-frame.ts';
import type { enHealth } from './en-health.ts';
import type { enIdea } from './en-idea.ts';
import type { enIdeaForm } from './en-idea-form.ts';
import type { enInsights } from './en-insights.ts';
import type { enInsightsView } from './en-insights-view.ts';
import type { enIntake } from './en-intake.ts';
import type { enLoop } from './en-loop.ts';
import type { enModeration } from './en-moderation.ts';
import type { enNotify } from './en-notify.ts';
import type { enPerson } from './en-person.ts';
import type { enSearch } from './en-search.ts';
import type { enThreadActions } from './en-thread-actions.ts';
import type { enThreads } from './en-threads.ts';
import type { enTriage } from './en-triage.ts';
import type { enValue } from './en-value.ts';

/**
 * The texts of ideas, and those every element shares. Threads, moderation and practice cards
 * keep theirs in their own catalogs (en-threads.ts, en-moderation.ts, en-cards.ts), which their
 * elements register when they load: a page pays only for the texts of the elements it shows.
 */
export const en = {
  'board.heading': 'Ideas',
  'board.sortLabel': 'Sort by',
  'board.sortTop': 'Most backed',
  'board.sortNew': 'Newest',
  'board.ideaCount': { one: '# idea', other: '# ideas' },
  'board.loading': 'Loading ideas…',
  'board.empty': 'No ideas yet. Be the first to share one.',
  'board.emptyReadOnly': 'No ideas yet.',
  'board.loadMore': 'Show more ideas',
  'board.loadingMore': 'Loading more ideas…',
  'board.signInToParticipate': 'Sign in to share and back ideas.',
  'board.byline': 'By {name}',
  'board.bylineWithUnit': 'By {name}, {unit}',
  'board.listLabel': 'Ideas on {board}',
  'board.supporters': { one: '# supporter', other: '# supporters' },
  'board.support': { one: '# supporter', other: '# supporters from {units}' },
  'board.units': { one: '# business unit', other: '# business units' },
  'board.supportUnits': { one: 'backed from # business unit', other: 'backed from # business units' },
  'board.budgetLeft': '{remaining} of {total} votes left',
  'board.sortTrending': 'Trending',
  'board.sortValue': 'Highest value',
  'board.sortValuePerEffort': 'Value per effort',
  'board.closedBoard': 'This board is closed: ideas can be read, not submitted or backed.',
  'board.reasonLink': 'See the practice card',
  'board.score': 'Evaluated value {value} · effort {effort}',
  'board.changeRequest': 'Change request',

  'form.open': 'Share an idea',
  'form.heading': 'Share an IT-enabled idea',
  'form.proposedFrom': 'Proposed from the practice card: {title}',
  'form.titleLabel': 'Title',
  'form.titleHint': 'What should IT make possible? Between 3 and 140 characters.',
  'form.descriptionLabel': 'Details (optional)',
  'form.descriptionHint': 'The problem, who would benefit, and the value you expect.',
  'form.charactersLeft': { one: '# character left', other: '# characters left' },
  'form.submit': 'Submit idea',
  'form.submitting': 'Submitting…',
  'form.cancel': 'Cancel',
  'form.submitted': 'Your idea “{title}” was submitted.',
  'form.submittedHeld': 'Your idea “{title}” was sent. A moderator reviews it before others see it.',
  'form.held': 'Your idea “{title}” waits for a moderator before others see it: {reason}',
  'form.heldNoReason': 'Your idea “{title}” waits for a moderator before others see it.',
  'board.held': 'Only you see this idea until a moderator approves it: {reason}',
  'board.rejected': 'A moderator did not publish this idea; only you see it. Reason: {reason}',
  'form.lane': 'What kind of idea is it?',
  'form.laneOpportunity': 'An opportunity',
  'form.laneOpportunityHint': 'New value: revenue, savings, less risk.',
  'form.laneChange': 'A change request',
  'form.laneChangeHint': 'A change to a system or service we have.',
  'form.businessCase': 'Business case',
  'form.problem': 'The problem it solves',
  'form.beneficiary': 'Who benefits (business unit)',
  'form.valueType': 'Kind of value',
  'form.effort': 'Rough effort',
  'form.objective': 'Strategic objective it serves',
  'form.choose': 'Choose…',
  'form.impactedUnits': 'Other units impacted',
  'form.required': '(required)',
  'form.requiredField': 'This board asks for this.',
  'form.newTab': '(opens in a new tab)',
  'form.answeredBy': 'Answered by the practice card:',
  'form.backedSimilar': 'Your support was added to “{title}”. Submit your own idea only if it is a different one.',
  'form.similar': {
    one: 'A similar idea is already here — back it instead?',
    other: '# similar ideas are already here — back one instead?',
  },
  'valueType.revenue': 'Revenue',
  'valueType.cost': 'Cost savings',
  'valueType.risk': 'Less risk',
  'valueType.compliance': 'Compliance',
  'valueType.experience': 'Better experience',
  'effort.XS': 'XS — days',
  'effort.S': 'S — weeks',
  'effort.M': 'M — a quarter',
  'effort.L': 'L — half a year',
  'effort.XL': 'XL — a year or more',
  'form.failed': 'Your idea could not be submitted. {reason}',
  'form.fixErrors': 'Check the highlighted fields.',
  'form.onBehalfOf': 'On behalf of a business leader',
  'form.onBehalfOfHint': 'They become its author and back it; you are shown as who recorded it.',
  'form.leaderName': 'Leader’s name',
  'form.leaderEmail': 'Leader’s e-mail address (never shown)',
  'form.leaderUnit': 'Leader’s business unit',
  'form.leaderNameMissing': 'Give the leader’s name.',
  'form.leaderEmailInvalid': 'Give the leader’s e-mail address, like name@example.com.',

  // The start of the vote button's accessible name; the count and "votes" follow it.
  'vote.name': 'Back “{title}”',
  'vote.count': { one: '# vote', other: '# votes' },
  'vote.unit': { one: 'vote', other: 'votes' },
  'vote.back': 'Back this idea',
  'vote.backed': 'Backed ✓',
  'vote.counted': 'Vote counted for “{title}”. {votes}.',
  'vote.removed': 'Vote removed from “{title}”. {votes}.',
  'vote.failed': 'Couldn’t save your vote. {reason}',
  // A vote made without a connection: kept, and sent once when the connection is back.
  'vote.queued': 'No connection: your vote will be sent when it is back.',
  'vote.sent': 'Back online: your vote for “{title}” was sent. {votes}.',
  'vote.signIn': 'Sign in to vote.',
  'vote.loading': 'Loading idea…',
  'vote.closed': 'Voting has closed on this idea.',
  'vote.noBudget': 'You have no votes left on this board. Take one back from another idea first.',
  'vote.yours': 'Your votes on “{title}”',
  'vote.more': 'Add one of your votes to “{title}”',
  'vote.less': 'Take back one of your votes from “{title}”',
  'vote.mine': { one: 'Yours: #', other: 'Yours: #' },
  'vote.cap': 'At most {count} on one idea',
  'vote.noneLeft': 'None of your votes left',
  'vote.missing': 'This idea is no longer available.',

  'triage.heading': 'Triage: {board}',
  'triage.awaiting': { one: '# idea awaiting review', other: '# ideas awaiting review' },
  'triage.loading': 'Loading the triage queue…',
  'triage.notAllowed': 'Triage is for evaluators. You can look, but scoring and status changes need the evaluator role.',
  'triage.queue': 'Awaiting review',
  'triage.queueEmpty': 'Nothing is waiting for review.',
  'triage.pick': 'Pick an idea from the queue or the chart.',
  'triage.unscored': 'not scored yet',
  'triage.valueEffort': 'value {value}, effort {effort}',
  'triage.crowd': 'Crowd support',
  'triage.evaluation': 'Evaluation',
  'triage.evaluations': { one: '# evaluator', other: '# evaluators' },
  'triage.yourScores': 'Your scores',
  'triage.scaleHint': '(1 low – 5 high)',
  'triage.yes': 'Yes',
  'triage.no': 'No',
  'triage.scoreMissing': 'Score this criterion.',
  'triage.saveScores': 'Save scores',
  'triage.scored': 'Scores saved for “{title}”.',
  'triage.status': 'Status',
  'triage.statusLabel': 'New status',
  'triage.reason': 'Reason, shown to the requester',
  'triage.reasonRequired': 'This status needs a reason of at least 10 characters: tell the requester why.',
  'triage.revisitOn': 'Revisit on',
  'triage.revisitRequired': 'Pick the day after today or later on which to look at the idea again.',
  'triage.answeringCard': 'Practice card that answers the need (optional)',
  'triage.answeredBy': 'answered by the practice card “{title}”',
  'triage.merge': 'Merge into another idea',
  'triage.mergeHint': 'For a duplicate: it closes as merged, and its supporters back the idea you pick.',
  'triage.mergeTarget': 'Idea to merge it into',
  'triage.mergePick': 'Pick the idea to merge it into.',
  'triage.mergeButton': 'Merge',
  'triage.merged': '“{title}” was merged into “{into}”.',
  'triage.saveStatus': 'Change status',
  'triage.statusChanged': '“{title}” is now {status}.',
  'triage.history': 'History',
  'triage.noHistory': 'No status changes yet.',
  'triage.historyItem': '{to}, by {by},',
  'triage.matrix': 'Value versus effort',
  'triage.matrixDescription': {
    one: '# scored idea. Each bubble is an idea, sized by its supporters; choose one to open it.',
    other: '# scored ideas. Each bubble is an idea, sized by its supporters; choose one to open it.',
  },
  'triage.valueAxis': 'Value',
  'triage.effortAxis': 'Effort',
  'triage.quickWins': 'Quick wins',
  'triage.bigBets': 'Big bets',
  'triage.fillIns': 'Fill-ins',
  'triage.reconsider': 'Reconsider',
  'triage.bubble': '{title}: value {value}, effort {effort}, {supporters}',
  'triage.asTable': 'Show the chart as a table',
  'triage.idea': 'Idea',
  'triage.supportersColumn': 'Supporters',

  'roadmap.heading': 'Roadmap: {board}',
  'roadmap.loading': 'Loading the roadmap…',
  'roadmap.under_review': 'Under review',
  'roadmap.planned': 'Planned',
  'roadmap.in_progress': 'In progress',
  'roadmap.done': 'Done',
  'roadmap.empty': 'Nothing here yet.',

  'error.network': 'Check your connection and try again.',
  'error.notFoundBoard': 'This board does not exist.',
  'error.notConfigured': 'This part of the page is not set up yet.',
  'error.signIn': 'Sign in to take part.',
  'error.sessionExpired': 'Your sign-in has expired. Reload the page to sign in again.',
  'session.reload': 'Reload page',
  /** The name of a person whose personal data was erased (the API's `REMOVED_PERSON_NAME`). */
  'person.removed': 'removed person',
  'error.generic': 'Something went wrong. Try again in a moment.',
  'error.retry': 'Try again',
  'error.loadFailed': 'The ideas could not be loaded.',
  'health.heading': 'Relationship health',
  'health.intro': 'How the business and IT see their relationship, each side scoring both.',
  'insights.heading': 'Insights',
  'insights.intro': 'How each business unit takes part, what it asks for, what it got, and how the relationship is going, month by month.',
  'valuePlan.heading': 'Value plan',
  'valuePlan.intro': 'The benefits of a value-realisation plan: planned, measured and delivered, per measure.',
} as const;

export type MessageKey =
  | keyof typeof en
  | keyof typeof enThreads
  | keyof typeof enThreadActions
  | keyof typeof enModeration
  | keyof typeof enCards
  | keyof typeof enCardAccess
  | keyof typeof enCardEditor
  | keyof typeof enCardHistory
  | keyof typeof enFrame
  | keyof typeof enIdea
  | keyof typeof enIdeaForm
  | keyof typeof enIntake
  | keyof typeof enSearch
  | keyof typeof enLoop
  | keyof typeof enNotify
  | keyof typeof enFollow
  | keyof typeof enPerson
  | keyof typeof enHealth
  | keyof typeof enInsights
  | keyof typeof enInsightsView
  | keyof typeof enTriage
  | keyof typeof enValue
  | ErrorKey;
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
/** A locale's texts, whole or for one feature. */
export type Catalog = Partial<Record<MessageKey, Message>>;
/**
 * Another language's texts for an English catalog: every key, a plural object wherever English
 * has one. A missing or misspelt key is a compile-time error.
 */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : PluralMessage };
