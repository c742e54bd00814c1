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
import type { enCommentCount } from './en-comment-count.ts';
import type { ErrorKey } from './en-errors.ts';
import type { enFollow } from './en-follow.ts';
import type { enFrame } from './en-frame.ts';
import type { enHealth } from './en-health.ts';
import type { enIdea } from './en-idea.ts';
import type { enIdeaForm } from './en-idea-form.ts';
import type { enIdeas } from './en-ideas.ts';
import type { enInsights } from './en-insights.ts';
import type { enInsightsView } from './en-insights-view.ts';
import type { enIntake } from './en-intake.ts';
import type { enLoop } from './en-loop.ts';
import type { enModeration } from './en-moderation.ts';
import type { enNotify } from './en-notify.ts';
import type { enPerson } from './en-person.ts';
import type { enRoadmap } from './en-roadmap.ts';
import type { enSearch } from './en-search.ts';
import type { enThreadActions } from './en-thread-actions.ts';
import type { enThreads } from './en-threads.ts';
import type { enTriage } from './en-triage.ts';
import type { enValue } from './en-value.ts';
import type { enVoteSend } from './en-vote-send.ts';
import type { enVoteStepper } from './en-vote-stepper.ts';

/**
 * The texts every element shares (failures, the session, an erased person's name) and a few
 * that several features show. Ideas, the idea form, threads, moderation and practice cards keep
 * theirs in their own catalogs (en-ideas.ts, en-idea-form.ts, en-threads.ts, en-moderation.ts,
 * en-cards.ts…), which their elements register when they load: a page pays only for the texts
 * of the elements it shows.
 */
export const en = {
  'board.supporters': { one: '# supporter', other: '# supporters' },
  'form.choose': 'Choose…',
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
} as const;

export type MessageKey =
  | keyof typeof en
  | keyof typeof enIdeas
  | keyof typeof enThreads
  | keyof typeof enCommentCount
  | keyof typeof enThreadActions
  | keyof typeof enVoteSend
  | keyof typeof enRoadmap
  | keyof typeof enVoteStepper
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
