/**
 * @bridgekit/widgets for bundler users (Lit and the SDK stay external). Importing this module
 * registers nothing; import `@bridgekit/widgets/idea-board.js` (etc.) to register an element,
 * and call `configure()` once with the API origin, tenant and token.
 */
export { BkIdeaBoard } from './components/idea-board/idea-board.component.ts';
export { BkIdeaVote } from './components/idea-vote/idea-vote.component.ts';
export { BkErrorEvent } from './events/error.ts';
export { BkIdeaCreateEvent } from './events/idea-create.ts';
export { BkSessionExpiredEvent } from './events/session-expired.ts';
export { BkVoteChangeEvent } from './events/vote-change.ts';
export { type BridgekitConfig, configure } from './shared/config.ts';
export { defineElement } from './shared/define.ts';
