/**
 * @bridgekit/widgets for bundler users (Lit and the SDK stay external). Importing this module
 * registers nothing; import `@bridgekit/widgets/idea-board.js` (etc.) to register an element,
 * and call `configure()` once with the API origin, tenant and token.
 */

export { BkCommentCount } from './components/comment-count/comment-count.component.ts';
export { BkFollow } from './components/follow/follow.component.ts';
export { BkHealth } from './components/health/health.component.ts';
export { BkIdea } from './components/idea/idea.component.ts';
export { BkIdeaBoard } from './components/idea-board/idea-board.component.ts';
export { BkIdeaForm } from './components/idea-form/idea-form.component.ts';
export { BkIdeaRoadmap } from './components/idea-roadmap/idea-roadmap.component.ts';
export { BkIdeaTriage } from './components/idea-triage/idea-triage.component.ts';
export { BkIdeaVote } from './components/idea-vote/idea-vote.component.ts';
export { BkInbox } from './components/inbox/inbox.component.ts';
export { BkInsights } from './components/insights/insights.component.ts';
export { BkModeration } from './components/moderation/moderation.component.ts';
export { BkPerson } from './components/person/person.component.ts';
export { BkPracticeCard } from './components/practice-card/practice-card.component.ts';
export { BkPracticeLibrary } from './components/practice-library/practice-library.component.ts';
export { BkRelated } from './components/related/related.component.ts';
export { BkSearch } from './components/search/search.component.ts';
export { BkThread } from './components/thread/thread.component.ts';
export { BkValuePlan } from './components/value-plan/value-plan.component.ts';
export { BkCancelEvent } from './events/cancel.ts';
export { BkCardSaveEvent } from './events/card-save.ts';
export { BkCommentPostEvent } from './events/comment-post.ts';
export { BkErrorEvent } from './events/error.ts';
export { BkFollowChangeEvent } from './events/follow-change.ts';
export { BkIdeaCreateEvent } from './events/idea-create.ts';
export { BkInsightsUnitEvent } from './events/insights-unit.ts';
export { BkItemOpenEvent, type OpenedKind } from './events/item-open.ts';
export { BkModerationDecisionEvent } from './events/moderation-decision.ts';
export { BkNotificationOpenEvent } from './events/notification-open.ts';
export { BkSearchEvent } from './events/search.ts';
export { BkSessionExpiredEvent } from './events/session-expired.ts';
export { BkVoteChangeEvent } from './events/vote-change.ts';
export { BridgekitElement } from './shared/bridgekit-element.ts';
export { type BridgekitConfig, configure } from './shared/config.ts';
export { defineElement } from './shared/define.ts';
